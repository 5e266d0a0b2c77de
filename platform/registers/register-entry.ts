import { z } from 'zod';
import { isoDate, isoDateTime } from '../schemas/common.js';

/** The registers Bonitor can ask, by country. */
export const REGISTERS = ['zefix', 'uid-register', 'shab', 'companies-house', 'edgar', 'de-insolvency', 'de-register'] as const;
export const registerName = z.enum(REGISTERS);
export type RegisterName = z.infer<typeof registerName>;

/** Plain labels for reports ("Zefix (CH company index)"). */
export const REGISTER_LABELS: Record<RegisterName, string> = {
  zefix: 'Zefix (CH company index)',
  'uid-register': 'UID register (CH)',
  shab: 'SHAB / SOGC (CH gazette)',
  'companies-house': 'Companies House (UK)',
  edgar: 'SEC EDGAR (US)',
  'de-insolvency': 'Insolvenzbekanntmachungen (DE)',
  'de-register': 'Registerbekanntmachungen (DE)',
};

/**
 * What a register says about whether the company still trades. `in_liquidation` covers
 * Swiss "in Liquidation" and UK "liquidation"; `insolvent` covers administration,
 * receivership, insolvency proceedings and an opened bankruptcy.
 */
export const COMPANY_STATUSES = ['active', 'in_liquidation', 'insolvent', 'dissolved', 'struck_off', 'unknown'] as const;
export const companyStatus = z.enum(COMPANY_STATUSES);
export type CompanyStatus = z.infer<typeof companyStatus>;

/** One register notice or filing about the company (SHAB publication, UK filing, 8-K…). */
export const registerNoticeSchema = z.object({
  id: z.string().min(1),
  register: registerName,
  date: isoDate.optional(),
  /** Rubric in the collectors' vocabulary: SHAB "KK01", "HR03"; "filing-history:insolvency"; "8-K:1.03". */
  rubric: z.string(),
  title: z.string(),
  text: z.string().default(''),
  url: z.string(),
  language: z.string().optional(),
});
export type RegisterNotice = z.infer<typeof registerNoticeSchema>;

export const officerChangeSchema = z.object({
  date: isoDate,
  kind: z.enum(['appointed', 'resigned']),
  name: z.string(),
  role: z.string().default(''),
});
export type OfficerChange = z.infer<typeof officerChangeSchema>;

export const insolvencyCaseSchema = z.object({
  type: z.string(),
  dates: z.array(z.object({ type: z.string(), date: isoDate })).default([]),
});

/** The register's entry for one company, as every adapter returns it. */
export const registerEntrySchema = z.object({
  register: registerName,
  country: z.string().length(2),
  /** Canonical id in that register: "CHE-114.723.217", "08957400", "0001045810", "HRB 731772 Ulm". */
  registerId: z.string().min(1),
  name: z.string().min(1),
  legalForm: z.string().optional(),
  status: companyStatus,
  /** The register's own words for the status ("dissolved", "CANCELLED", "in Liquidation"…). */
  statusDetail: z.string().optional(),
  seat: z.string().optional(),
  address: z.string().optional(),
  capital: z.object({ amount: z.number().nonnegative(), currency: z.string() }).optional(),
  foundedOn: isoDate.optional(),
  dissolvedOn: isoDate.optional(),
  purpose: z.string().optional(),
  industryCodes: z.array(z.string()).default([]),
  accountsOverdue: z.boolean().optional(),
  confirmationStatementOverdue: z.boolean().optional(),
  hasInsolvencyHistory: z.boolean().optional(),
  hasBeenLiquidated: z.boolean().optional(),
  insolvencyCases: z.array(insolvencyCaseSchema).default([]),
  /** Signatories, directors and officers appointed or gone, newest first. */
  officerChanges: z.array(officerChangeSchema).default([]),
  /** Dates of changes of the registered address. */
  addressChanges: z.array(isoDate).default([]),
  notices: z.array(registerNoticeSchema).default([]),
  /** The entry a person can open (evidence). */
  url: z.string().min(1),
  fetchedAt: isoDateTime,
  /** Parts of the entry the register did not deliver this time ("filing history: timeout"). */
  warnings: z.array(z.string()).default([]),
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;
export type RegisterEntryInput = z.input<typeof registerEntrySchema>;

/** One hit of a name search, before its entry is read. */
export const registerCandidateSchema = z.object({
  register: registerName,
  registerId: z.string().min(1),
  name: z.string().min(1),
  status: companyStatus.optional(),
  seat: z.string().optional(),
});
export type RegisterCandidate = z.infer<typeof registerCandidateSchema>;

/** What one register answered to one check, as the report shows it. */
export const SOURCE_OUTCOMES = ['found', 'not_found', 'not_configured', 'failed', 'not_asked'] as const;
export const sourceReportSchema = z.object({
  register: registerName,
  label: z.string(),
  outcome: z.enum(SOURCE_OUTCOMES),
  /** One plain line: "found: ACME LTD (dissolved)", "not configured: no apiKey", "failed: timeout after 10000 ms". */
  detail: z.string(),
  at: isoDateTime,
  cached: z.boolean().default(false),
  url: z.string().optional(),
});
export type SourceReport = z.infer<typeof sourceReportSchema>;
