/** The development part of the event corpus, read once per test file and looked up by line id. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { eventLineSchema } from '../../../analysis/eval/corpus-schema.js';
import { parseJsonLines } from '../../../analysis/eval/load-corpus.js';

export type DevEventLine = z.infer<typeof eventLineSchema>;

let lines: Map<string, DevEventLine> | undefined;

/** The development line with this id (its text, language, date, URL and labels); throws when there is none. */
export function devEventLine(id: string): DevEventLine {
  if (!lines) {
    const file = new URL('../../../analysis/eval/corpus/events.dev.jsonl', import.meta.url);
    const parsed = parseJsonLines(readFileSync(file, 'utf8'), eventLineSchema, 'events.dev.jsonl');
    if (parsed.errors.length > 0) throw new Error(parsed.errors.join('\n'));
    lines = new Map(parsed.lines.map((l) => [l.id, l]));
  }
  const line = lines.get(id);
  if (!line) throw new Error(`no development line ${id}`);
  return line;
}
