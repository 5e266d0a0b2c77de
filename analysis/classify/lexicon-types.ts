import type { EventType } from '../../platform/schemas/common.js';

/** One language's trigger patterns (regex sources over folded text) per event type. */
export type LexiconPatterns = Partial<Record<EventType, string[]>>;

/** One word in folded text, numbers like 4,000 included. */
export const W = "[a-z0-9'-]+(?:[.,][0-9]+)*,?";
