import { openSqliteStore } from '../../../platform/store/sqlite/sqlite.store.js';
import type { Assessment, Customer, Signal } from '../../../platform/schemas/index.js';
import type { AlertStore } from '../../../alerts/types.js';
import { MemoryAlertStore } from './memory-store.js';
import { tempDir } from './deps.js';

/** One store under test plus the writes other stages would make (customers, signals, assessments). */
export interface TestStore {
  store: AlertStore;
  setCustomers(customers: Customer[]): Promise<void>;
  addSignals(...signals: Signal[]): Promise<void>;
  addAssessment(a: Assessment): Promise<void>;
  /** A second handle on the same data, as a second process or a restart would open it. */
  reopen(): TestStore;
  close(): Promise<void>;
}

export const STORE_KINDS = ['memory', 'sqlite'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export function openTestStore(kind: StoreKind): TestStore {
  return kind === 'memory' ? memoryTestStore(new MemoryAlertStore()) : sqliteTestStore(tempDir());
}

function memoryTestStore(m: MemoryAlertStore): TestStore {
  return {
    store: m,
    setCustomers: async (c) => void (m.customers = c),
    addSignals: async (...s) => m.addSignals(...s),
    addAssessment: async (a) => void m.addAssessment(a),
    reopen: () => memoryTestStore(m),
    close: async () => {},
  };
}

function sqliteTestStore(dir: string): TestStore {
  const s = openSqliteStore(dir);
  return {
    store: s,
    setCustomers: (c) => s.upsertCustomers(c),
    addSignals: async (...signals) => {
      for (const sig of signals) await s.upsertSignal(sig);
    },
    addAssessment: async (a) => void (await s.saveAssessment(a)),
    reopen: () => sqliteTestStore(dir),
    close: () => s.close(),
  };
}
