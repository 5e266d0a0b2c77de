import { describe, it } from 'vitest';
import { openClickHouseStore } from '../../platform/store/clickhouse/clickhouse.store.js';
import { runStoreContract } from '../contract/store.contract.js';

// Set by scripts/test-clickhouse.sh (chDB behind scripts/clickhouse-http.py) or pointing at a real server.
const url = process.env.BONITOR_CLICKHOUSE_URL?.trim();

if (url) {
  runStoreContract(`ClickHouse (${new URL(url).host})`, {
    // A database per run: the contract expects an empty store.
    create: () => openClickHouseStore({ url, database: `bonitor_test_${process.pid}_${Date.now().toString(36)}` }),
  });
} else {
  describe('Store contract: ClickHouse — not run: BONITOR_CLICKHOUSE_URL is not set (npm run test:clickhouse starts chDB)', () => {
    it.todo('set BONITOR_CLICKHOUSE_URL=http://host:8123 or run npm run test:clickhouse');
  });
}
