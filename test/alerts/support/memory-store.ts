import type { Assessment, Customer, Signal } from '../../../platform/schemas/index.js';
import type { Outbox, OutboxEntry } from '../../../platform/store/port.js';
import type { AlertCursor, DigestState, DigestStateStore, InstantAlertLog } from '../../../platform/store/alert-state.js';
import type { AlertStore } from '../../../alerts/types.js';

interface Lease {
  owner: string;
  until: number;
}

/**
 * In-memory versions of the store ports the alerts stage uses, with the semantics the SQLite
 * adapter must share: enqueue inserts once per key; markFailed(final=false) keeps the entry
 * pending; claim fails for entries that are not pending or leased by someone else.
 */
export class MemoryOutbox implements Outbox {
  readonly entries = new Map<string, OutboxEntry>();
  private leases = new Map<string, Lease>();

  async enqueue(entry: Omit<OutboxEntry, 'status' | 'attempts' | 'createdAt'>, at: Date): Promise<boolean> {
    if (this.entries.has(entry.key)) return false;
    const stored: OutboxEntry = { ...structuredClone(entry), status: 'pending', attempts: 0, createdAt: at.toISOString() };
    this.entries.set(entry.key, stored);
    return true;
  }
  async enqueueMany(entries: Array<Omit<OutboxEntry, 'status' | 'attempts' | 'createdAt'>>, at: Date) {
    const out: boolean[] = [];
    for (const e of entries) out.push(await this.enqueue(e, at));
    return out;
  }
  async claimMany(keys: string[], owner: string, at: Date, leaseMs: number) {
    const out: string[] = [];
    for (const key of keys) if (await this.claim(key, owner, at, leaseMs)) out.push(key);
    return out;
  }
  async markSentMany(keys: string[], at: Date) {
    for (const key of keys) await this.markSent(key, at);
  }
  async existingKeys(keys: string[]) {
    return new Set(keys.filter((k) => this.entries.has(k)));
  }
  async get(key: string) {
    const e = this.entries.get(key);
    return e ? structuredClone(e) : undefined;
  }
  async pending(limit: number, options: { unconfirmedBefore?: Date } = {}) {
    const before = options.unconfirmedBefore?.toISOString() ?? '';
    return [...this.entries.values()]
      .filter((e) => e.status === 'pending' || (e.status === 'sending' && (e.attemptStartedAt ?? '') < before))
      .slice(0, limit)
      .map((e) => structuredClone(e));
  }
  async markSendingMany(keys: string[], at: Date) {
    for (const key of keys) {
      const e = this.entries.get(key);
      if (!e || (e.status !== 'pending' && e.status !== 'sending')) continue;
      e.status = 'sending';
      e.attempts++;
      e.attemptStartedAt = at.toISOString();
    }
  }
  async claim(key: string, owner: string, at: Date, leaseMs: number) {
    const e = this.entries.get(key);
    if (!e || (e.status !== 'pending' && e.status !== 'sending')) return false;
    const lease = this.leases.get(key);
    if (lease && lease.owner !== owner && lease.until > at.getTime()) return false;
    this.leases.set(key, { owner, until: at.getTime() + leaseMs });
    return true;
  }
  async markSent(key: string, at: Date) {
    const e = this.entries.get(key);
    if (!e) return;
    if (e.status !== 'sending') e.attempts++;
    e.status = 'sent';
    e.sentAt = at.toISOString();
    delete e.attemptStartedAt;
    this.leases.delete(key);
  }
  async markFailed(key: string, reason: string, _at: Date, final: boolean, retryAt?: Date) {
    const e = this.entries.get(key);
    if (!e) return;
    if (e.status !== 'sending') e.attempts++;
    delete e.attemptStartedAt;
    e.lastError = reason;
    e.status = final ? 'failed' : 'pending';
    if (!final && retryAt) e.retryAt = retryAt.toISOString();
    else delete e.retryAt;
    this.leases.delete(key);
  }
  async list(limit: number) {
    return [...this.entries.values()].slice(0, limit).map((e) => structuredClone(e));
  }
}

