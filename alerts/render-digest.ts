import { escapeHtml, safeUrl } from '../platform/html-safety.js';
import { describeFactor, type Language, type Speaker } from '../platform/i18n/index.js';
import type { Severity } from '../platform/schemas/index.js';
import type { CustomerSection, Digest, DigestEvent, EventLink, GradeChange } from './build-digest.js';
import { mailDate, mailSpeaker } from './i18n.js';
import { acknowledgedParts, sectionTopParts, summaryParts, type StakeOptions } from './render-stake.js';

export interface RenderOptions {
  publicUrl?: string;
  unsubscribeUrl?: string;
  /** Configured locale per language (config `locales:`). */
  locales?: Partial<Record<Language, string>>;
  /** Human titles of the configured sources by id ("SHAB – Konkurse"); links are named by them, else by their host. */
  sourceTitles?: Readonly<Record<string, string>>;
  /** The signed link that acknowledges items of a customer (see alerts/ack-token.ts). */
  ackUrl?: StakeOptions['ackUrl'];
}

type MailStrings = Speaker;

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

function link(url: string | undefined, label: string, cls = ''): string {
  const safe = url ? safeUrl(url) : undefined;
  const text = escapeHtml(label);
  const c = cls ? ` class="${cls}"` : '';
  return safe ? `<a${c} href="${escapeHtml(safe)}" style="color:#1a5276">${text}</a>` : cls ? `<span${c}>${text}</span>` : text;
}

function badge(sev: Severity, s: MailStrings): string {
  return `<span style="display:inline-block;padding:1px 6px;border-radius:3px;background:${COLORS[sev]};color:#ffffff;font-size:12px">${escapeHtml(s.t.severities[sev])}</span>`;
}

function termsText(c: GradeChange, s: MailStrings): string {
  const t = c.terms;
  const parts = [s.t.terms[t.kind]];
  const credit = t.kind === 'open_account' || t.kind === 'short_terms' || t.kind === 'partial_prepayment';
  if (t.netDays !== null && credit) parts.push(s.t.termsParts.net(t.netDays));
  if (t.advancePercent !== null && t.advancePercent > 0 && t.kind === 'partial_prepayment') parts.push(s.t.termsParts.advance(s.f.percent(t.advancePercent / 100)));
  if (t.creditLimit !== null && t.creditLimit > 0 && credit) parts.push(s.t.termsParts.limit(s.f.money(t.creditLimit, t.currency)));
  return parts.join(', ');
}

function changeLine(c: GradeChange, s: MailStrings): string {
  const m = s.t.mail;
  const grade = c.fromGrade && c.fromGrade !== c.toGrade ? `${c.fromGrade} → ${c.toGrade}` : c.toGrade;
  const score = c.fromScore !== undefined ? `${s.f.number(c.fromScore)} → ${s.f.number(c.toScore)}` : s.f.number(c.toScore);
  return `${m.grade} ${grade} · ${m.score} ${score}${c.fromGrade ? '' : ` (${m.newAssessment})`}`;
}

function reasonText(r: GradeChange['reasons'][number], s: MailStrings): string {
  const sign = r.contribution > 0 ? '+' : '−';
  return `${describeFactor(r, s)} (${sign}${s.f.number(Math.abs(r.contribution), 1)})`;
}

/** What speaks against and what in favour, apart: "Against: …; In favour: …". */
function reasonsLines(c: GradeChange, s: MailStrings): string[] {
  const against = c.reasons.filter((r) => r.contribution > 0).map((r) => reasonText(r, s));
  const inFavour = c.reasons.filter((r) => r.contribution < 0).map((r) => reasonText(r, s));
  return [...(against.length > 0 ? [`${s.t.againstLabel}: ${against.join('; ')}`] : []), ...(inFavour.length > 0 ? [`${s.t.inFavourLabel}: ${inFavour.join('; ')}`] : [])];
}

/** A source is named by its title (configured), else by the host of the link, never by an internal id. */
export function sourceName(l: EventLink, opts: RenderOptions): string {
  const title = opts.sourceTitles?.[l.sourceId];
  if (title) return title;
  try {
    return new URL(l.url).hostname.replace(/^www\./, '');
  } catch {
    return l.sourceId || l.url;
  }
}

