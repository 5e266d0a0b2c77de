import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidatesOf, classifyDocument, parseEventModel, type EventModel } from '../../analysis/classify/index.js';
import { evaluateEvents, eventDocumentOf } from '../../analysis/eval/evaluate.js';
import { loadCorpus } from '../../analysis/eval/load-corpus.js';
import { loadEventModel } from '../../app/event-model.js';
import { UserError } from '../../platform/errors.js';
import { fitSparseLogistic, predict } from '../../scripts/sparse-logistic.js';

const LAW = 'La liquidation judiciaire est une procédure collective régie par le Code de commerce français.';
const NEWS = 'Le tribunal de commerce a placé la société Camaïeu SAS en liquidation judiciaire mercredi.';

const model = (weights: Record<string, number>, extra: Partial<EventModel> = {}): EventModel =>
  parseEventModel({ version: 't', bias: 2, weights, hardThreshold: 0.5, softThreshold: 0.5, families: ['rule', 'cue', 'shape'], ...extra });

describe('trained event layer', () => {
  it('vetoes a hard event the rules accept when the sentence reads as a definition, and says which features did it', () => {
    const rules = classifyDocument({ text: LAW, lang: 'fr' });
    expect(rules.events.map((e) => e.type)).toContain('insolvency');
    const m = model({ 'cue:definition': -3, 'hard&cue:law_word': -2 });
    const c = classifyDocument({ text: LAW, lang: 'fr' }, { model: m });
    expect(c.events).toEqual([]);
    const vetoed = c.rejected.find((e) => e.type === 'insolvency')!;
    expect(vetoed.cues.at(-1)).toMatch(/^model p=0\.\d\d < 0\.50: .*(cue:definition −3\.00|hard&cue:law_word −2\.00)/);
    // The same model keeps the news sentence: no definition cue, a specific date.
    const news = classifyDocument({ text: NEWS, lang: 'fr' }, { model: m });
    expect(news.events.map((e) => e.type).sort()).toEqual(['insolvency', 'liquidation']);
    expect(news.events[0]!.cues.at(-1)).toMatch(/^model p=0\.\d\d ≥ 0\.50/);
  });

  it('recovers a candidate the rules rejected only when recoverFrom is set and reached', () => {
    const text = 'Die Muster AG war 2009 in Konkurs gegangen.';
    const doc = { text, lang: 'de', publishedAt: '2024-05-01T00:00:00Z' };
    expect(classifyDocument(doc).events).toEqual([]);
    const strong = { 'rules:rejected': 5 };
    expect(classifyDocument(doc, { model: model(strong) }).events).toEqual([]);
    expect(classifyDocument(doc, { model: model(strong, { recoverFrom: 0.9 }) }).events.map((e) => e.type)).toEqual(['insolvency']);
  });

  it('builds the same features at run time as the fit script reads', () => {
    const [c] = candidatesOf({ text: NEWS, lang: 'fr' }, 'fr', new Set(['rule', 'cue', 'shape']));
    expect(c!.accepted).toBe(true);
    expect([...c!.features!.keys()]).toEqual(expect.arrayContaining(['rules:accepted', 'subject:name', 'cue:specific_time', 'shape:names_1']));
    expect([...c!.features!.keys()].some((k) => k.startsWith('w:'))).toBe(false);
  });

  it('loads the shipped weights, and refuses a broken weights file with exit code 2', () => {
    const shipped = loadEventModel();
    expect(Object.keys(shipped.weights).length).toBeGreaterThan(20);
    expect(shipped.fitted).toMatchObject({ corpus: expect.stringContaining('events.dev.jsonl') });
    const dir = mkdtempSync(join(tmpdir(), 'event-model-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ version: 'x', bias: 'high' }));
    expect(() => loadEventModel(join(dir, 'bad.json'))).toThrow(UserError);
    expect(() => loadEventModel(join(dir, 'missing.json'))).toThrow(/cannot read the event weights/);
  });

  it('with the shipped weights, fewer hard negatives of the development corpus get a hard event than with the rules alone', () => {
    const lines = loadCorpus().events.dev;
    const run = (m?: EventModel) => evaluateEvents(lines, (l) => classifyDocument(eventDocumentOf(l), { model: m }).events.map((e) => e.type));
    const rules = run();
    const trained = run(loadEventModel());
    expect(trained.hardNegatives.withHard).toBeLessThan(rules.hardNegatives.withHard);
    expect(trained.hard.precision).toBeGreaterThan(rules.hard.precision);
  });

  it('fits a logistic regression that separates what its features separate', () => {
    const ex = (f: string[], label: boolean) => ({ features: new Map(f.map((k) => [k, 1])), label });
    const data = [...Array.from({ length: 20 }, () => ex(['a', 'c'], true)), ...Array.from({ length: 20 }, () => ex(['b', 'c'], false))];
    const fit = fitSparseLogistic(data, 0.001);
    expect(predict(fit, new Map([['a', 1], ['c', 1]]))).toBeGreaterThan(0.9);
    expect(predict(fit, new Map([['b', 1], ['c', 1]]))).toBeLessThan(0.1);
    expect(fit.weights.a!).toBeGreaterThan(0);
    expect(fit.weights.b!).toBeLessThan(0);
  });
});