/** DigestStateStore in memory: the same never-backwards cursor rule as the SQL adapters. */
export class MemoryDigestStates implements DigestStateStore {
  readonly rows = new Map<string, DigestState>();
  async digestStates(ids: string[]) {
    return new Map(ids.flatMap((id) => (this.rows.has(id) ? [[id, structuredClone(this.rows.get(id)!)] as const] : [])));
  }
  async saveDigestStates(states: DigestState[]) {
    for (const s of states) {
      const was = this.rows.get(s.subscriptionId)?.cursor ?? { signals: 0, assessments: 0 };
      const cursor = { signals: Math.max(was.signals, s.cursor.signals), assessments: Math.max(was.assessments, s.cursor.assessments) };
      this.rows.set(s.subscriptionId, { ...structuredClone(s), cursor });
    }
  }
  async rewindDigestCursor(id: string, to: AlertCursor, at: Date) {
    const s = this.rows.get(id);
    if (!s) return;
    s.cursor = { signals: Math.min(s.cursor.signals, to.signals), assessments: Math.min(s.cursor.assessments, to.assessments) };
    s.updatedAt = at.toISOString();
  }
}

export class MemoryInstantLog implements InstantAlertLog {
  private cursors = new Map<string, AlertCursor>();
  private marks = new Map<string, string>();
  private mails: Array<{ recipient: string; at: string }> = [];
  async instantCursors(ids: string[]) {
    return new Map(ids.flatMap((id) => (this.cursors.has(id) ? [[id, { ...this.cursors.get(id)! }] as const] : [])));
  }
  async saveInstantCursor(id: string, cursor: AlertCursor) {
    this.cursors.set(id, { ...cursor });
  }
  async lastAlerted(id: string, events: string[]) {
    return new Map(events.flatMap((e) => (this.marks.has(`${id} ${e}`) ? [[e, this.marks.get(`${id} ${e}`)!] as const] : [])));
  }
  async recordInstantMail(id: string, recipient: string, events: string[], at: Date) {
    for (const e of events) this.marks.set(`${id} ${e}`, at.toISOString());
    this.mails.push({ recipient: recipient.toLowerCase(), at: at.toISOString() });
  }
  async instantMailsSince(recipient: string, since: Date) {
    return this.mails.filter((m) => m.recipient === recipient.toLowerCase() && m.at >= since.toISOString()).map((m) => m.at);
  }
}

export class MemoryAlertStore implements AlertStore {
  readonly outbox = new MemoryOutbox();
  readonly digestStates = new MemoryDigestStates();
  readonly instantLog = new MemoryInstantLog();
  customers: Customer[] = [];
  private signals: Array<{ seq: number; signal: Signal }> = [];
  private assessments: Array<{ seq: number; assessment: Assessment }> = [];
  private seq = 0;

  addSignals(...signals: Signal[]): void {
    for (const signal of signals) {
      if (this.signals.some((s) => s.signal.id === signal.id)) continue;
      this.signals.push({ seq: ++this.seq, signal: structuredClone(signal) });
    }
  }
  /** Mirrors saveAssessment: only a changed grade, score or terms is a new row. */
  addAssessment(a: Assessment): 'new' | 'unchanged' {
    const prev = this.assessments.filter((r) => r.assessment.customerId === a.customerId).at(-1)?.assessment;
    if (prev && prev.grade === a.grade && prev.score === a.score && prev.terms.kind === a.terms.kind) return 'unchanged';
    this.assessments.push({ seq: ++this.seq, assessment: structuredClone(a) });
    return 'new';
  }

  async listCustomers() {
    return structuredClone(this.customers);
  }
  async signalsSince(afterSeq: number, limit: number) {
    return this.signals.filter((s) => s.seq > afterSeq).slice(0, limit);
  }
  async assessmentsSince(afterSeq: number, limit: number) {
    return this.assessments.filter((s) => s.seq > afterSeq).slice(0, limit);
  }
  async assessmentHistory(customerId: string) {
    return this.assessments.filter((r) => r.assessment.customerId === customerId).map((r) => r.assessment);
  }
}
