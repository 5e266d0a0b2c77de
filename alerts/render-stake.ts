import { describeStep, type Speaker } from '../platform/i18n/index.js';
import { escapeHtml, safeUrl } from '../platform/html-safety.js';
import type { CustomerSection, Digest } from './build-digest.js';

/**
 * The parts of a mail that say what is at stake: the summary that opens a digest, and at the top
 * of each customer's item its open and overdue amounts, limit use, the next step, an override in
 * force, limit alerts and the link to acknowledge; at the end what others already acknowledged.
 */
export interface StakeOptions {
  /** The signed link that acknowledges these items of this customer (none without a public URL). */
  ackUrl?: (customerId: string, itemKeys: string[]) => string | undefined;
}

const P = 'padding:4px 8px;font-size:13px';

function a(url: string | undefined, label: string): string {
  const safe = url ? safeUrl(url) : undefined;
  return safe ? `<a href="${escapeHtml(safe)}" style="color:#1a5276">${escapeHtml(label)}</a>` : escapeHtml(label);
}

export function summaryParts(d: Digest, s: Speaker): { html: string; text: string[] } {
  const m = s.t.mail;
  const sum = d.summary;
  if (d.itemCount === 0 || d.frequency === 'instant') return { html: '', text: [] };
  const lines: string[] = [m.summaryCounts(sum.customers, sum.critical, sum.gradeChanges.length)];
  if (sum.atRisk.length > 0) {
    lines.push(`${m.biggestAtRisk}: ${sum.atRisk.map((r) => `${r.name} ${s.f.money(r.open, r.currency)} (${m.grade} ${r.grade}${r.utilisation !== null ? `, ${s.f.percent(r.utilisation)}` : ''})`).join('; ')}`);
  }
  if (sum.gradeChanges.length > 0) lines.push(`${m.gradeChanges}: ${sum.gradeChanges.map((g) => `${g.name} ${g.from} → ${g.to}`).join('; ')}`);
  const html = `<tr><td colspan="2" style="padding:10px 12px;background:#fff8c5;border-radius:4px"><strong>${escapeHtml(m.summaryTitle)}</strong><br>${lines.map(escapeHtml).join('<br>')}</td></tr>`;
  return { html, text: ['', `** ${m.summaryTitle} **`, ...lines] };
}

/** New item keys of a section, for its acknowledge link. */
export function sectionItemKeys(sec: CustomerSection): string[] {
  return [...new Set([...sec.events.flatMap((e) => e.signalIds.map((id) => `signal:${id}`)), ...(sec.change ? [`assessment:${sec.customerId}:${sec.change.asOf}`] : []), ...sec.limits.map((l) => l.itemKey)])];
}

export function sectionTopParts(sec: CustomerSection, s: Speaker, opts: StakeOptions): { html: string; text: string[] } {
  const m = s.t.mail;
  const lines: string[] = [];
  const latest = sec.latest;
  const e = latest?.exposure;
  if (e && (e.open > 0 || e.approvedLimit !== null)) lines.push(s.t.stake.line(s.f.money(e.open, e.currency), s.f.money(e.overdue, e.currency), e.utilisation === null ? '' : s.f.percent(e.utilisation)));
  for (const l of sec.limits) {
    lines.push(l.kind === 'crossed' ? `${m.limitCrossed(s.f.percent(l.level / 100))} (${s.f.percent(l.utilisation)})` : m.limitBelow(s.f.money(l.recommended, l.currency), s.f.money(l.approved, l.currency)));
  }
  if (latest?.override) lines.push(m.overrideSet(latest.override.by, latest.override.reason));
  const step = latest?.nextStep ? `${s.t.stake.nextStep}: ${describeStep(latest.nextStep, s)}` : undefined;
  const keys = sectionItemKeys(sec);
  const ack = keys.length > 0 ? opts.ackUrl?.(sec.customerId, keys) : undefined;
  if (lines.length === 0 && !step && !ack) return { html: '', text: [] };
  const html = `<tr><td colspan="2" style="${P}">${lines.map(escapeHtml).join('<br>')}${step ? `${lines.length > 0 ? '<br>' : ''}<strong>${escapeHtml(step)}</strong>` : ''}${ack ? `<br>${a(ack, `✓ ${m.acknowledge}`)}` : ''}</td></tr>`;
  return { html, text: [...lines, ...(step ? [step] : []), ...(ack ? [`${m.acknowledge}: ${ack}`] : [])] };
}

/** What others already acknowledged: one line each, apart from the new items. */
export function acknowledgedParts(sections: readonly CustomerSection[], s: Speaker, tz: string): { html: string; text: string[] } {
  const m = s.t.mail;
  const rows = sections.flatMap((sec) =>
    sec.acknowledged.map((x) => {
      const what = x.type ? s.t.events[x.type] : x.limit ? s.t.stake.limitUse : m.grade;
      return { name: sec.name, what, label: x.label, by: m.acknowledgedBy(x.ack.by, s.f.date(x.ack.at, tz)) };
    }),
  );
  if (rows.length === 0) return { html: '', text: [] };
  const html = `<tr><td colspan="2" style="padding:18px 8px 4px;font-size:15px;border-bottom:1px solid #d5d8dc;color:#555555"><strong>${escapeHtml(m.acknowledgedSection)}</strong></td></tr>
${rows.map((r) => `<tr><td colspan="2" style="${P};color:#555555">${escapeHtml(r.name)} · ${escapeHtml(r.what)}${r.label ? ` · <span class="src">${escapeHtml(r.label)}</span>` : ''} — ${escapeHtml(r.by)}</td></tr>`).join('\n')}`;
  return { html, text: ['', `== ${m.acknowledgedSection} ==`, ...rows.map((r) => `${r.name} · ${r.what}${r.label ? ` · ${r.label}` : ''} — ${r.by}`)] };
}
