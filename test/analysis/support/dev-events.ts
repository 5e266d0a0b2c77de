/** The development part of the event corpus, read once per test file and looked up by line id, and what the analysis makes of a line. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { eventLineSchema } from '../../../analysis/eval/corpus-schema.js';
import { parseJsonLines } from '../../../analysis/eval/load-corpus.js';
import type { EventModel } from '../../../analysis/classify/event-model.js';
import { classifyDocument } from '../../../analysis/classify/index.js';
import { compileLexicon, findTriggers } from '../../../analysis/classify/lexicon.js';
import { foldText } from '../../../analysis/text/fold.js';
import { loadEventModel } from '../../../app/event-model.js';
import { HARD_EVENT_TYPES } from '../../../platform/schemas/common.js';

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

/** The trigger types the language's lexicon finds in a development line (before subject, role and modality). */
export function devTriggerTypes(id: string): string[] {
  const l = devEventLine(id);
  return [...new Set(findTriggers(foldText(l.text, l.lang), compileLexicon(l.lang)).map((t) => t.type))].sort();
}

let model: EventModel | undefined;

/** What the analyzer makes of a development line as a document: rules and the shipped event layer. */
export function classifyDevLine(id: string): ReturnType<typeof classifyDocument> {
  const l = devEventLine(id);
  model ??= loadEventModel();
  return classifyDocument({ text: l.text, lang: l.lang, ...(l.date ? { publishedAt: `${l.date.slice(0, 4)}-06-01T00:00:00Z` } : {}) }, { model });
}

/** The event types the analyzer emits for a development line. */
export function devEventTypes(id: string): string[] {
  return [...new Set(classifyDevLine(id).events.map((e) => e.type))].sort();
}

/** The event types the rules alone emit for a development line (no trained layer: what a lexicon or convention finds). */
export function devRuleEventTypes(id: string): string[] {
  const l = devEventLine(id);
  const c = classifyDocument({ text: l.text, lang: l.lang, ...(l.date ? { publishedAt: `${l.date.slice(0, 4)}-06-01T00:00:00Z` } : {}) });
  return [...new Set(c.events.map((e) => e.type))].sort();
}

/** The page date a development line's month (or year: June) gives, as the 15th; `date` overrides the line's own. */
export function devPageDate(date: string | undefined): string | undefined {
  return date ? `${date.slice(0, 4)}-${(date.slice(5, 7) || '06').padEnd(2, '0')}-15T00:00:00Z` : undefined;
}

/** The rules' reading of a development line (accepted events and rejected triggers), without the trained layer. */
export function devRulesReading(id: string, date?: string): ReturnType<typeof classifyDocument> {
  const l = devEventLine(id);
  const at = devPageDate(date ?? l.date);
  return classifyDocument({ text: l.text, lang: l.lang, ...(at ? { publishedAt: at } : {}) });
}

const HARD = new Set<string>(HARD_EVENT_TYPES);

/** The hard event types the rules alone give a development line (sorted, each once). */
export function devRuleHardTypes(id: string, date?: string): string[] {
  return [...new Set(devRulesReading(id, date).events.map((e) => e.type).filter((t) => HARD.has(t)))].sort();
}
