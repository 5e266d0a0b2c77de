import type { EventType } from '../../../platform/schemas/common.js';

export interface EventExample {
  lang: 'de' | 'en' | 'fr' | 'it';
  /** Event types the sentence asserts about a company now; [] for hard negatives and ordinary news. */
  labels: EventType[];
  text: string;
}

/** One letter per event type keeps the data files readable: ex('de', 'IX', '…'). */
const CODES: Record<string, EventType> = {
  I: 'insolvency',
  R: 'debt_restructuring',
  L: 'liquidation',
  E: 'debt_enforcement',
  P: 'payment_delay',
  F: 'financial_distress',
  X: 'layoffs',
  J: 'legal_dispute',
  M: 'management_change',
  O: 'ownership_change',
  G: 'positive',
};

export function ex(lang: EventExample['lang'], codes: string, text: string): EventExample {
  const labels = [...codes].map((c) => {
    const t = CODES[c];
    if (!t) throw new Error(`unknown event code ${c} in: ${text}`);
    return t;
  });
  return { lang, labels, text };
}
