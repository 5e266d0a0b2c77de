import { z } from 'zod';
import { eventType, isHardEvent } from '../../platform/schemas/common.js';

/**
 * The labelled corpora of real text (analysis/eval/corpus/, annotation guide in its README.md):
 * one JSON object per line, every line copied verbatim from a public page whose URL it carries.
 */

export const CORPUS_LANGS = ['de', 'en', 'fr', 'it'] as const;
export type CorpusLang = (typeof CORPUS_LANGS)[number];

/** What the sentence does with its event words: only factual and hedged sentences carry events. */
export const MODALITY_CLASSES = ['factual', 'hedged', 'negated', 'denied', 'historic', 'generic', 'statistic', 'hypothetical', 'none'] as const;
export type ModalityClass = (typeof MODALITY_CLASSES)[number];

/** Error classes of issue 11 that a hard negative belongs to. */
export const NEGATIVE_CLASSES = [
  'no_company',
  'law',
  'law_reform',
  'statistic',
  'advice',
  'metaphor',
  'generic_failed',
  'denied',
  'negated',
  'historic',
  'hypothetical',
  'lookalike',
  'other',
] as const;
export type NegativeClass = (typeof NEGATIVE_CLASSES)[number];

/** What a watchlist name means in a confusable-only linking sentence (issue 12). */
export const CONFUSABLE_CLASSES = ['person', 'club', 'venue', 'place', 'extension', 'foreign_namesake', 'product', 'acronym', 'common_word', 'other'] as const;
export type ConfusableClass = (typeof CONFUSABLE_CLASSES)[number];

export const SPLIT_PARTS = ['dev', 'heldout'] as const;
export type SplitPart = (typeof SPLIT_PARTS)[number];

/** The host of a URL without a leading "www.": the unit of the dev / held-out split. */
export function domainOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

const source = {
  lang: z.enum(CORPUS_LANGS),
  text: z.string().min(3).refine((t) => t === t.trim() && !/[\n\r]/.test(t), 'text is one trimmed line'),
  url: z.url({ protocol: /^https?$/ }),
  domain: z.string().min(3),
  /** Publication date of the page when the page or its URL shows it (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  note: z.string().default(''),
};

export const corpusEventSchema = z
  .object({
    type: eventType,
    /** The organisation as written in the sentence, or the phrase referring to it; null for industry-level news. */
    subject: z.string().min(1).nullable(),
    role: z.string().min(1),
    modality: z.enum(['factual', 'hedged']),
  })
  .strict();
export type CorpusEvent = z.infer<typeof corpusEventSchema>;

export const corpusMentionSchema = z
  .object({
    type: eventType,
    subject: z.string().min(1),
    role: z.string().min(1),
  })
  .strict();
export type CorpusMention = z.infer<typeof corpusMentionSchema>;

export const eventLineSchema = z
  .object({
    id: z.string().regex(/^ev-\d{4,}$/),
    ...source,
    kind: z.enum(['headline', 'sentence', 'notice']),
    events: z.array(corpusEventSchema),
    mentions: z.array(corpusMentionSchema).default([]),
    modalityClass: z.enum(MODALITY_CLASSES),
    negativeClass: z.enum(NEGATIVE_CLASSES).nullable(),
    orgs: z.array(z.string().min(1)),
  })
  .strict()
  .superRefine((line, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (line.domain !== domainOf(line.url)) issue(`domain ${line.domain} is not the host of ${line.url}`);
    for (const o of line.orgs) if (!line.text.includes(o)) issue(`org "${o}" is not in the text`);
    for (const e of [...line.events, ...line.mentions]) if (e.subject !== null && !line.text.includes(e.subject)) issue(`subject "${e.subject}" is not in the text`);
    const keys = line.events.map((e) => `${e.subject ?? ''}\u0000${e.type}`);
    if (new Set(keys).size !== keys.length) issue('more than one event for the same (subject, type)');
    if (line.events.some((e) => e.modality === 'hedged' && isHardEvent(e.type))) issue('a hedged hard event is financial_distress, hedged');
    if (line.negativeClass !== null && line.events.some((e) => isHardEvent(e.type))) issue('a hard negative carries a hard event');
    const factual = line.events.some((e) => e.modality === 'factual');
    if (factual && line.modalityClass !== 'factual') issue('a sentence with a factual event has modalityClass factual');
    if (!factual && line.events.length > 0 && line.modalityClass !== 'hedged') issue('a sentence with only hedged events has modalityClass hedged');
    if (line.events.length === 0 && (line.modalityClass === 'factual' || line.modalityClass === 'hedged')) issue('modalityClass factual/hedged without events');
  });
export type EventLine = z.infer<typeof eventLineSchema>;

export const linkLineSchema = z
  .object({
    id: z.string().regex(/^ln-\d{4,}$/),
    ...source,
    /** Watchlist customer ids a careful reader links without doubt. */
    expect: z.array(z.string().min(1)),
    /** What the watchlist name means in a sentence that names only a namesake; null otherwise. */
    confusable: z.enum(CONFUSABLE_CLASSES).nullable(),
    /** Every company named in the sentence, on the watchlist or not (empty: the sentence names no company). */
    orgs: z.array(z.string().min(1)),
  })
  .strict()
  .superRefine((line, ctx) => {
    if (line.domain !== domainOf(line.url)) ctx.addIssue({ code: 'custom', message: `domain ${line.domain} is not the host of ${line.url}` });
    for (const o of line.orgs) if (!line.text.includes(o)) ctx.addIssue({ code: 'custom', message: `org "${o}" is not in the text` });
    if (line.confusable !== null && line.expect.length > 0) ctx.addIssue({ code: 'custom', message: 'a confusable-only sentence expects no customer' });
  });
export type LinkLine = z.infer<typeof linkLineSchema>;

export const splitSchema = z
  .object({
    dev: z.array(z.string().min(3)),
    heldout: z.array(z.string().min(3)),
  })
  .strict();
export type Split = z.infer<typeof splitSchema>;

/** An organisation's name folded for comparison (case, diacritics, spacing and punctuation): "Ernst& Young" = "Ernst & Young". */
export function orgKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
