import type { Assessment } from '../platform/schemas/index.js';
import type { AssessmentChange } from './build-digest.js';
import type { AlertStore } from './types.js';

const PAGE = 5_000;

export type LogRow<T> = { seq: number; item: T };

/** Reads a sequence-numbered log from `from` to its end, page by page; `head` is the last seq seen. */
export async function readAll<R extends { seq: number }, T>(
  page: (after: number, limit: number) => Promise<R[]>,
  from: number,
  pick: (r: R) => T,
): Promise<{ rows: Array<LogRow<T>>; head: number }> {
  const rows: Array<LogRow<T>> = [];
  let cursor = from;
  for (;;) {
    const batch = await page(cursor, PAGE);
    for (const r of batch) rows.push({ seq: r.seq, item: pick(r) });
    if (batch.length === 0) break;
    cursor = batch[batch.length - 1]!.seq;
    if (batch.length < PAGE) break;
  }
  return { rows, head: cursor };
}

/** The assessment history of every customer that has a row in `rows`. */
export async function loadHistories(store: Pick<AlertStore, 'assessmentHistory'>, rows: Array<{ item: Assessment }>): Promise<Map<string, Assessment[]>> {
  const out = new Map<string, Assessment[]>();
  for (const id of new Set(rows.map((r) => r.item.customerId))) out.set(id, await store.assessmentHistory(id));
  return out;
}

/** Attaches to each change the assessment that preceded it, so the mail can say "B → D". */
export function withPrevious(rows: Array<LogRow<Assessment>>, histories: Map<string, Assessment[]>): AssessmentChange[] {
  return rows.map((r) => ({ seq: r.seq, assessment: r.item, previous: precedingAssessment(histories.get(r.item.customerId) ?? [], r.item) }));
}

export function precedingAssessment(history: Assessment[], a: Assessment): Assessment | undefined {
  const sorted = [...history].sort((x, y) => x.asOf.localeCompare(y.asOf));
  let idx = sorted.findIndex((h) => h.asOf === a.asOf && h.score === a.score && h.grade === a.grade);
  for (let i = sorted.length - 1; idx < 0 && i >= 0; i--) {
    if (sorted[i]!.score === a.score && sorted[i]!.grade === a.grade) idx = i;
  }
  if (idx < 0) return sorted.filter((h) => h.asOf < a.asOf).at(-1);
  return idx > 0 ? sorted[idx - 1] : undefined;
}