function eventHtml(e: DigestEvent, s: MailStrings, tz: string, opts: RenderOptions): string {
  const sources = e.links.map((l) => link(l.url, sourceName(l, opts), 'src')).join(', ');
  return `<tr><td style="padding:6px 8px;vertical-align:top;width:90px">${badge(e.severity, s)}</td>
<td style="padding:6px 8px;vertical-align:top;overflow-wrap:anywhere"><strong>${escapeHtml(s.t.events[e.type])}</strong> · ${escapeHtml(mailDate(e.occurredAt, s, tz))}<br>
${link(e.links[0]?.url, oneLine(e.title, 200), 'src')}<br>
<span class="src" style="color:#555555;font-size:13px">${escapeHtml(oneLine(e.evidence, MAX_EVIDENCE))}</span><br>
<span style="font-size:12px;color:#777777">${escapeHtml(s.t.mail.sources)}: ${sources}</span></td></tr>`;
}

export function renderSectionsHtml(sections: CustomerSection[], s: MailStrings, tz: string, opts: RenderOptions): string {
  return sections
    .filter((sec) => sec.events.length > 0 || sec.change || sec.limits.length > 0)
    .map((sec) => {
      const check = checkUrl(opts.publicUrl, sec.name);
      const head = `<tr><td colspan="2" style="padding:14px 8px 4px;border-bottom:2px solid #d5d8dc;font-size:16px"><strong>${escapeHtml(oneLine(sec.name, 120))}</strong>${check ? ` · <span style="font-size:13px">${link(check, s.t.mail.check)}</span>` : ''}</td></tr>`;
      const c = sec.change;
      const change = c
        ? `<tr><td style="padding:6px 8px;vertical-align:top">${badge(c.severity, s)}</td><td style="padding:6px 8px"><strong>${escapeHtml(changeLine(c, s))}</strong><br>
${reasonsLines(c, s).map((l) => `<span style="font-size:13px">${escapeHtml(l)}</span><br>`).join('\n')}
<span style="font-size:13px">${escapeHtml(s.t.mail.terms)}: ${escapeHtml(termsText(c, s))}</span></td></tr>`
        : '';
      const shown = sec.events.slice(0, MAX_EVENTS_PER_CUSTOMER).map((e) => eventHtml(e, s, tz, opts));
      const hidden = sec.events.length - MAX_EVENTS_PER_CUSTOMER;
      if (hidden > 0) shown.push(`<tr><td></td><td style="padding:4px 8px;font-size:13px;color:#555555">${escapeHtml(s.t.mail.more(hidden))}</td></tr>`);
      return head + sectionTopParts(sec, s, opts).html + change + shown.join('\n');
    })
    .join('\n');
}

export function renderSectionsText(sections: CustomerSection[], s: MailStrings, tz: string, opts: RenderOptions): string {
  const out: string[] = [];
  for (const sec of sections) {
    if (sec.events.length === 0 && !sec.change && sec.limits.length === 0) continue;
    out.push('', `== ${oneLine(sec.name, 120)} ==`);
    const check = checkUrl(opts.publicUrl, sec.name);
    if (check) out.push(`${s.t.mail.check}: ${check}`);
    out.push(...sectionTopParts(sec, s, opts).text);
    const c = sec.change;
    if (c) {
      out.push(`[${s.t.severities[c.severity]}] ${changeLine(c, s)}`);
      for (const l of reasonsLines(c, s)) out.push(`  ${l}`);
      out.push(`  ${s.t.mail.terms}: ${termsText(c, s)}`);
    }
    for (const e of sec.events.slice(0, MAX_EVENTS_PER_CUSTOMER)) out.push(...eventText(e, s, tz, opts));
    if (sec.events.length > MAX_EVENTS_PER_CUSTOMER) out.push(s.t.mail.more(sec.events.length - MAX_EVENTS_PER_CUSTOMER));
  }
  return out.join('\n');
}

function eventText(e: DigestEvent, s: MailStrings, tz: string, opts: RenderOptions): string[] {
  return [
    `[${s.t.severities[e.severity]}] ${s.t.events[e.type]} · ${mailDate(e.occurredAt, s, tz)}: ${oneLine(e.title, 200)}`,
    `  ${oneLine(e.evidence, MAX_EVIDENCE)}`,
    ...e.links.map((l) => `  - ${sourceName(l, opts)}: ${oneLine(l.url, 400)}`),
  ];
}

/** Fluid up to 640 px: a phone shows it at its own width, without sideways scrolling. */
export function wrapHtml(lang: string, body: string): string {
  return `<!DOCTYPE html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;padding:0;background:#f4f6f7">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f7"><tr><td align="center" style="padding:8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="width:100%;max-width:640px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1c2833;table-layout:fixed">
${body}
</table></td></tr></table></body></html>`;
}

