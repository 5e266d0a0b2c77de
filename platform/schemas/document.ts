import { z } from 'zod';
import { isoDateTime } from './common.js';
import { eventRole } from './event-role.js';

export const DOCUMENT_KINDS = ['news', 'blog', 'register', 'web'] as const;

/** Register identifiers a source states explicitly, so linking can be exact. */
export const registerIds = z
  .object({
    uid: z.array(z.string()).optional(), // Swiss UID, CHE-123.456.789
    hrb: z.array(z.string()).optional(), // German Handelsregister, HRB 1234 B
    companyNumber: z.array(z.string()).optional(), // UK Companies House
    lei: z.array(z.string()).optional(),
    cik: z.array(z.string()).optional(), // SEC EDGAR
  })
  .partial();
export type RegisterIds = z.infer<typeof registerIds>;

/**
 * A party a register notice names in a structured field, with its role: SHAB/FOSC
 * <debtor> (Schuldner), The Gazette's "In the Matter of" company (respondent of a petition)
 * and its petitioner. Event extraction maps these roles structurally instead of reading them
 * from the free text.
 */
export const documentParty = z.object({
  role: eventRole,
  name: z.string().min(1),
  registerIds: registerIds.optional(),
});
export type DocumentParty = z.infer<typeof documentParty>;

export const documentSchema = z.object({
  id: z.string().min(1), // hash of canonical URL or GUID
  sourceId: z.string().min(1),
  kind: z.enum(DOCUMENT_KINDS),
  url: z.string().min(1),
  title: z.string(),
  text: z.string(),
  language: z.string().optional(),
  publishedAt: isoDateTime.optional(),
  fetchedAt: isoDateTime,
  registerIds: registerIds.optional(),
  /** Register rubric such as SHAB "KK01" — register notices map to events deterministically. */
  rubric: z.string().optional(),
  /** Parties of a register notice with their roles, where the register states them. */
  parties: z.array(documentParty).optional(),
});
export type Document = z.infer<typeof documentSchema>;
