import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { Customer } from '../../platform/schemas/customer.js';
import { parseWatchlistCsv } from '../linking/index.js';
import { eventLineSchema, linkLineSchema, splitSchema, SPLIT_PARTS, type EventLine, type LinkLine, type Split, type SplitPart } from './corpus-schema.js';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

export interface Corpus {
  events: Record<SplitPart, EventLine[]>;
  linking: Record<SplitPart, LinkLine[]>;
  split: Split;
  watchlist: Customer[];
}

/** Parses JSON lines with a schema; every bad line is reported as "file:line: reason". */
export function parseJsonLines<S extends z.ZodType>(text: string, schema: S, file: string): { lines: z.infer<S>[]; errors: string[] } {
  const lines: z.infer<S>[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      errors.push(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
      return;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) lines.push(parsed.data);
    else errors.push(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ')}`);
  });
  return { lines, errors };
}

/**
 * Reads the corpus files (events.{dev,heldout}.jsonl, linking.{dev,heldout}.jsonl, split.json,
 * watchlist.csv) and throws one error listing every problem, so a broken line never goes unnoticed.
 */
export function loadCorpus(dir: string = CORPUS_DIR): Corpus {
  const errors: string[] = [];
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const split = splitSchema.parse(JSON.parse(read('split.json')));
  const events = {} as Corpus['events'];
  const linking = {} as Corpus['linking'];
  for (const part of SPLIT_PARTS) {
    const ev = parseJsonLines(read(`events.${part}.jsonl`), eventLineSchema, `events.${part}.jsonl`);
    const ln = parseJsonLines(read(`linking.${part}.jsonl`), linkLineSchema, `linking.${part}.jsonl`);
    errors.push(...ev.errors, ...ln.errors);
    events[part] = ev.lines;
    linking[part] = ln.lines;
  }
  const wl = parseWatchlistCsv(read('watchlist.csv'));
  errors.push(...wl.errors.map((e) => `watchlist.csv:${e.line}: ${e.reason}`));
  if (errors.length > 0) throw new Error(`corpus in ${dir} has ${errors.length} problem(s):\n${errors.join('\n')}`);
  return { events, linking, split, watchlist: wl.customers };
}

/** The split part a source domain belongs to, or undefined when split.json does not list it. */
export function partOf(split: Split, domain: string): SplitPart | undefined {
  if (split.dev.includes(domain)) return 'dev';
  if (split.heldout.includes(domain)) return 'heldout';
  return undefined;
}
