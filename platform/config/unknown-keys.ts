import { createRequire } from 'node:module';
import type { z } from 'zod';

type Distance = (a: string, b: string, options: { restricted: boolean }) => number;
/** natural's Damerau-Levenshtein, loaded only when a key is unknown (a valid configuration never needs it). */
let damerauLevenshtein: Distance | undefined;

export interface UnknownKey {
  /** Dotted path of the unknown key, e.g. `sources.0.allowPrivte`. */
  path: string;
  /** The nearest valid key: a sibling ("allowPrivate") or, when none is close, the same name elsewhere ("http.port"). */
  suggestion?: string;
  /** The keys valid at that place, when there are only a few (to list them instead). */
  validKeys?: string[];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/**
 * Keys the schema does not know, found by walking the raw value along the schema. zod's plain
 * objects drop unknown keys silently, so a misspelt `subscriptions:` would leave zero
 * subscriptions; walking generically keeps every object of the configuration strict,
 * including the ones added later.
 */
export function findUnknownKeys(schema: z.ZodType, value: unknown): UnknownKey[] {
  const everywhere = keyPaths(schema);
  const out: UnknownKey[] = [];
  walk(schema, value, [], (path, key, known) => {
    const suggestion = nearest(key, known) ?? elsewhere(key, everywhere);
    out.push({ path: [...path, key].join('.'), ...(suggestion ? { suggestion } : known.length <= 8 ? { validKeys: known } : {}) });
  });
  return out;
}

type Report = (path: string[], key: string, known: string[]) => void;

function walk(schema: z.ZodType, value: unknown, path: string[], report: Report): void {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return walk(def.innerType, value, path, report);
  if (def.type === 'pipe' && def.in) return walk(def.in, value, path, report);
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    value.forEach((v, i) => walk(def.element!, v, [...path, String(i)], report));
    return;
  }
  if (def.type === 'record' && def.valueType && isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) walk(def.valueType, v, [...path, k], report);
    return;
  }
  if (def.type === 'union' && def.options) return walkUnion(def.options, value, path, report);
  if (def.type !== 'object' || !def.shape || !isPlainObject(value)) return;
  const passthrough = def.catchall !== undefined && defOf(def.catchall).type !== 'never';
  const known = Object.keys(def.shape);
  for (const [k, v] of Object.entries(value)) {
    const child = def.shape[k];
    if (child) walk(child, v, [...path, k], report);
    else if (!passthrough) report(path, k, known);
  }
}

/** A union is fine when one of its options knows every key; otherwise the closest option speaks. */
function walkUnion(options: z.ZodType[], value: unknown, path: string[], report: Report): void {
  let best: Array<Parameters<Report>> | undefined;
  for (const option of options) {
    const found: Array<Parameters<Report>> = [];
    walk(option, value, path, (...args) => found.push(args));
    if (!best || found.length < best.length) best = found;
  }
  for (const args of best ?? []) report(...args);
}

/** Every key path the schema knows ("http.port", "sources.allowPrivate"), for keys put at the wrong level. */
function keyPaths(schema: z.ZodType, prefix: string[] = [], out: string[] = [], depth = 0): string[] {
  if (depth > 12) return out;
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return keyPaths(def.innerType, prefix, out, depth + 1);
  if (def.type === 'pipe' && def.in) return keyPaths(def.in, prefix, out, depth + 1);
  if (def.type === 'array' && def.element) return keyPaths(def.element, prefix, out, depth + 1);
  if (def.type === 'record' && def.valueType) return keyPaths(def.valueType, prefix, out, depth + 1);
  if (def.type === 'union' && def.options) {
    for (const o of def.options) keyPaths(o, prefix, out, depth + 1);
    return out;
  }
  if (def.type === 'object' && def.shape) {
    for (const [k, v] of Object.entries(def.shape)) {
      out.push([...prefix, k].join('.'));
      keyPaths(v, [...prefix, k], out, depth + 1);
    }
  }
  return out;
}

/** The closest sibling: one or two edits away (a third for long keys), case ignored. */
function nearest(key: string, known: string[]): string | undefined {
  const lower = key.toLowerCase();
  const distance = (damerauLevenshtein ??= (createRequire(import.meta.url)('natural/lib/natural/distance/index.js') as { DamerauLevenshteinDistance: Distance }).DamerauLevenshteinDistance);
  let best: { key: string; d: number } | undefined;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase(), { restricted: true });
    if (!best || d < best.d) best = { key: k, d };
  }
  const allowed = key.length >= 10 ? 3 : key.length >= 4 ? 2 : key.length >= 2 ? 1 : 0;
  return best && best.d <= allowed ? best.key : undefined;
}

function elsewhere(key: string, everywhere: string[]): string | undefined {
  const lower = key.toLowerCase();
  return everywhere.find((p) => p.split('.').pop()!.toLowerCase() === lower);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
