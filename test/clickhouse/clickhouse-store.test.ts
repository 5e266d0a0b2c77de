import { describe } from 'vitest';
import { openClickHouseStore } from '../../platform/store/clickhouse/clickhouse.store.js';
import { runStoreContract } from '../contract/store.contract.js';

// Set by scripts/test-clickhouse.sh (chDB behind scripts/clickhouse-http.py) or pointing at a real server.
const url = process.env.BONITOR_CLICKHOUSE_URL?.trim();

describe.skipIf(!url)(
  url ? 'ClickHouse store' : 'ClickHouse store (skipped: BONITOR_CLICKHOUSE_URL is not set; npm run test:clickhouse starts chDB)',
  () => {
    runStoreContract(`ClickHouse (${url ? new URL(url).host : 'none'})`, {
      // A database per run: the contract expects an empty store.
      create: () => openClickHouseStore({ url: url ?? '', database: `bonitor_test_${process.pid}_${Date.now().toString(36)}` }),
    });
  },
);
