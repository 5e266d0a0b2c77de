import { describeStep } from '../../../platform/i18n/index.js';
import { GRADES, TERMS_KINDS, type Assessment } from '../../../platform/schemas/index.js';
import type { Acknowledgement, Note, OverrideChange } from '../../../platform/store/credit-state.js';
import { html, type SafeHtml } from '../html.js';
import type { Speaker } from '../i18n.js';

/**
 * The credit manager's cards on the check page: what is at stake (open, overdue, limit use, the
 * next step) with the approved limit; the override with the model's own view and its history; notes.
 */

export interface CreditView {
  s: Speaker;
  lang: string;
  a: Assessment;
  customerId: string;
  /** The signed-in user may change things (admin, or no tokens configured). */
  canEdit: boolean;
  overrides: OverrideChange[];
  notes: Note[];
}

const action = (id: string, what: string, lang: string) => `/customers/${encodeURIComponent(id)}/${what}?lang=${encodeURIComponent(lang)}`;

function useBar(utilisation: number | null, s: Speaker): SafeHtml | '' {
  if (utilisation === null) return '';
  const pct = Math.min(100, Math.round(utilisation * 100));
  const level = utilisation >= 1 ? 'over' : utilisation >= 0.8 ? 'high' : 'ok';
  return html`<span class="usebar use-${level}" aria-hidden="true"><span style="width:${pct}%"></span></span><span class="use-text use-${level}">${s.f.percent(utilisation)}</span>`;
}

export function stakeCard(v: CreditView): SafeHtml {
  const { s, a } = v;
  const e = a.exposure;
  const w = s.t.web;
  const st = s.t.stake;
  const step = a.nextStep ? describeStep(a.nextStep, s) : undefined;
  const limitForm = v.canEdit
    ? html`<details class="inline-form"><summary>${w.limitForm}</summary><form method="post" action="${action(v.customerId, 'limit', v.lang)}" class="form-row">
<div class="field"><label for="limit">${w.limitLabel(e?.currency ?? a.terms.currency)}</label><input id="limit" name="creditLimit" type="number" min="0" step="any" inputmode="decimal" value="${e?.approvedLimit ?? ''}" aria-describedby="limit-hint"><p id="limit-hint" class="hint">${w.limitHint}</p></div>
<div class="field actions"><button type="submit">${w.saveLimit}</button></div></form></details>`
    : '';
  if (!e) return html`<section class="card stake" aria-labelledby="stake-h"><h2 id="stake-h">${st.title}</h2>${step ? html`<p class="next-step" data-testid="next-step"><strong>${st.nextStep}:</strong> ${step}</p>` : ''}</section>`;
  return html`<section class="card stake" aria-labelledby="stake-h"><h2 id="stake-h">${st.title}</h2>
<dl class="stake-figures">
  <div><dt>${st.open}</dt><dd data-testid="open">${s.f.money(e.open, e.currency)}</dd></div>
  <div><dt>${st.overdue}</dt><dd class="${e.overdue > 0 ? 'warn' : ''}" data-testid="overdue">${s.f.money(e.overdue, e.currency)}</dd></div>
  <div><dt>${st.approvedLimit}</dt><dd data-testid="approved-limit">${e.approvedLimit === null ? html`<span class="muted">${st.noLimit}</span>` : s.f.money(e.approvedLimit, e.currency)}</dd></div>
  <div><dt>${st.limitUse}</dt><dd data-testid="limit-use">${e.utilisation === null ? '–' : useBar(e.utilisation, s)}</dd></div>
  ${e.recommendedLimit !== undefined ? html`<div><dt>${st.suggestedLimit}</dt><dd>${s.f.money(e.recommendedLimit, e.currency)}</dd></div>` : ''}
</dl>
${step ? html`<p class="next-step" data-testid="next-step"><strong>${st.nextStep}:</strong> ${step}</p>` : ''}
${limitForm}
</section>`;
}

function overrideHistory(v: CreditView): SafeHtml | '' {
  const { s } = v;
  if (v.overrides.length === 0) return '';
  const rows = [...v.overrides].reverse().map((c) => {
    const what = c.action === 'clear' ? s.t.override.cleared(c.by, s.f.date(c.at)) : [c.grade ? `${s.t.web.grade} ${c.grade}` : '', c.terms ? s.t.terms[c.terms] : '', c.limit !== undefined ? s.f.money(c.limit, v.a.terms.currency) : ''].filter(Boolean).join(' · ');
    return html`<tr><td class="nowrap" data-label="${s.t.web.date}">${s.f.date(c.at)}</td><td data-label="${s.t.web.byLabel}">${c.by}</td><td>${what}${c.until ? ` → ${s.f.date(c.until)}` : ''}</td><td>${c.reason}</td></tr>`;
  });
  return html`<details><summary>${s.t.web.overrideHistory} (${v.overrides.length})</summary><div class="table-wrap"><table class="stack"><tbody>${rows}</tbody></table></div></details>`;
}

