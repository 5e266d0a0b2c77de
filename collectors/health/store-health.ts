import type { SourceHealthStore } from '../../platform/store/port.js';
import { emptyHealth, type SourceHealth, type SourceHealthRepo } from './port.js';

/** SourceHealthRepo on the store's per-source JSON records; missing fields get their defaults. */
export function sourceHealthRepoOn(store: SourceHealthStore): SourceHealthRepo {
  const complete = (r: { sourceId: string }): SourceHealth => ({ ...emptyHealth(r.sourceId), ...(r as Partial<SourceHealth>) });
  return {
    getHealth: async (id) => {
      const r = await store.getSourceHealth(id);
      return r ? complete(r) : undefined;
    },
    saveHealth: (h) => store.saveSourceHealth({ ...h }),
    listHealth: async () => (await store.listSourceHealth()).map(complete),
  };
}
