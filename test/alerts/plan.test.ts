import { describe, expect, it } from 'vitest';
import { dueDigests, entryCursor, entryFrom, nextDigestState, pickDigestsToBuild } from '../../alerts/digest-plan.js';
import { DEFAULT_INSTANT_RULES, planInstant, type InstantCandidate } from '../../alerts/instant-plan.js';
import { makeSubscription } from './support/fixtures.js';

const at = new Date('2026-11-22T09:00:00Z');
const anna = makeSubscription({ id: 'anna', hour: 7 });
const bernd = makeSubscription({ id: 'bernd', hour: 7 });
const carl = makeSubscription({ id: 'carl', hour: 7 });

describe('digest planning (pure)', () => {
  it('builds what is due and not handled; a period in the outbox without a saved state is repaired, not rebuilt', () => {
    const due = dueDigests([anna, bernd, carl], 'daily', at);
    expect(due.map((d) => d.key)).toEqual(['digest:anna:2026-11-22', 'digest:bernd:2026-11-22', 'digest:carl:2026-11-22']);
    const states = new Map([
      ['anna', { subscriptionId: 'anna', cursor: { signals: 9, assessments: 2 }, lastPeriod: '2026-11-21', quietSlots: 1, updatedAt: '' }],
      ['bernd', { subscriptionId: 'bernd', cursor: { signals: 9, assessments: 2 }, lastPeriod: '2026-11-22', quietSlots: 0, updatedAt: '' }],
    ]);
    const picked = pickDigestsToBuild(due, states, new Set(['digest:carl:2026-11-22']));
    expect(picked.todo.map((t) => [t.sub.id, t.from])).toEqual([['anna', { signals: 9, assessments: 2 }]]);
    expect(picked.alreadyDone.map((d) => d.sub.id)).toEqual(['bernd', 'carl']);
    expect(picked.repair.map((d) => d.sub.id)).toEqual(['carl']);
  });

  it('the next state covers what was read, counts quiet periods, and the outbox entry remembers where the mail started', () => {
    const [t] = pickDigestsToBuild(dueDigests([anna], 'daily', at), new Map(), new Set()).todo;
    const quiet = nextDigestState({ ...t!, state: { subscriptionId: 'anna', cursor: t!.from, quietSlots: 2, updatedAt: '' } }, { signals: 30, assessments: 4 }, true, at);
    expect(quiet).toMatchObject({ cursor: { signals: 30, assessments: 4 }, lastPeriod: '2026-11-22', quietSlots: 3 });
    expect(nextDigestState(t!, { signals: 30, assessments: 4 }, false, at).quietSlots).toBe(0);
    const cursor = entryCursor({ signals: 5, assessments: 1 }, { signals: 30, assessments: 4 });
    expect(entryFrom(cursor)).toEqual({ signals: 5, assessments: 1 });
    expect(entryFrom({ signals: 30 })).toBeUndefined();
  });
});

describe('instant planning (pure): grouping window, repeat suppression, rate limit', () => {
  const cand = (seq: number, customerId: string, event: string, firstSeenIso: string): InstantCandidate => ({
    seq, customerId, event, firstSeen: Date.parse(firstSeenIso), signal: { id: `s${seq}` } as never,
  });
  const cursor = { signals: 0, assessments: 0 };
  const head = { signals: 10, assessments: 0 };

  it('holds a group inside its window and keeps the cursor before it', () => {
    const plan = planInstant([cand(3, 'c1', 'c1:insolvency', '2026-11-22T08:58:00Z'), cand(5, 'c2', 'c2:liquidation', '2026-11-22T08:50:00Z')], cursor, head, new Map(), [], at, DEFAULT_INSTANT_RULES);
    expect(plan.ready.map((c) => c.seq)).toEqual([5]);
    expect(plan.waitingGroups).toBe(1);
    expect(plan.next.signals).toBe(2);
  });

  it('suppresses an event alerted within repeatAfterMs, and lets it through after', () => {
    const c = [cand(4, 'c1', 'c1:insolvency', '2026-11-22T08:00:00Z')];
    expect(planInstant(c, cursor, head, new Map([['c1:insolvency', '2026-11-20T00:00:00Z']]), [], at, DEFAULT_INSTANT_RULES).ready).toEqual([]);
    expect(planInstant(c, cursor, head, new Map([['c1:insolvency', '2026-10-01T00:00:00Z']]), [], at, DEFAULT_INSTANT_RULES).ready).toHaveLength(1);
  });

  it('rate-limits per recipient: ready alerts wait, the cursor stays before them', () => {
    const recent = Array.from({ length: 6 }, (_, i) => `2026-11-22T08:${10 + i}:00Z`);
    const plan = planInstant([cand(7, 'c1', 'c1:insolvency', '2026-11-22T08:00:00Z')], cursor, head, new Map(), recent, at, DEFAULT_INSTANT_RULES);
    expect(plan).toMatchObject({ ready: [], rateLimited: true, next: { signals: 6 } });
  });
});
