import type { Logger } from '../../../platform/log.js';
import type { CompanyLookupResult, NoticeLookup, RegisterLookup, SkippedRegister } from '../../../platform/registers/port.js';
import type { ParsedRegisterId } from '../../../platform/registers/register-id.js';
import {
  REGISTER_LABELS,
  registerCandidateSchema,
  registerEntrySchema,
  type RegisterCandidate,
  type RegisterEntry,
  type RegisterName,
  type SourceReport,
} from '../../../platform/registers/register-entry.js';
import { toTypedError } from '../../errors.js';
import { foldName } from './register-http.js';

export interface RegisterCache {
  getCached(key: string): Promise<{ value: string; storedAt: string } | undefined>;
  putCached(key: string, value: string, at: Date): Promise<void>;
}

export interface LookupDeps {
  lookups: readonly RegisterLookup[];
  notices: readonly NoticeLookup[];
  skipped: readonly SkippedRegister[];
  cache?: RegisterCache;
  /** How long a cached answer is reused. */
  cacheMs: number;
  /** Deadline for the whole lookup; a register still busy then is reported as a timeout. */
  timeoutMs: number;
  now: () => Date;
  log: Logger;
}

export interface CompanyQuery {
  /** Register ids to look up (from the query or the customer's watchlist entry). */
  ids: ParsedRegisterId[];
  /** The company's name, when known: searched where no id applies, and used to find gazette notices. */
  name?: string;
  /** ISO country ("CH", "GB"…) when known: only that country's registers are searched by name. */
  country?: string;
}

const ID_WORDS: Record<ParsedRegisterId['kind'], string> = { uid: 'CHE-UID', companyNumber: 'UK company number', cik: 'CIK', hrb: 'German register number' };

/**
 * Asks every configured register what it knows about one company: by register id where the
 * register accepts it, else by name (an exact name match only, never a guess), then the
 * gazettes for the notices of what was found. Never throws for a register's failure: each
 * register gets one report line ("found", "not found", "not configured", "failed: timeout").
 */
export async function lookupCompany(deps: LookupDeps, query: CompanyQuery): Promise<CompanyLookupResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs);
  const signal = controller.signal;
  const sources: SourceReport[] = deps.skipped.map((s) =>
    s.outcome === 'not_asked' ? report(s.register, 'not_asked', `not asked: ${s.reason}`, deps.now()) : report(s.register, 'not_configured', `not configured: ${s.reason}`, deps.now()),
  );
  const entries: RegisterEntry[] = [];
  const candidates: RegisterCandidate[] = [];
  try {
    await Promise.all(
      deps.lookups.map(async (lookup) => {
        const id = query.ids.find((i) => lookup.accepts(i));
        const byName = !id && query.name && (!query.country || query.country === lookup.country) && query.ids.length === 0;
        if (!id && !byName) {
          const why = query.ids.length > 0 ? `the query is a ${[...new Set(query.ids.map((i) => ID_WORDS[i.kind]))].join(' or ')}` : `not a ${lookup.country} company`;
          sources.push(report(lookup.register, 'not_asked', `not asked: ${why}`, deps.now()));
          return;
        }
        const started = Date.now();
        try {
          if (id) {
            const { value, storedAt, fromCache } = await cached(deps, `${lookup.register}:id:${id.kind}:${id.value}`, async () => JSON.stringify((await lookup.byId(id, { signal })) ?? null));
            const entry = value === 'null' ? undefined : registerEntrySchema.parse(JSON.parse(value));
            if (entry) entries.push(entry);
            sources.push(report(lookup.register, entry ? 'found' : 'not_found', entry ? foundLine(entry) : `not found: no company with ${ID_WORDS[id.kind]} ${id.value}`, storedAt, entry?.url, fromCache));
            return;
          }
          const name = query.name!;
          const { value, storedAt } = await cached(deps, `${lookup.register}:name:${foldName(name)}`, async () => JSON.stringify(await lookup.byName(name, { signal })));
          const hits = registerCandidateSchema.array().parse(JSON.parse(value));
          const exact = exactMatches(hits, name);
          if (exact.length !== 1) {
            candidates.push(...hits.slice(0, 5));
            const line = hits.length === 0 ? `not found: no company named "${name}"` : `not found: ${hits.length} compan${hits.length === 1 ? 'y' : 'ies'} match "${name}" but ${exact.length === 0 ? 'none exactly' : `${exact.length} exactly`} (${hits.slice(0, 3).map((h) => `${h.name} ${h.registerId}`).join('; ')}); check by register id`;
            sources.push(report(lookup.register, 'not_found', line, storedAt));
            return;
          }
          const hit = exact[0]!;
          const pid: ParsedRegisterId = { kind: lookup.register === 'edgar' ? 'cik' : lookup.register === 'companies-house' ? 'companyNumber' : 'uid', value: hit.registerId };
          const detail = await cached(deps, `${lookup.register}:id:${pid.kind}:${pid.value}`, async () => JSON.stringify((await lookup.byId(pid, { signal })) ?? null));
          const entry = detail.value === 'null' ? undefined : registerEntrySchema.parse(JSON.parse(detail.value));
          if (entry) entries.push(entry);
          sources.push(report(lookup.register, entry ? 'found' : 'not_found', entry ? `${foundLine(entry)} (by name)` : `not found: ${hit.registerId} listed but not readable`, detail.storedAt, entry?.url, detail.fromCache));
        } catch (err) {
          sources.push(report(lookup.register, 'failed', failureLine(err, signal, Date.now() - started, deps.timeoutMs), deps.now()));
          deps.log.info({ event: 'register_lookup_failed', register: lookup.register, error_kind: toTypedError(err).kind, message: toTypedError(err).message }, 'register_lookup_failed');
        }
      }),
    );
    await addNotices(deps, entries, sources, signal);
  } finally {
    clearTimeout(timer);
  }
  sources.sort((a, b) => order(a.register) - order(b.register));
  return { entries, candidates, sources };
}