export function overrideCard(v: CreditView): SafeHtml {
  const { s, a } = v;
  const w = s.t.web;
  const o = a.override;
  const current = o
    ? html`<div class="notice override-active" data-testid="override"><p><strong>${s.t.override.title}:</strong> ${[o.grade ? `${w.grade} ${o.grade}` : '', o.terms ? s.t.terms[o.terms] : '', o.limit !== null ? s.f.money(o.limit, a.terms.currency) : ''].filter(Boolean).join(' · ')} — ${o.reason}</p>
<p class="muted">${s.t.override.by(o.by, s.f.date(o.at), o.until ? s.f.date(o.until) : '')}</p>
${a.model ? html`<p class="muted" data-testid="model-view">${s.t.override.model}: ${w.grade} ${a.model.grade}, ${s.t.terms[a.model.terms.kind]}, ${w.score} ${s.f.number(a.model.score)}</p>` : ''}
${v.canEdit ? html`<form method="post" action="${action(v.customerId, 'override/clear', v.lang)}" class="inline"><button type="submit" class="secondary">${w.overrideClear}</button></form>` : ''}</div>`
    : '';
  const form = v.canEdit
    ? html`<details${o ? '' : html` open`} class="inline-form"><summary>${w.overrideForm}</summary><form method="post" action="${action(v.customerId, 'override', v.lang)}" class="form-grid">
<div class="field"><label for="ov-grade">${w.overrideGrade}</label><select id="ov-grade" name="grade"><option value="">${w.overrideKeep}</option>${GRADES.map((g) => html`<option value="${g}">${g} — ${s.t.grades[g]}</option>`)}</select></div>
<div class="field"><label for="ov-terms">${w.overrideTerms}</label><select id="ov-terms" name="terms"><option value="">${w.overrideKeep}</option>${TERMS_KINDS.map((k) => html`<option value="${k}">${s.t.terms[k]}</option>`)}</select></div>
<div class="field"><label for="ov-limit">${w.overrideLimit}</label><input id="ov-limit" name="limit" type="number" min="0" step="any" inputmode="decimal"></div>
<div class="field"><label for="ov-until">${w.overrideUntil}</label><input id="ov-until" name="until" type="date"></div>
<div class="field wide"><label for="ov-reason">${w.overrideReason}</label><textarea id="ov-reason" name="reason" required minlength="3" maxlength="1000" rows="2"></textarea></div>
<div class="field actions"><button type="submit">${w.overrideSave}</button></div></form></details>`
    : '';
  return html`<section class="card" aria-labelledby="override-h"><h2 id="override-h">${s.t.override.title}</h2>${current}${form}${overrideHistory(v)}</section>`;
}

export function notesCard(v: CreditView): SafeHtml {
  const { s } = v;
  const w = s.t.web;
  const items = v.notes.map((n) => html`<li><p class="note-text">${n.text}</p><p class="muted">${n.by} · ${s.f.date(n.at)}</p></li>`);
  const form = v.canEdit
    ? html`<form method="post" action="${action(v.customerId, 'notes', v.lang)}" class="form-row"><div class="field wide"><label for="note">${w.noteLabel}</label><textarea id="note" name="text" required maxlength="4000" rows="2"></textarea></div><div class="field actions"><button type="submit">${w.saveNote}</button></div></form>`
    : '';
  return html`<section class="card" aria-labelledby="notes-h"><h2 id="notes-h">${w.notes}</h2>${items.length > 0 ? html`<ul class="notes" data-testid="notes">${items}</ul>` : html`<p class="muted">${w.noNotes}</p>`}${form}</section>`;
}

/** After a signal's title: its acknowledgement, or a button to acknowledge it. */
export function ackControl(v: { s: Speaker; lang: string; customerId: string; canEdit: boolean; acks: Map<string, Acknowledgement> }, itemKey: string): SafeHtml {
  const ack = v.acks.get(itemKey);
  if (ack) return html` <span class="ack muted">✓ ${v.s.t.web.acknowledged(ack.by, v.s.f.date(ack.at))}</span>`;
  if (!v.canEdit) return html``;
  return html` <form method="post" action="${action(v.customerId, 'ack', v.lang)}" class="inline"><input type="hidden" name="key" value="${itemKey}"><button type="submit" class="secondary small">${v.s.t.web.acknowledge}</button></form>`;
}
