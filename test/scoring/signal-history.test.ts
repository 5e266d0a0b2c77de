import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSignalHistory } from '../../analysis/signal-history.js';
import { openSqliteStore } from '../../platform/store/sqlite/sqlite.store.js';
import type { SignalStore } from '../../platform/store/port.js';
import { sample } from '../contract/store.contract.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir('bonitor-history-');
afterAll(() => tmp.cleanup());

const at = (id: string, customerId: string, occurredAt: string) => ({ ...sample.signal(id, customerId), occurredAt });

/** The store, counting how many signal rows the history made it read. */
async function countingStore(file: string) {
  const store = await openSqliteStore(path.join(tmp.dir, file));
  let rowsRead = 0;
  const counted: Pick<SignalStore, 'signalsForCustomerAfter'> = {
    signalsForCustomerAfter: async (id, after) => {
      const read = await store.signalsForCustomerAfter(id, after);
      rowsRead += read.rows.length;
      return read;
    },
  };
  return { store, counted, rowsRead: () => rowsRead };
}

describe("the scorer's signal history", () => {
  it('reads only what was stored since, and answers what signalsForCustomer answers, in its order', async () => {
    const { store, counted, rowsRead } = await countingStore('a');
    const history = createSignalHistory(counted);
    await store.upsertSignals([at('s2', 'c1', '2026-11-02T00:00:00.000Z'), at('s1', 'c1', '2026-11-01T00:00:00.000Z'), at('x1', 'c2', '2026-11-01T00:00:00.000Z')]);
    expect(await history.signalsForCustomer('c1')).toEqual(await store.signalsForCustomer('c1'));
    expect(rowsRead()).toBe(2);
    // Later reports about earlier days (a late feed) land in their place, not at the end.
    await store.upsertSignals([at('s0', 'c1', '2026-10-30T00:00:00.000Z'), at('s3', 'c1', '2026-11-02T00:00:00.000Z'), at('s1b', 'c1', '2026-11-01T00:00:00.000Z')]);
    const after = await history.signalsForCustomer('c1');
    expect(after.map((s) => s.id)).toEqual(['s0', 's1', 's1b', 's2', 's3']);
    expect(after).toEqual(await store.signalsForCustomer('c1'));
    expect(rowsRead()).toBe(5);
    expect(await history.signalsForCustomer('c1')).toEqual(after);
    expect(rowsRead()).toBe(5); // nothing new: nothing read
    await store.close();
  });

  it('starts over when signals were removed behind its back, and forgets the least recent customers past its bound', async () => {
    const { store, counted, rowsRead } = await countingStore('b');
    const history = createSignalHistory(counted, 4);
    await store.upsertSignals([at('r1', 'r', '2026-11-01T00:00:00.000Z'), at('k1', 'k', '2026-11-01T00:00:00.000Z'), at('k2', 'k', '2026-11-02T00:00:00.000Z')]);
    expect((await history.signalsForCustomer('r')).map((s) => s.id)).toEqual(['r1']);
    await store.removeCustomers(['r']);
    await store.upsertSignals([at('r2', 'r', '2026-11-03T00:00:00.000Z')]); // the customer watched again
    expect((await history.signalsForCustomer('r')).map((s) => s.id)).toEqual(['r2']);
    expect((await history.signalsForCustomer('k')).map((s) => s.id)).toEqual(['k1', 'k2']);
    expect(history.kept()).toBe(1); // r (2) + k (3) is more than 4: r went
    const before = rowsRead();
    expect((await history.signalsForCustomer('r')).map((s) => s.id)).toEqual(['r2']);
    expect(rowsRead()).toBe(before + 1); // read again from the start
    await store.close();
  });
});
