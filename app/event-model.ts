import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEventModel, type EventModel } from '../analysis/classify/event-model.js';
import { UserError } from '../platform/errors.js';

/** The event-extraction weights shipped with Bonitor, fitted by scripts/fit-event-model.ts on the labelled development corpus. */
export const SHIPPED_EVENT_MODEL = fileURLToPath(new URL('../analysis/classify/event-model.json', import.meta.url));

/** Reads and validates an event weights file (the shipped one by default). */
export function loadEventModel(file: string = SHIPPED_EVENT_MODEL): EventModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`cannot read the event weights ${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, 2);
  }
  try {
    return parseEventModel(json);
  } catch (err) {
    throw new UserError(`${file} is not an event weights file: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, 2);
  }
}
