import { afterAll } from 'vitest';
import { openSqliteStore } from '../../platform/store/sqlite/sqlite.store.js';
import { runStoreContract } from '../contract/store.contract.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
runStoreContract('SQLite', { create: async () => openSqliteStore(tmp.dir) });
