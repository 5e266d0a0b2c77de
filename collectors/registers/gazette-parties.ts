import { load } from 'cheerio';
import type { DocumentParty } from '../../platform/schemas/index.js';

/**
 * The parties of a Gazette notice with their roles, from the notice's RDFa markup as the
 * Gazette's own notice templates write it (TheGazette/DevDocs, SubmissionService form_master.xsl,
 * boilerPlateText2450): the company "In the Matter of" (`this:company-1` `gazorg:name`, with
 * `gazorg:companyNumber`), the petitioner (`this:petitioner-1` `foaf:name`) and the firm of the
 * insolvency practitioner or petitioner's solicitor (`this:IP-company-1` `gazorg:name`). Without
 * markup (a plain-text excerpt) the template's wording is read: "In the Matter of X …
 * presented on … by Y, of … claiming to be a creditor".
 *
 * Roles: on a petition to wind up (2450, 2451) the company is the respondent and the petitioner
 * and its solicitor do not bear the event (petitioner, adviser); on other corporate insolvency
 * notices the company is the debtor and the practitioner appointed is the liquidator.
 */
export function gazetteParties(noticeCode: string, html: string, text: string): DocumentParty[] {
  const petition = noticeCode === '2450' || noticeCode === '2451';
  const insolvency = /^2[45]\d\d$/.test(noticeCode);
  const found = html.includes('gazorg:') || html.includes('foaf:name') ? fromMarkup(html) : fromWording(text);
  const out: DocumentParty[] = [];
  if (found.company) {
    out.push({
      role: petition ? 'respondent' : insolvency ? 'debtor' : 'subject',
      name: found.company,
      ...(found.companyNumber ? { registerIds: { companyNumber: [found.companyNumber] } } : {}),
    });
  }
  if (found.petitioner && found.petitioner !== found.company) out.push({ role: 'petitioner', name: found.petitioner });
  if (found.practitioner && found.practitioner !== found.company) out.push({ role: petition ? 'adviser' : 'liquidator', name: found.practitioner });
  return out;
}

interface Found {
  company?: string;
  companyNumber?: string;
  petitioner?: string;
  practitioner?: string;
}

function fromMarkup(html: string): Found {
  const $ = load(html, { xml: false });
  const value = (about: string, property: string): string | undefined => {
    const el = $(`[about="${about}"][property="${property}"]`).first();
    if (el.length === 0) return undefined;
    const v = (el.attr('content') ?? el.text()).replace(/\s+/g, ' ').trim();
    return v === '' ? undefined : v;
  };
  return clean({
    company: value('this:company-1', 'gazorg:name'),
    companyNumber: value('this:company-1', 'gazorg:companyNumber'),
    petitioner: value('this:petitioner-1', 'foaf:name'),
    practitioner: value('this:IP-company-1', 'gazorg:name'),
  });
}

const IN_THE_MATTER = /\bIn the Matter of\s+(?!the (?:Insolvency|Companies) Act)([A-Z0-9][A-Z0-9 &'’.,()/-]{2,120}?(?:LIMITED|LTD\.?|PLC|LLP|L\.L\.P\.|CIC|COMPANY))\b/;
const PETITIONER = /\bpresented on [^,]{4,60}?\bby ([^,]{3,120}?),? (?:of|whose)\b/i;

function fromWording(text: string): Found {
  return clean({ company: IN_THE_MATTER.exec(text)?.[1], petitioner: PETITIONER.exec(text)?.[1] });
}

function clean(f: Found): Found {
  const out: Found = {};
  for (const [k, v] of Object.entries(f) as Array<[keyof Found, string | undefined]>) if (v) out[k] = v.replace(/\s+/g, ' ').trim();
  if (out.companyNumber) out.companyNumber = out.companyNumber.replace(/\s/g, '').toUpperCase();
  return out;
}
