import type { Subscription } from '../platform/config/subscriptions.js';
import {
  bearsEvent,
  gradeRank,
  severityRank,
  type Assessment,
  type Customer,
  type EventType,
  type Grade,
  type Severity,
  type Signal,
} from '../platform/schemas/index.js';
import { coversCustomer, coversIndustry } from './scope.js';
import { limitAlerts, partitionAcknowledged, summarizeDigest, worstOf, type DigestSummary, type LimitAlert } from './limit-alerts.js';
import type { Acknowledgement } from '../platform/store/credit-state.js';
import type { SourceHealth } from './types.js';

/** Reports of one event by several sources within this window become one item. */
const MERGE_WINDOW_MS = 72 * 3_600_000;
/** A score move smaller than this without a grade change is noise, not news. */
const MIN_SCORE_MOVE = 5;

export interface AssessmentChange {
  seq: number;
  assessment: Assessment;
  /** What the subscriber was told before (the assessment preceding the first change in range). */
  previous?: Assessment;
}

export interface EventLink {
  url: string;
  sourceId: string;
  title: string;
}

/** One event, possibly reported by several sources. */
export interface DigestEvent {
  type: EventType;
  severity: Severity;
  title: string;
  evidence: string;
  occurredAt: string;
  links: EventLink[];
  signalIds: string[];
}

export interface GradeChange {
  fromGrade?: Grade;
  toGrade: Grade;
  fromScore?: number;
  toScore: number;
  severity: Severity;
  asOf: string;
  /** The factors that moved the score most; the mail shows those against and those in favour apart. */
  reasons: Array<{ name: string; contribution: number; description?: string; descriptionDe?: string; code?: string; params?: Record<string, string | number> }>;
  terms: Assessment['terms'];
}

export interface CustomerSection {
  customerId: string;
  name: string;
  change?: GradeChange;
  events: DigestEvent[];
  /** The approved limit: a threshold crossed, or the suggested limit below the approved one. */
  limits: LimitAlert[];
  /** Items someone already acknowledged: listed apart, not counted as new. */
  acknowledged: Array<{ label: string; type?: EventType; limit?: boolean; ack: Acknowledgement }>;
  /** The latest assessment: open, overdue, limit use and the next step, at the top of the item. */
  latest?: Assessment;
  worst: Severity;
}

export interface IndustrySection {
  industry: string;
  events: DigestEvent[];
}

export interface Digest {
  subscription: Subscription;
  frequency: 'daily' | 'weekly' | 'monthly' | 'instant';
  periodKey: string;
  slotAt: string;
  customers: CustomerSection[];
  industries: IndustrySection[];
  /** Failing sources, for admin subscribers only. */
  health: SourceHealth[];
  itemCount: number;
  /** Counts, biggest exposures at risk and grade changes: the digest's first lines. */
  summary: DigestSummary;
}

export interface DigestInput {
  subscription: Subscription;
  frequency: Digest['frequency'];
  periodKey: string;
  slotAt: Date;
  customers: Customer[];
  /** The same customers by id, when the caller builds many digests from one list. */
  customerIndex?: Map<string, Customer>;
  signals: Signal[];
  changes: AssessmentChange[];
  health?: SourceHealth[];
  /** The latest assessment per customer (open, overdue, limit use, next step per item). */
  latest?: ReadonlyMap<string, Assessment>;
  /** What has been acknowledged among the items: moved out of the "new" items. */
  acknowledged?: ReadonlyMap<string, Acknowledgement>;
}

