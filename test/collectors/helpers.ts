import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeenItems } from '../../platform/store/port.js';
import type { Document } from '../../platform/schemas/index.js';
import { sourceSchema, type SourceConfig, type SourceInput } from '../../platform/config/sources.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/collectors');

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

export class MemorySeen implements SeenItems {
  readonly ids = new Map<string, Set<string>>();
  async filterUnseen(sourceId: string, ids: string[]): Promise<string[]> {
    const set = this.ids.get(sourceId);
    return set ? ids.filter((id) => !set.has(id)) : ids;
  }
  async markSeen(sourceId: string, ids: string[]): Promise<void> {
    let set = this.ids.get(sourceId);
    if (!set) this.ids.set(sourceId, (set = new Set()));
    for (const id of ids) set.add(id);
  }
}

export function recorder() {
  const published: Document[] = [];
  return { published, publish: async (docs: Document[]) => void published.push(...docs) };
}

export function source(input: SourceInput): SourceConfig {
  return sourceSchema.parse(input);
}

/** Polls until `check` returns truthy (no fixed sleeps in tests). */
export async function until<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
