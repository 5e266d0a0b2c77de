import type { ParsedRegisterId } from './register-id.js';
import type { OfficerChange, RegisterCandidate, RegisterEntry, RegisterName, RegisterNotice, SourceReport } from './register-entry.js';

export interface LookupOptions {
  /** Aborts the request (the check's deadline). */
  signal?: AbortSignal;
}

/**
 * One register, asked "what do you say about this company?". Adapters live in
 * collectors/registers/lookup/; every answer is zod-parsed there. Failures are thrown as
 * the fetcher's typed errors (timeout, http_status, parse, blocked…), never swallowed:
 * the caller turns them into a report line.
 */
export interface RegisterLookup {
  readonly register: RegisterName;
  /** ISO country the register covers ("CH", "GB", "US", "DE"). */
  readonly country: string;
  /** Whether this register can answer for an id of this kind. */
  accepts(id: ParsedRegisterId): boolean;
  /** The entry for a register id; undefined when the register does not know it. */
  byId(id: ParsedRegisterId, options?: LookupOptions): Promise<RegisterEntry | undefined>;
  /** Companies whose name matches, best first (may be empty). */
  byName(name: string, options?: LookupOptions): Promise<RegisterCandidate[]>;
}

/** A gazette that publishes notices about companies known by their entry (SHAB by UID and name). */
export interface NoticeLookup {
  readonly register: RegisterName;
  readonly country: string;
  /** Recent notices about the company of this entry, and the register changes they announce. */
  noticesFor(entry: RegisterEntry, options?: LookupOptions): Promise<NoticeFindings>;
}

export interface NoticeFindings {
  notices: RegisterNotice[];
  officerChanges: OfficerChange[];
  addressChanges: string[];
}

/** A register that is known but cannot be asked, with the one line the report shows. */
export interface SkippedRegister {
  register: RegisterName;
  reason: string;
  /** not_configured (default): a block or credential is missing; not_asked: skipped by design. */
  outcome?: 'not_configured' | 'not_asked';
}

/** What the check reports: the entries found and one line per register asked or skipped. */
export interface CompanyLookupResult {
  entries: RegisterEntry[];
  candidates: RegisterCandidate[];
  sources: SourceReport[];
}