export function footerHtml(s: MailStrings, subscriptionId: string, opts: RenderOptions): string {
  const unsub = opts.unsubscribeUrl ? link(opts.unsubscribeUrl, s.t.mail.unsubscribe) : escapeHtml(s.t.mail.unsubscribeCli(subscriptionId));
  return `<tr><td colspan="2" style="padding:16px 8px;font-size:12px;color:#777777;border-top:1px solid #d5d8dc">${unsub}</td></tr>`;
}

export function footerText(s: MailStrings, subscriptionId: string, opts: RenderOptions): string {
  return opts.unsubscribeUrl ? `${s.t.mail.unsubscribe}: ${opts.unsubscribeUrl}` : s.t.mail.unsubscribeCli(subscriptionId);
}

/** HTML (tables, inline styles: what mail clients render) and plain text of one digest. */
export function renderDigest(digest: Digest, opts: RenderOptions): RenderedMail {
  const sub = digest.subscription;
  const s = mailSpeaker(sub, opts.locales);
  const m = s.t.mail;
  const tz = sub.timeZone;
  const date = mailDate(digest.slotAt, s, tz);
  const freq = m.frequency[digest.frequency];
  const customerCount = digest.customers.length;
  const instant = digest.frequency === 'instant';
  const names = digest.customers.map((c) => oneLine(c.name, 60));
  const subject = instant
    ? m.subjectInstant(names.length > 3 ? `${names.slice(0, 3).join(', ')} …` : names.join(', ') || m.industries)
    : digest.itemCount === 0
      ? m.subjectQuiet(freq, date)
      : m.subjectDigest(freq, digest.itemCount, customerCount, date);
  const intro = instant ? m.introInstant : m.intro(freq, date);

  const html: string[] = [
    `<tr><td colspan="2" style="padding:16px 8px 8px">${escapeHtml(m.greeting(sub.name))}<br>${escapeHtml(intro)}</td></tr>`,
  ];
  const text: string[] = [m.greeting(sub.name), intro];
  if (digest.itemCount === 0) {
    html.push(`<tr><td colspan="2" style="padding:8px">${escapeHtml(m.allQuiet)}</td></tr>`);
    text.push('', m.allQuiet);
  }
  const summary = summaryParts(digest, s);
  if (summary.html) html.push(summary.html);
  text.push(...summary.text);
  html.push(renderSectionsHtml(digest.customers, s, tz, opts));
  text.push(renderSectionsText(digest.customers, s, tz, opts));
  if (digest.industries.length > 0) {
    html.push(`<tr><td colspan="2" style="padding:18px 8px 4px;font-size:16px;border-bottom:2px solid #d5d8dc"><strong>${escapeHtml(m.industries)}</strong></td></tr>`);
    text.push('', `== ${m.industries} ==`);
    for (const ind of digest.industries) {
      html.push(`<tr><td colspan="2" style="padding:8px 8px 0"><em>${escapeHtml(m.industry)} ${escapeHtml(ind.industry)}</em></td></tr>`);
      html.push(ind.events.map((e) => eventHtml(e, s, tz, opts)).join('\n'));
      text.push(`-- ${m.industry} ${ind.industry} --`, ...ind.events.flatMap((e) => eventText(e, s, tz, opts)));
    }
  }
  if (digest.health.length > 0) {
    html.push(`<tr><td colspan="2" style="padding:18px 8px 4px;font-size:16px;border-bottom:2px solid #d5d8dc"><strong>${escapeHtml(m.health)}</strong></td></tr>`);
    text.push('', `== ${m.health} ==`);
    for (const h of digest.health) {
      const line = m.healthLine(h.consecutiveFailures, h.lastSuccessAt ? mailDate(h.lastSuccessAt, s, tz) : '–');
      const err = h.lastError ? ` — ${oneLine(h.lastError, 200)}` : '';
      html.push(`<tr><td colspan="2" style="padding:4px 8px"><strong>${escapeHtml(h.sourceId)}</strong>: ${escapeHtml(line + err)}</td></tr>`);
      text.push(`${h.sourceId}: ${line}${err}`);
    }
  }
  const acked = acknowledgedParts(digest.customers, s, tz);
  if (acked.html) html.push(acked.html);
  text.push(...acked.text);
  html.push(footerHtml(s, sub.id, opts));
  text.push('', '--', footerText(s, sub.id, opts), '');
  return { subject, html: wrapHtml(sub.language, html.join('\n')), text: text.join('\n') };
}
