import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyDocument, type Classification } from '../../analysis/classify/index.js';
import { linkEntities } from '../../analysis/linking/index.js';
import { loadEventModel } from '../../app/event-model.js';
import { loadCorpusWatchlistIndex } from './corpus-watchlist.js';

/**
 * Every decision of link + classify on a fixed set of real sentences, so that a change meant only to make the analysis
 * faster (sentence reading, pattern matching, caching) cannot change a decision unseen. The sentences are the first 600
 * lines of the development corpus (analysis/eval/corpus/events.dev.jsonl; appended sentences do not move them), each
 * alone and in twelve-sentence documents, linked against the corpus watchlist and classified with the shipped event
 * layer, as the analyzer runs them. One line per input: its id, a readable summary of the events kept (type, modality,
 * role, subject; how many were rejected) and a hash of the whole classification (every cue, span and confidence).
 *
 * A rule change or a refitted event layer changes decisions on purpose: refresh the snapshot with
 *   npx vitest run test/analysis/decisions-snapshot.test.ts -u
 * and read its diff (the summaries say which decisions moved). A speed change must leave the file unchanged.
 */
const SENTENCES = 600;
const DOCUMENT_SIZE = 12;

interface Line {
  id: string;
  lang: string;
  text: string;
}

function devSentences(): Line[] {
  const raw = readFileSync(new URL('../../analysis/eval/corpus/events.dev.jsonl', import.meta.url), 'utf8');
  return raw
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, SENTENCES)
    .map((l) => JSON.parse(l) as Line);
}

function summaryOf(c: Classification): string {
  const events = c.events.map((e) => `${e.type}/${e.modality}/${e.role}/${e.subject ?? '-'}`).join(' | ');
  return `${c.lang} ${events || 'no event'}; ${c.rejected.length} rejected`;
}

function lineOf(id: string, c: Classification): string {
  const hash = createHash('sha256').update(JSON.stringify(c)).digest('hex').slice(0, 12);
  return `${id}\t${summaryOf(c)}\t${hash}`;
}

describe('decisions of link + classify on fixed real sentences (decisions-snapshot.txt)', () => {
  it('are those of the snapshot: a speed change changes none; a rule change refreshes it with -u', async () => {
    const index = loadCorpusWatchlistIndex();
    const model = loadEventModel();
    const classify = (doc: { title?: string; text: string; lang?: string }): Classification => classifyDocument({ ...doc, linked: linkEntities(index, doc) }, { model });
    const sentences = devSentences();
    const out: string[] = [];
    // Alone, with the corpus's language and with the language detected.
    for (const s of sentences) out.push(lineOf(s.id, classify({ text: s.text, lang: s.lang })));
    for (const s of sentences) out.push(lineOf(`${s.id} detected`, classify({ text: s.text })));
    // As documents: references resolve across sentences, one event per subject and type.
    for (let i = 0; i < sentences.length; i += DOCUMENT_SIZE) {
      const part = sentences.slice(i, i + DOCUMENT_SIZE);
      const doc = { title: part[0]!.text, text: part.slice(1).map((s) => s.text).join(' ') };
      out.push(lineOf(`${part[0]!.id}..${part.at(-1)!.id}`, classify(doc)));
    }
    expect(out.length).toBe(2 * SENTENCES + Math.ceil(SENTENCES / DOCUMENT_SIZE));
    await expect(`${out.join('\n')}\n`).toMatchFileSnapshot('./decisions-snapshot.txt');
  });
});
