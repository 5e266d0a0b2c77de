import type { EventType } from '../../platform/schemas/common.js';
import { foldText } from '../text/fold.js';

export interface RubricEvent {
  type: EventType;
  /** Why this type: the rubric code and, where the text refined it, the word that did. */
  reason: string;
}

/**
 * Register notices map to events by their rubric, deterministically; the text only refines
 * within a rubric (an HR02 mutation that announces a dissolution is a liquidation).
 *
 * Swiss SHAB/FOSC sub-rubrics: KK* bankruptcy (Konkurs) notices → insolvency, except a
 * revocation of the bankruptcy (Widerruf) → positive; SB* debt enforcement (Schuldbetreibung:
 * auctions, payment orders) → debt_enforcement; NA* composition (Nachlassverfahren:
 * moratorium, composition agreement) → debt_restructuring; HR03 deletion → liquidation;
 * HR02 mutation → management_change unless the text announces dissolution, liquidation or
 * bankruptcy; HR01 (new entry) and other rubrics → no event.
 *
 * UK Gazette notice codes: 24xx corporate insolvency, 25xx personal insolvency. Codes
 * 2450–2451 are petitions to wind up → debt_enforcement (a creditor's claim, not yet a
 * failure); 2452–2459 winding-up orders, 2410–2419 administration and receivership and the
 * rest of 24xx/25xx → insolvency; 2430–2449 resolutions for winding-up, liquidator
 * appointments, meetings and notices to creditors → liquidation. The notice text decides when
 * it names the procedure ("petition", "administrator", "strike off").
 *
 * Companies House company_status values ("liquidation", "administration", "receivership",
 * "insolvency-proceedings", "voluntary-arrangement", "dissolved") map by name.
 */
export function mapRubric(rubric: string, text: string, lang?: string): RubricEvent | undefined {
  const r = rubric.trim().toUpperCase();
  const t = foldText(text, lang);
  const shab = /^(?:SHAB[-:\s]*)?([A-Z]{2})(\d{2})?\b/.exec(r);
  if (shab && ['KK', 'SB', 'NA', 'HR'].includes(shab[1]!)) return mapShab(shab[1]!, shab[2] ?? '', t, r);
  const edgar = /^(8-K(?:\/A)?|15-12[BG]|15-15D|25(?:-NSE)?)(?::([\d.,]+))?$/.exec(r);
  if (edgar) return mapEdgar(edgar[1]!, (edgar[2] ?? '').split(',').filter(Boolean), r);
  const gazette = /(?:^|\D)(2[45]\d\d)(?:\D|$)/.exec(r);
  if (gazette) return mapGazette(Number(gazette[1]), t, r);
  return mapStatusWord(foldText(rubric), r);
}

/**
 * SEC EDGAR forms by their 8-K items: 1.03 bankruptcy or receivership → insolvency; 2.04
 * accelerated obligations and 2.06 impairments → financial distress; 3.01 delisting notice →
 * financial distress; 5.02 officer departures → management change. Form 15 (deregistration)
 * and 25 (delisting) end the public reporting → financial distress.
 */
function mapEdgar(form: string, items: string[], code: string): RubricEvent | undefined {
  if (items.includes('1.03')) return { type: 'insolvency', reason: `${code}: bankruptcy or receivership (item 1.03)` };
  if (items.includes('2.04') || items.includes('2.06') || items.includes('3.01') || /^(15|25)/.test(form)) {
    return { type: 'financial_distress', reason: `${code}: ${/^(15|25)/.test(form) ? 'deregistration or delisting' : 'accelerated obligation, impairment or delisting notice'}` };
  }
  if (items.includes('5.02')) return { type: 'management_change', reason: `${code}: departure or appointment of officers (item 5.02)` };
  return undefined;
}

function mapShab(area: string, num: string, t: string, code: string): RubricEvent | undefined {
  switch (area) {
    case 'KK':
      if (/widerruf|revocation|revoca/.test(t)) return { type: 'positive', reason: `${code}: bankruptcy revoked` };
      return { type: 'insolvency', reason: `${code}: bankruptcy notice` };
    case 'SB':
      return { type: 'debt_enforcement', reason: `${code}: debt enforcement notice` };
    case 'NA':
      return { type: 'debt_restructuring', reason: `${code}: composition proceedings` };
    case 'HR':
      if (num === '03') return { type: 'liquidation', reason: `${code}: deleted from the commercial register` };
      if (num === '02') {
        if (/konkurs|faillite|fallimento/.test(t)) return { type: 'insolvency', reason: `${code}: mutation naming bankruptcy` };
        if (/liquidation|liquidazione|auflosung|aufgelost|dissolution|dissoute|scioglimento|sciolta/.test(t)) {
          return { type: 'liquidation', reason: `${code}: mutation announcing dissolution` };
        }
        if (/nachlass|sursis concordataire|concordato/.test(t)) return { type: 'debt_restructuring', reason: `${code}: mutation naming composition` };
        return { type: 'management_change', reason: `${code}: register mutation` };
      }
      return undefined;
    default:
      return undefined;
  }
}

function mapGazette(code: number, t: string, label: string): RubricEvent | undefined {
  if (/petition/.test(t) && /wind(?:ing)?[- ]?up/.test(t)) return { type: 'debt_enforcement', reason: `${label}: winding-up petition` };
  if (/strik(?:e|ing)[- ]off|struck off/.test(t)) return { type: 'liquidation', reason: `${label}: striking off` };
  if (/administrator|administration|receiver/.test(t)) return { type: 'insolvency', reason: `${label}: administration` };
  if (code === 2450 || code === 2451) return { type: 'debt_enforcement', reason: `${label}: petition to wind up` };
  if (code >= 2430 && code <= 2449) return { type: 'liquidation', reason: `${label}: winding-up / liquidation notice` };
  if (code >= 2400 && code <= 2599) return { type: 'insolvency', reason: `${label}: insolvency notice` };
  return undefined;
}

function mapStatusWord(folded: string, label: string): RubricEvent | undefined {
  if (/voluntary[- ]arrangement|nachlass|concordat/.test(folded)) return { type: 'debt_restructuring', reason: `${label}: arrangement` };
  if (/administration|receivership|insolvency|insolvenz|bankrupt|eroffnung|mangels masse|faillite/.test(folded)) {
    return { type: 'insolvency', reason: `${label}: insolvency status` };
  }
  if (/liquidation|dissolved|struck[- ]off|loschung/.test(folded)) return { type: 'liquidation', reason: `${label}: liquidation status` };
  return undefined;
}
