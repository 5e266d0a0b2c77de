import { analyzeDocument } from '../analysis/analyze-document.js';
import { buildWatchlistIndex } from '../analysis/linking/index.js';
import { TOPICS, type Customer, type Document, type Signal } from '../platform/schemas/index.js';
import type { App } from './compose.js';
import { searchWord } from './prospect.js';
import { publishAll } from './publish.js';

const PER_WORD = 500;
/** Above this many added customers, one pass over the newest documents is cheaper than a search per name. */
const SEARCH_PER_NAME_UP_TO = 50;
const ONE_PASS_DOCUMENTS = 5000;

/**
 * A customer added (or renamed, or given new register ids) gets the stored documents that
 * already mention it: each candidate is linked and classified against the whole watchlist as
 * the analyzer would, and the signals for the added customers are published (stable ids, so a
 * document the analyzer also sees again is counted once). A large import (more than 50 new
 * customers) reads the newest 5,000 stored documents once instead of searching per name.
 */
export async function relinkStoredDocuments(app: Pick<App, 'store' | 'bus' | 'clock' | 'linkModel'> & Partial<Pick<App, 'eventModel'>>, added: readonly Customer[]): Promise<{ documents: number; signals: number }> {
  if (added.length === 0) return { documents: 0, signals: 0 };
  const wanted = new Set(added.map((c) => c.id));
  const candidates = new Map<string, Document>();
  if (added.length > SEARCH_PER_NAME_UP_TO) {
    for (const d of await app.store.documentsMentioning('', ONE_PASS_DOCUMENTS)) candidates.set(d.id, d);
  } else {
    for (const c of added) {
      const words = new Set([searchWord(c.name), ...c.aliases.map(searchWord), ...c.registerIds].filter((w) => w.length >= 3));
      for (const w of words) for (const d of await app.store.documentsMentioning(w, PER_WORD)) candidates.set(d.id, d);
    }
  }
  if (candidates.size === 0) return { documents: 0, signals: 0 };
  const index = buildWatchlistIndex(await app.store.listCustomers(), app.linkModel);
  const now = app.clock.now();
  const signals: Signal[] = [];
  for (const d of candidates.values()) signals.push(...analyzeDocument(d, index, now, { eventModel: app.eventModel }).filter((s) => s.customerId !== undefined && wanted.has(s.customerId)));
  if (signals.length > 0) await publishAll(app.bus, TOPICS.signals, signals);
  return { documents: candidates.size, signals: signals.length };
}
