import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, onePerId } from '../../analysis/analyze-document.js';
import { buildWatchlistIndex, parseWatchlistCsv } from '../../analysis/linking/index.js';
import { loadCorpus } from '../../analysis/eval/load-corpus.js';
import { loadLinkModel } from '../../app/link-model.js';
import { loadEventModel } from '../../app/event-model.js';
import type { Document, Signal } from '../../platform/schemas/index.js';

// Real sentences of the labelled corpus's development part (source URLs per line in
// analysis/eval/corpus) against the corpus watchlist of real companies.
const WATCHLIST_CSV = readFileSync(new URL('../../analysis/eval/corpus/watchlist.csv', import.meta.url), 'utf8');

describe('one signal per document, customer (or industry) and type', () => {
  it('gives no two signals one id over the development corpus, where references and lists repeat an event', () => {
    const index = buildWatchlistIndex(parseWatchlistCsv(WATCHLIST_CSV).customers, loadLinkModel());
    const eventModel = loadEventModel();
    const signals = loadCorpus().events.dev.flatMap((l) => {
      const doc: Document = { id: `corpus-${l.id}`, sourceId: 'corpus', kind: 'news', url: `${l.url}#${l.id}`, title: l.text.slice(0, 140), text: l.text, language: l.lang, fetchedAt: '2026-11-19T10:00:00.000Z' };
      return analyzeDocument(doc, index, new Date('2026-11-20T12:00:00Z'), { eventModel });
    });
    expect(signals.length).toBeGreaterThan(300);
    expect(new Set(signals.map((s) => s.id)).size).toBe(signals.length);
  }, 120_000);

  it('keeps the signal that may alert, then the most confident, then the first', () => {
    const s = (id: string, confidence: number, ambiguous: boolean, evidence: string) => ({ id, confidence, ambiguous, evidence }) as Signal;
    const kept = onePerId([s('a', 0.9, true, 'a1'), s('b', 0.8, false, 'b1'), s('a', 0.6, false, 'a2'), s('b', 0.85, false, 'b2'), s('a', 0.95, true, 'a3'), s('b', 0.85, false, 'b3')]);
    expect(kept.map((k) => k.evidence)).toEqual(['a2', 'b2']);
    const unique = [s('x', 0.5, false, 'x'), s('y', 0.5, false, 'y')];
    expect(onePerId(unique)).toBe(unique);
  });
});
