import path from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../../platform/store/sqlite/sqlite.store.js';
import { runStoreContract } from '../contract/store.contract.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
// A new file per store: the contract expects an empty store each time it asks for one.
runStoreContract('SQLite', { create: async () => openSqliteStore(path.join(tmp.dir, String(n++))) });
