import type natural from 'natural';
import { BayesClassifier, PorterStemmer, PorterStemmerDe, PorterStemmerFr, PorterStemmerIt } from './natural-parts.js';
import type { EventType } from '../../platform/schemas/common.js';
import { foldText } from '../text/fold.js';

/**
 * A naive Bayes sentence classifier (natural) over stemmed, folded tokens. It is trained on the
 * labelled sentences and used next to the lexicons: the lexicons decide which events a sentence
 * may report (precision matters most for alerts); the model calibrates their confidence and
 * vetoes a soft event (not one of the hard four) that it finds very unlikely.
 */
export interface EventModel {
  /** Normalised class probabilities for one sentence; classes are event types and "none". */
  probabilities(sentence: string, lang: string): Map<EventType | 'none', number>;
}

export interface TrainingSentence {
  lang: string;
  text: string;
  labels: EventType[];
}

const STEMMERS: Record<string, natural.Stemmer> = {
  de: PorterStemmerDe,
  fr: PorterStemmerFr,
  it: PorterStemmerIt,
  en: PorterStemmer,
};

// Porter stemming costs microseconds per word and news repeats its words: a bounded memo per language.
const MEMO_LIMIT = 100_000;
const memos = new Map<string, Map<string, string>>();

/** Folded words of three letters or more, stemmed with the language's Porter stemmer. */
export function stemTokens(text: string, lang: string): string[] {
  const stemmer = STEMMERS[lang] ?? PorterStemmer;
  let memo = memos.get(lang);
  if (!memo) memos.set(lang, (memo = new Map()));
  const out: string[] = [];
  for (const w of foldText(text, lang).split(/[^a-z]+/)) {
    if (w.length < 3) continue;
    let stem = memo.get(w);
    if (stem === undefined) {
      stem = stemmer.stem(w);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(w, stem);
    }
    out.push(stem);
  }
  return out;
}

export function trainEventModel(examples: TrainingSentence[]): EventModel {
  const bayes = new BayesClassifier();
  for (const ex of examples) {
    const tokens = stemTokens(ex.text, ex.lang);
    if (tokens.length === 0) continue;
    // Multi-label sentences count once per label.
    for (const label of ex.labels.length > 0 ? ex.labels : ['none']) bayes.addDocument(tokens, label);
  }
  bayes.train();
  return compileBayes(bayes);
}

interface BayesInternals {
  features: Record<string, number>;
  classifier: { classFeatures: Record<string, Record<number, number>>; classTotals: Record<string, number>; totalExamples: number; smoothing: number };
}

/**
 * natural scores a sentence by turning it into a dense vector over every known feature
 * (`indexOf` per feature), which costs milliseconds per sentence. The trained counts are read
 * once into per-feature log weights instead: the same naive Bayes arithmetic as natural's
 * `probabilityOfClass`, in log space and sparse, so it costs microseconds.
 */
function compileBayes(bayes: natural.BayesClassifier): EventModel {
  const { features, classifier } = bayes as unknown as BayesInternals;
  const labels = Object.keys(classifier.classFeatures);
  const index = new Map<string, number>();
  let i = 0;
  for (const f in features) index.set(f, i++); // natural's feature order (for…in), so indexes agree
  const prior = labels.map((l) => Math.log(classifier.classTotals[l]! / classifier.totalExamples));
  const logCount = (l: string, f: number) => Math.log((classifier.classFeatures[l]![f] || classifier.smoothing) / classifier.classTotals[l]!);
  const weights = new Map<number, Float64Array>();
  for (const f of index.values()) weights.set(f, Float64Array.from(labels, (l) => logCount(l, f)));
  return {
    probabilities(sentence, lang) {
      const scores = prior.slice();
      const seen = new Set<number>();
      for (const t of stemTokens(sentence, lang)) {
        const f = index.get(t);
        if (f === undefined || seen.has(f)) continue; // features are binary: present or not
        seen.add(f);
        const w = weights.get(f)!;
        for (let k = 0; k < scores.length; k++) scores[k]! += w[k]!;
      }
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      return new Map(labels.map((l, k) => [l as EventType | 'none', exp[k]! / sum]));
    },
  };
}