async function addNotices(deps: LookupDeps, entries: RegisterEntry[], sources: SourceReport[], signal: AbortSignal): Promise<void> {
  for (const gazette of deps.notices) {
    // One search per company: the commercial register and the UID register name the same UID.
    const subjects = entries.filter((e, i) => e.country === gazette.country && entries.findIndex((x) => x.country === e.country && x.registerId === e.registerId) === i);
    if (subjects.length === 0) {
      sources.push(report(gazette.register, 'not_asked', `not asked: no ${gazette.country} register entry to search notices for`, deps.now()));
      continue;
    }
    const started = Date.now();
    try {
      let total = 0;
      let at = deps.now().toISOString();
      for (const entry of subjects) {
        const { value, storedAt } = await cached(deps, `${gazette.register}:notices:${entry.registerId}`, async () => JSON.stringify(await gazette.noticesFor(entry, { signal })));
        at = typeof storedAt === "string" ? storedAt : storedAt.toISOString();
        const found = JSON.parse(value) as Awaited<ReturnType<NoticeLookup['noticesFor']>>;
        const known = new Set(entry.notices.map((n) => n.id));
        entry.notices.push(...found.notices.filter((n) => !known.has(n.id)));
        entry.officerChanges.push(...found.officerChanges);
        entry.officerChanges.sort((a, b) => b.date.localeCompare(a.date));
        entry.addressChanges = [...new Set([...entry.addressChanges, ...found.addressChanges])].sort().reverse();
        total += found.notices.length;
      }
      sources.push(report(gazette.register, total > 0 ? 'found' : 'not_found', total > 0 ? `found: ${total} notice(s)` : 'not found: no notices in the searched period', at));
    } catch (err) {
      sources.push(report(gazette.register, 'failed', failureLine(err, signal, Date.now() - started, deps.timeoutMs), deps.now()));
    }
  }
}

/** A cached answer younger than cacheMs, else a fresh one (stored). Failures are not cached. */
async function cached(deps: LookupDeps, key: string, load: () => Promise<string>): Promise<{ value: string; storedAt: Date | string; fromCache?: boolean }> {
  const hit = await deps.cache?.getCached(key);
  if (hit && deps.now().getTime() - Date.parse(hit.storedAt) < deps.cacheMs) return { value: hit.value, storedAt: hit.storedAt, fromCache: true };
  const value = await load();
  const at = deps.now();
  await deps.cache?.putCached(key, value, at);
  return { value, storedAt: at };
}

/** Candidates whose name equals the query once case, accents and punctuation are folded. */
export function exactMatches(hits: readonly RegisterCandidate[], name: string): RegisterCandidate[] {
  const q = foldName(name);
  return hits.filter((h) => foldName(h.name) === q);
}

function foundLine(e: RegisterEntry): string {
  const parts = [e.status === 'unknown' ? undefined : e.status.replace('_', ' '), e.foundedOn ? `registered ${e.foundedOn}` : undefined, e.notices.length ? `${e.notices.length} notice(s)` : undefined];
  const warn = e.warnings.length ? `; incomplete: ${e.warnings.join(', ')}` : '';
  return `found: ${e.name} (${e.registerId}${parts.filter(Boolean).length ? `, ${parts.filter(Boolean).join(', ')}` : ''})${warn}`;
}

function failureLine(err: unknown, signal: AbortSignal, ms: number, timeoutMs: number): string {
  if (signal.aborted) return `failed: timeout (no answer within ${timeoutMs} ms)`;
  const e = toTypedError(err);
  if (e.kind === 'timeout') return `failed: timeout (${e.message})`;
  if (e.kind === 'http_status') return `failed: HTTP ${e.status ?? '?'}${e.status === 401 || e.status === 403 ? ' (credentials refused)' : e.status === 429 ? ' (rate limited)' : ''} after ${ms} ms`;
  return `failed: ${e.kind.replace('_', ' ')} (${e.message})`;
}

function report(register: RegisterName, outcome: SourceReport['outcome'], detail: string, at: Date | string, url?: string, fromCache = false): SourceReport {
  const iso = typeof at === 'string' ? at : at.toISOString();
  return { register, label: REGISTER_LABELS[register], outcome, detail, at: iso, cached: fromCache, ...(url ? { url } : {}) };
}

const ORDER: RegisterName[] = ['zefix', 'uid-register', 'shab', 'companies-house', 'edgar', 'de-register', 'de-insolvency'];
const order = (r: RegisterName) => ORDER.indexOf(r);
