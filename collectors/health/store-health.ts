import type { SourceHealthStore } from '../../platform/store/port.js';
import type { SourceHealthRepo } from './port.js';

/** SourceHealthRepo on the store's per-source rows (read through the source-health schema). */
export function sourceHealthRepoOn(store: SourceHealthStore): SourceHealthRepo {
  return {
    getHealth: (id) => store.getSourceHealth(id),
    saveHealth: (h) => store.saveSourceHealth(h),
    listHealth: () => store.listSourceHealth(),
  };
}
