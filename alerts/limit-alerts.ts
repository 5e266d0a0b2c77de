import { assessmentItemKey, type Acknowledgement } from '../platform/store/credit-state.js';
import { severityRank, type Assessment, type EventType, type Grade, type Severity } from '../platform/schemas/index.js';

/** The parts of build-digest's shapes used here (structural, so the two modules do not import each other). */
interface ChangeLike {
  assessment: Assessment;
  previous?: Assessment;
}
interface EventLike {
  signalIds: string[];
  title: string;
  type: EventType;
}
interface SectionLike {
  customerId: string;
  name: string;
  worst: Severity;
  change?: { fromGrade?: Grade; toGrade: Grade; asOf: string };
  events: EventLike[];
  limits: LimitAlert[];
  acknowledged: Array<{ label: string; type?: EventType; limit?: boolean; ack: Acknowledgement }>;
}

/** Limit use crossed a threshold upwards, or Bonitor's suggested limit fell below the approved one. */
export type LimitAlert =
  | { kind: 'crossed'; level: number; utilisation: number; severity: Severity; itemKey: string }
  | { kind: 'above_recommendation'; recommended: number; approved: number; currency: string; severity: Severity; itemKey: string };

/**
 * Pure: what a change of assessment says about the approved limit, against what the subscriber
 * was told before (`previous`): a threshold of the policy crossed upwards (100 % is high, others
 * medium), or the suggested limit newly below the approved one.
 */
export function limitAlerts(change: ChangeLike): LimitAlert[] {
  const e = change.assessment.exposure;
  if (!e || e.approvedLimit === null) return [];
  const before = change.previous?.exposure;
  const key = assessmentItemKey(change.assessment.customerId, change.assessment.asOf);
  const out: LimitAlert[] = [];
  const level = e.level ?? 0;
  const was = before && before.approvedLimit !== null ? (before.level ?? 0) : 0;
  if (level > was) out.push({ kind: 'crossed', level, utilisation: e.utilisation ?? 0, severity: level >= 100 ? 'high' : 'medium', itemKey: key });
  if (e.aboveRecommendation && !(before?.aboveRecommendation && before.approvedLimit === e.approvedLimit) && e.recommendedLimit !== undefined) {
    out.push({ kind: 'above_recommendation', recommended: e.recommendedLimit, approved: e.approvedLimit, currency: e.currency, severity: 'medium', itemKey: key });
  }
  return out;
}

/** What the digest's first lines say: how much is new, the biggest exposures at risk, the grade changes. */
export interface DigestSummary {
  customers: number;
  critical: number;
  gradeChanges: Array<{ customerId: string; name: string; from: Grade; to: Grade }>;
  /** Customers in the digest graded D or E or over their limit, biggest open amount first. */
  atRisk: Array<{ customerId: string; name: string; open: number; currency: string; grade: Grade; utilisation: number | null }>;
}

export function summarizeDigest(sections: readonly SectionLike[], latest?: ReadonlyMap<string, Assessment>): DigestSummary {
  const gradeChanges = sections.flatMap((s) => (s.change?.fromGrade && s.change.fromGrade !== s.change.toGrade ? [{ customerId: s.customerId, name: s.name, from: s.change.fromGrade, to: s.change.toGrade }] : []));
  const atRisk = sections
    .flatMap((s) => {
      const a = latest?.get(s.customerId);
      const e = a?.exposure;
      if (!a || !e || e.open <= 0) return [];
      const risky = a.grade === 'D' || a.grade === 'E' || (e.utilisation !== null && e.utilisation >= 1);
      return risky ? [{ customerId: s.customerId, name: s.name, open: e.open, currency: e.currency, grade: a.grade, utilisation: e.utilisation }] : [];
    })
    .sort((x, y) => y.open - x.open)
    .slice(0, 3);
  return { customers: sections.length, critical: sections.filter((s) => s.worst === 'critical').length, gradeChanges, atRisk };
}

/**
 * Pure: moves what someone already acknowledged out of a section's new items. An event counts as
 * acknowledged when every report of it is; a grade or limit change by its assessment's key.
 */
export function partitionAcknowledged<E extends EventLike>(s: SectionLike & { events: E[] }, acks: ReadonlyMap<string, Acknowledgement>): void {
  const keep: E[] = [];
  for (const e of s.events) {
    const found = e.signalIds.map((id) => acks.get(`signal:${id}`));
    if (found.length > 0 && found.every((a) => a !== undefined)) s.acknowledged.push({ label: e.title, type: e.type, ack: found[0]! });
    else keep.push(e);
  }
  s.events = keep;
  const changeKey = s.change ? assessmentItemKey(s.customerId, s.change.asOf) : undefined;
  if (s.change && changeKey && acks.has(changeKey)) {
    s.acknowledged.push({ label: `${s.change.fromGrade ?? ''}${s.change.fromGrade ? ' → ' : ''}${s.change.toGrade}`, ack: acks.get(changeKey)! });
    s.change = undefined;
  }
  const limits = s.limits.filter((l) => !acks.has(l.itemKey));
  if (limits.length < s.limits.length) s.acknowledged.push({ label: '', limit: true, ack: acks.get(s.limits[0]!.itemKey)! });
  s.limits = limits;
}

export function worstOf(severities: Severity[]): Severity {
  return severities.reduce((w, x) => (severityRank(x) > severityRank(w) ? x : w), 'positive' as Severity);
}
