import { describe, expect, it } from 'vitest';
import { classifyDocument, stemTokens, trainEventModel } from '../../analysis/classify/index.js';
import { HELD_OUT } from '../../analysis/eval/data/events-test.js';
import { TRAIN } from '../../analysis/eval/data/events-train.js';
import { LINK_HELD_OUT, LINK_WATCHLIST } from '../../analysis/eval/data/linking.js';
import { evaluateEvents, evaluateLinking, scoreOf } from '../../analysis/eval/evaluate.js';
import { buildWatchlistIndex, linkEntities } from '../../analysis/linking/index.js';
import { EVENT_TYPES } from '../../platform/schemas/common.js';

describe('labelled evaluation set', () => {
  it('has at least 300 sentences across de/fr/it/en and every event type, with hard negatives, train and held-out apart', () => {
    const all = [...TRAIN, ...HELD_OUT];
    expect(all.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['de', 'en', 'fr', 'it']) expect(all.filter((e) => e.lang === lang).length).toBeGreaterThan(50);
    for (const t of EVENT_TYPES) expect(HELD_OUT.some((e) => e.labels.includes(t))).toBe(true);
    expect(HELD_OUT.filter((e) => e.labels.length === 0).length).toBeGreaterThan(20);
    const train = new Set(TRAIN.map((e) => e.text));
    expect(HELD_OUT.filter((e) => train.has(e.text))).toEqual([]);
  });
});

// A regression guard for the goals on the held-out part (the same figures `npm run eval` prints).
describe('accuracy on the held-out part', () => {
  it('meets the hard-event goals: macro precision ≥ 0.95 and macro F1 ≥ 0.85', () => {
    const r = evaluateEvents(HELD_OUT, (ex) => classifyDocument({ text: ex.text, lang: ex.lang, publishedAt: '2026-11-01T00:00:00Z' }).events.map((e) => e.type));
    expect(r.hard.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.hard.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('meets the linking goals: precision ≥ 0.98, recall ≥ 0.9', () => {
    const index = buildWatchlistIndex(LINK_WATCHLIST);
    const r = evaluateLinking(LINK_HELD_OUT, (ex) => linkEntities(index, { text: ex.text, registerIds: ex.registerIds }));
    expect(r.precision).toBeGreaterThanOrEqual(0.98);
    expect(r.recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('evaluation arithmetic and the trained model', () => {
  it('computes precision, recall and F1, with empty classes counting as perfect', () => {
    expect(scoreOf(8, 2, 2)).toMatchObject({ precision: 0.8, recall: 0.8 });
    expect(scoreOf(8, 2, 2).f1).toBeCloseTo(0.8, 10);
    expect(scoreOf(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    const r = evaluateEvents(
      [
        { lang: 'en', labels: ['insolvency'], text: 'a' },
        { lang: 'en', labels: [], text: 'b' },
      ],
      (ex) => (ex.text === 'a' ? ['insolvency', 'layoffs'] : ['insolvency']),
    );
    expect(r.byType.insolvency).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(r.byType.layoffs).toMatchObject({ tp: 0, fp: 1 });
  });

  it('stems with the language stemmer and learns from labelled sentences', () => {
    expect(stemTokens('Konkurseröffnungen', 'de')).toEqual(stemTokens('Konkurseroeffnungen', 'de'));
    const model = trainEventModel([
      { lang: 'en', labels: ['layoffs'], text: 'The company cuts jobs and lays off workers.' },
      { lang: 'en', labels: ['layoffs'], text: 'Hundreds of workers laid off at the plant.' },
      { lang: 'en', labels: [], text: 'The company opens a new shop.' },
      { lang: 'en', labels: [], text: 'A new shop opens downtown.' },
    ]);
    const p = model.probabilities('Workers laid off as plant cuts jobs', 'en');
    expect(p.get('layoffs')!).toBeGreaterThan(p.get('none')!);
    expect([...p.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('lets the model veto a soft lexicon hit it finds very unlikely, but never a hard event', () => {
    const veto = { probabilities: () => new Map([['none', 0.99], ['layoffs', 0.001], ['insolvency', 0.001]] as const) };
    expect(classifyDocument({ text: 'Der Konzern streicht 500 Stellen.' }, { model: veto as never }).events).toEqual([]);
    expect(classifyDocument({ text: 'Über die Firma wurde der Konkurs eröffnet.' }, { model: veto as never }).events.map((e) => e.type)).toEqual(['insolvency']);
  });
});
