import { escapeHtml, safeUrl } from '../platform/html-safety.js';
import type { Severity } from '../platform/schemas/index.js';
import type { CustomerSection, Digest, DigestEvent, GradeChange } from './build-digest.js';
import { formatDate, STRINGS, type MailStrings } from './i18n.js';

export interface RenderOptions {
  publicUrl?: string;
  unsubscribeUrl?: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const MAX_EVIDENCE = 280;
/** A first digest after subscribing can hold a customer's whole history: keep mails short. */
const MAX_EVENTS_PER_CUSTOMER = 8;
const COLORS: Record<Severity, string> = {
  critical: '#b00020',
  high: '#d35400',
  medium: '#b7950b',
  low: '#566573',
  positive: '#1e8449',
};

/** Everything that came from a source goes through escapeHtml before it reaches HTML (platform/html-safety.ts). */
export { escapeHtml, safeUrl } from '../platform/html-safety.js';

/**
 * Scraped text can carry newlines and control characters that would break the plain-text layout,
 * and search-alert feeds wrap matched words in <b>…</b>. Those bare emphasis tags are dropped;
 * any other markup stays literal text and is escaped where it reaches HTML.
 */
function oneLine(value: string, max = 500): string {
  const flat = value
    .replace(/<\/?(?:b|i|em|strong|u)>/gi, '')
    .replace(/[\u0000-\u001f\u007f\s]+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function checkUrl(publicUrl: string | undefined, customerName: string): string | undefined {
  if (!publicUrl) return undefined;
  return `${publicUrl.replace(/\/+$/, '')}/check?q=${encodeURIComponent(customerName)}`;
}

function link(url: string | undefined, label: string): string {
  const safe = url ? safeUrl(url) : undefined;
  const text = escapeHtml(label);
  return safe ? `<a href="${escapeHtml(safe)}" style="color:#1a5276">${text}</a>` : text;
}

function badge(sev: Severity, s: MailStrings): string {
  return `<span style="display:inline-block;padding:1px 6px;border-radius:3px;background:${COLORS[sev]};color:#ffffff;font-size:12px">${escapeHtml(s.severities[sev])}</span>`;
}

function termsText(c: GradeChange, s: MailStrings): string {
  const t = c.terms;
  const parts = [s.termKinds[t.kind]];
  if (t.netDays !== null) parts.push(s.netDays(t.netDays));
  if (t.advancePercent !== null && t.advancePercent > 0) parts.push(s.advance(t.advancePercent));
  if (t.creditLimit !== null) parts.push(`${s.limit} ${t.creditLimit.toLocaleString(s.locale)} ${t.currency}`);
  return parts.join(', ');
}

function changeLine(c: GradeChange, s: MailStrings): string {
  const grade = c.fromGrade && c.fromGrade !== c.toGrade ? `${c.fromGrade} → ${c.toGrade}` : c.toGrade;
  const score = c.fromScore !== undefined ? `${Math.round(c.fromScore)} → ${Math.round(c.toScore)}` : `${Math.round(c.toScore)}`;
  return `${s.grade} ${grade} · ${s.score} ${score}${c.fromGrade ? '' : ` (${s.newAssessment})`}`;
}

function reasonText(r: GradeChange['reasons'][number], s: MailStrings): string {
  const sign = r.contribution > 0 ? '+' : '';
  // Scoring explains itself in English and German; French mails use the English text.
  const text = s === STRINGS.de ? (r.descriptionDe ?? r.description) : r.description;
  return `${text ?? r.name} (${sign}${Math.round(r.contribution * 10) / 10})`;
}

function eventHtml(e: DigestEvent, s: MailStrings, tz: string): string {
  const sources = e.links.map((l) => link(l.url, l.sourceId || l.url)).join(', ');
  return `<tr><td style="padding:6px 8px;vertical-align:top;width:90px">${badge(e.severity, s)}</td>
<td style="padding:6px 8px;vertical-align:top"><strong>${escapeHtml(s.events[e.type])}</strong> · ${escapeHtml(formatDate(e.occurredAt, s, tz))}<br>
${link(e.links[0]?.url, oneLine(e.title, 200))}<br>
<span style="color:#555555;font-size:13px">${escapeHtml(oneLine(e.evidence, MAX_EVIDENCE))}</span><br>
<span style="font-size:12px;color:#777777">${escapeHtml(s.sources)}: ${sources}</span></td></tr>`;
}

export function renderSectionsHtml(sections: CustomerSection[], s: MailStrings, tz: string, opts: RenderOptions): string {
  return sections
    .map((sec) => {
      const check = checkUrl(opts.publicUrl, sec.name);
      const head = `<tr><td colspan="2" style="padding:14px 8px 4px;border-bottom:2px solid #d5d8dc;font-size:16px"><strong>${escapeHtml(oneLine(sec.name, 120))}</strong>${check ? ` · <span style="font-size:13px">${link(check, s.check)}</span>` : ''}</td></tr>`;
      const c = sec.change;
      const change = c
        ? `<tr><td style="padding:6px 8px;vertical-align:top">${badge(c.severity, s)}</td><td style="padding:6px 8px"><strong>${escapeHtml(changeLine(c, s))}</strong><br>
<span style="font-size:13px">${escapeHtml(s.reasons)}: ${c.reasons.map((r) => escapeHtml(reasonText(r, s))).join('; ')}</span><br>
<span style="font-size:13px">${escapeHtml(s.terms)}: ${escapeHtml(termsText(c, s))}</span></td></tr>`
        : '';
      const shown = sec.events.slice(0, MAX_EVENTS_PER_CUSTOMER).map((e) => eventHtml(e, s, tz));
      const hidden = sec.events.length - MAX_EVENTS_PER_CUSTOMER;
      if (hidden > 0) shown.push(`<tr><td></td><td style="padding:4px 8px;font-size:13px;color:#555555">${escapeHtml(s.more(hidden))}</td></tr>`);
      return head + change + shown.join('\n');
    })
    .join('\n');
}

export function renderSectionsText(sections: CustomerSection[], s: MailStrings, tz: string, opts: RenderOptions): string {
  const out: string[] = [];
  for (const sec of sections) {
    out.push('', `== ${oneLine(sec.name, 120)} ==`);
    const check = checkUrl(opts.publicUrl, sec.name);
    if (check) out.push(`${s.check}: ${check}`);
    const c = sec.change;
    if (c) {
      out.push(`[${s.severities[c.severity]}] ${changeLine(c, s)}`);
      out.push(`  ${s.reasons}: ${c.reasons.map((r) => reasonText(r, s)).join('; ')}`);
      out.push(`  ${s.terms}: ${termsText(c, s)}`);
    }
    for (const e of sec.events.slice(0, MAX_EVENTS_PER_CUSTOMER)) out.push(...eventText(e, s, tz));
    if (sec.events.length > MAX_EVENTS_PER_CUSTOMER) out.push(s.more(sec.events.length - MAX_EVENTS_PER_CUSTOMER));
  }
  return out.join('\n');
}

function eventText(e: DigestEvent, s: MailStrings, tz: string): string[] {
  return [
    `[${s.severities[e.severity]}] ${s.events[e.type]} · ${formatDate(e.occurredAt, s, tz)}: ${oneLine(e.title, 200)}`,
    `  ${oneLine(e.evidence, MAX_EVIDENCE)}`,
    ...e.links.map((l) => `  - ${l.sourceId}: ${oneLine(l.url, 400)}`),
  ];
}

export function wrapHtml(lang: string, body: string): string {
  return `<!DOCTYPE html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="margin:0;padding:0;background:#f4f6f7">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f7"><tr><td align="center" style="padding:16px">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" style="max-width:640px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1c2833">
${body}
</table></td></tr></table></body></html>`;
}

export function footerHtml(s: MailStrings, subscriptionId: string, opts: RenderOptions): string {
  const unsub = opts.unsubscribeUrl ? link(opts.unsubscribeUrl, s.unsubscribe) : escapeHtml(s.unsubscribeCli(subscriptionId));
  return `<tr><td colspan="2" style="padding:16px 8px;font-size:12px;color:#777777;border-top:1px solid #d5d8dc">${unsub}</td></tr>`;
}

export function footerText(s: MailStrings, subscriptionId: string, opts: RenderOptions): string {
  return opts.unsubscribeUrl ? `${s.unsubscribe}: ${opts.unsubscribeUrl}` : s.unsubscribeCli(subscriptionId);
}

/** HTML (tables, inline styles: what mail clients render) and plain text of one digest. */
export function renderDigest(digest: Digest, opts: RenderOptions): RenderedMail {
  const sub = digest.subscription;
  const s = STRINGS[sub.language];
  const tz = sub.timeZone;
  const date = formatDate(digest.slotAt, s, tz);
  const freq = s.frequency[digest.frequency];
  const customerCount = digest.customers.length;
  const instant = digest.frequency === 'instant';
  const names = digest.customers.map((c) => oneLine(c.name, 60));
  const subject = instant
    ? s.subjectInstant(names.length > 3 ? `${names.slice(0, 3).join(', ')} …` : names.join(', ') || s.industries)
    : digest.itemCount === 0
      ? s.subjectQuiet(freq, date)
      : s.subjectDigest(freq, digest.itemCount, customerCount, date);
  const intro = instant ? s.introInstant : s.intro(freq, date);

  const html: string[] = [
    `<tr><td colspan="2" style="padding:16px 8px 8px">${escapeHtml(s.greeting(sub.name))}<br>${escapeHtml(intro)}</td></tr>`,
  ];
  const text: string[] = [s.greeting(sub.name), intro];
  if (digest.itemCount === 0) {
    html.push(`<tr><td colspan="2" style="padding:8px">${escapeHtml(s.allQuiet)}</td></tr>`);
    text.push('', s.allQuiet);
  }
  html.push(renderSectionsHtml(digest.customers, s, tz, opts));
  text.push(renderSectionsText(digest.customers, s, tz, opts));
  if (digest.industries.length > 0) {
    html.push(`<tr><td colspan="2" style="padding:18px 8px 4px;font-size:16px;border-bottom:2px solid #d5d8dc"><strong>${escapeHtml(s.industries)}</strong></td></tr>`);
    text.push('', `== ${s.industries} ==`);
    for (const ind of digest.industries) {
      html.push(`<tr><td colspan="2" style="padding:8px 8px 0"><em>${escapeHtml(s.industry)} ${escapeHtml(ind.industry)}</em></td></tr>`);
      html.push(ind.events.map((e) => eventHtml(e, s, tz)).join('\n'));
      text.push(`-- ${s.industry} ${ind.industry} --`, ...ind.events.flatMap((e) => eventText(e, s, tz)));
    }
  }
  if (digest.health.length > 0) {
    html.push(`<tr><td colspan="2" style="padding:18px 8px 4px;font-size:16px;border-bottom:2px solid #d5d8dc"><strong>${escapeHtml(s.health)}</strong></td></tr>`);
    text.push('', `== ${s.health} ==`);
    for (const h of digest.health) {
      const line = s.healthLine(h.consecutiveFailures, h.lastSuccessAt ? formatDate(h.lastSuccessAt, s, tz) : '–');
      const err = h.lastError ? ` — ${oneLine(h.lastError, 200)}` : '';
      html.push(`<tr><td colspan="2" style="padding:4px 8px"><strong>${escapeHtml(h.sourceId)}</strong>: ${escapeHtml(line + err)}</td></tr>`);
      text.push(`${h.sourceId}: ${line}${err}`);
    }
  }
  html.push(footerHtml(s, sub.id, opts));
  text.push('', '--', footerText(s, sub.id, opts), '');
  return { subject, html: wrapHtml(sub.language, html.join('\n')), text: text.join('\n') };
}