/** Builds the content of one digest: pure, so it is the same on every retry and in every test. */
export function buildDigest(input: DigestInput): Digest {
  const sub = input.subscription;
  const byId = input.customerIndex ?? new Map(input.customers.map((c) => [c.id, c]));
  const min = severityRank(sub.minSeverity);
  const sections = new Map<string, CustomerSection>();
  const section = (id: string): CustomerSection => {
    let s = sections.get(id);
    if (!s) {
      s = { customerId: id, name: byId.get(id)?.name ?? id, events: [], limits: [], acknowledged: [], worst: 'positive' };
      sections.set(id, s);
    }
    return s;
  };

  const customerSignals = new Map<string, Signal[]>();
  const industrySignals = new Map<string, Signal[]>();
  for (const sig of input.signals) {
    // A creditor, petitioner, liquidator or acquirer is only a party to the event: it is not news about them.
    if (sig.ambiguous || !bearsEvent(sig.role) || severityRank(sig.severity) < min) continue;
    if (sig.customerId !== undefined) {
      if (!coversCustomer(sub, byId.get(sig.customerId), sig.customerId)) continue;
      pushTo(customerSignals, sig.customerId, sig);
    } else if (sig.industry !== undefined && coversIndustry(sub, sig.industry, input.customers)) {
      pushTo(industrySignals, sig.industry, sig);
    }
  }
  for (const [id, sigs] of customerSignals) section(id).events.push(...mergeEvents(sigs));

  for (const change of latestChangePerCustomer(input.changes)) {
    const a = change.assessment;
    if (!coversCustomer(sub, byId.get(a.customerId), a.customerId)) continue;
    const limits = limitAlerts(change).filter((l) => severityRank(l.severity) >= min);
    if (limits.length > 0) section(a.customerId).limits.push(...limits);
    const gc = describeChange(change);
    if (!gc || severityRank(gc.severity) < min) continue;
    const s = section(a.customerId);
    s.change = gc;
    if (s.name === a.customerId) s.name = a.name;
  }

  const customers = [...sections.values()];
  for (const s of customers) {
    if (input.acknowledged) partitionAcknowledged(s, input.acknowledged);
    s.events.sort(compareEvents);
    s.worst = worstOf([...s.events.map((e) => e.severity), ...(s.change ? [s.change.severity] : []), ...s.limits.map((l) => l.severity)]);
    const latest = input.latest?.get(s.customerId);
    if (latest) s.latest = latest;
  }
  customers.sort((a, b) => severityRank(b.worst) - severityRank(a.worst) || compareText(a.name, b.name));

  const industries = [...industrySignals.entries()]
    .map(([industry, sigs]) => ({ industry, events: mergeEvents(sigs).sort(compareEvents) }))
    .sort((a, b) => compareText(a.industry, b.industry));
  const health = sub.admin ? (input.health ?? []).filter((h) => h.consecutiveFailures > 0) : [];

  const itemCount =
    customers.reduce((n, s) => n + s.events.length + (s.change ? 1 : 0) + s.limits.length, 0) +
    industries.reduce((n, i) => n + i.events.length, 0) +
    health.length;
  return {
    subscription: sub,
    frequency: input.frequency,
    periodKey: input.periodKey,
    slotAt: input.slotAt.toISOString(),
    customers,
    industries,
    health,
    itemCount,
    summary: summarizeDigest(customers.filter((c) => c.events.length > 0 || c.change || c.limits.length > 0), input.latest),
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Plain code-unit order: ISO timestamps sort correctly, and it is far cheaper than localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareEvents(a: DigestEvent, b: DigestEvent): number {
  return severityRank(b.severity) - severityRank(a.severity) || compareText(b.occurredAt, a.occurredAt);
}

/** The same event (subject and type) reported by several sources within a few days → one item with all links. */
export function mergeEvents(signals: Signal[]): DigestEvent[] {
  const unique = [...new Map(signals.map((s) => [s.id, s])).values()];
  const byType = new Map<EventType, Signal[]>();
  for (const s of unique) pushTo(byType, s.type, s);
  const events: DigestEvent[] = [];
  for (const group of byType.values()) {
    group.sort((a, b) => compareText(a.occurredAt, b.occurredAt) || compareText(a.id, b.id));
    let cluster: Signal[] = [];
    for (const s of group) {
      const start = cluster[0];
      if (start && Date.parse(s.occurredAt) - Date.parse(start.occurredAt) > MERGE_WINDOW_MS) {
        events.push(toEvent(cluster));
        cluster = [];
      }
      cluster.push(s);
    }
    if (cluster.length > 0) events.push(toEvent(cluster));
  }
  return events;
}

function toEvent(cluster: Signal[]): DigestEvent {
  // The most confident report names the event; the others contribute their links.
  const lead = cluster.reduce((best, s) => (s.confidence > best.confidence ? s : best), cluster[0]!);
  const links = new Map<string, EventLink>();
  for (const s of cluster) if (!links.has(s.url)) links.set(s.url, { url: s.url, sourceId: s.sourceId, title: s.title });
  const severity = cluster.reduce<Severity>((w, s) => (severityRank(s.severity) > severityRank(w) ? s.severity : w), lead.severity);
  return {
    type: lead.type,
    severity,
    title: lead.title,
    evidence: lead.evidence,
    occurredAt: cluster[cluster.length - 1]!.occurredAt,
    links: [...links.values()],
    signalIds: cluster.map((s) => s.id),
  };
}

function latestChangePerCustomer(changes: AssessmentChange[]): AssessmentChange[] {
  const first = new Map<string, AssessmentChange>();
  const last = new Map<string, AssessmentChange>();
  for (const c of [...changes].sort((a, b) => a.seq - b.seq)) {
    const id = c.assessment.customerId;
    if (!first.has(id)) first.set(id, c);
    last.set(id, c);
  }
  return [...last.entries()].map(([id, c]) => ({ ...c, previous: first.get(id)!.previous }));
}

/** Grade and score change since the last digest, with its severity; undefined when it is noise. */
export function describeChange(change: AssessmentChange): GradeChange | undefined {
  const a = change.assessment;
  const p = change.previous;
  const to = gradeRank(a.grade);
  let severity: Severity;
  if (!p) {
    severity = (['low', 'low', 'medium', 'high', 'critical'] as const)[to]!;
  } else {
    const from = gradeRank(p.grade);
    const move = a.score - p.score;
    if (from === to && Math.abs(move) < MIN_SCORE_MOVE) return undefined;
    if (to > from) severity = a.grade === 'E' ? 'critical' : a.grade === 'D' ? 'high' : 'medium';
    else if (to < from) severity = 'positive';
    else severity = move >= 10 ? 'medium' : move > 0 ? 'low' : 'positive';
  }
  const reasons = [...a.factors]
    .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))
    .slice(0, 3)
    .map((f) => ({ name: f.name, contribution: f.contribution, description: f.description, descriptionDe: f.descriptionDe, code: f.code, params: f.params }));
  return {
    fromGrade: p?.grade,
    toGrade: a.grade,
    fromScore: p?.score,
    toScore: a.score,
    severity,
    asOf: a.asOf,
    reasons,
    terms: a.terms,
  };
}
