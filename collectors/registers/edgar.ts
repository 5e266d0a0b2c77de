import type { Document } from '../../platform/schemas/index.js';
import { documentId } from '../document-id.js';
import { parseFeedDate } from '../parse/parse-date.js';
import { cleanTitle, htmlToText, resolveUrl } from '../parse/text.js';
import { loadXml } from './xml.js';

/** One filing from an EDGAR Atom feed (company filings, latest filings, or search). */
export interface EdgarFiling {
  id: string; // urn:tag:sec.gov,2008:accession-number=…
  form: string; // "8-K", "10-K", "3/A"
  items: string[]; // 8-K items: ["1.03", "9.01"]
  companyName?: string;
  cik?: string; // 10 digits, zero-padded
  title: string;
  link: string;
  summary: string;
  filed?: Date;
}

/** The 8-K items a credit manager cares about, so the text says what the filing is. */
export const EIGHT_K_ITEMS: Record<string, string> = {
  '1.01': 'Entry into a Material Definitive Agreement',
  '1.02': 'Termination of a Material Definitive Agreement',
  '1.03': 'Bankruptcy or Receivership',
  '1.04': 'Mine Safety',
  '2.01': 'Completion of Acquisition or Disposition of Assets',
  '2.02': 'Results of Operations and Financial Condition',
  '2.03': 'Creation of a Direct Financial Obligation',
  '2.04': 'Triggering Events That Accelerate or Increase a Direct Financial Obligation',
  '2.05': 'Costs Associated with Exit or Disposal Activities',
  '2.06': 'Material Impairments',
  '3.01': 'Notice of Delisting or Failure to Satisfy a Continued Listing Rule',
  '4.01': "Changes in Registrant's Certifying Accountant",
  '4.02': 'Non-Reliance on Previously Issued Financial Statements',
  '5.01': 'Changes in Control of Registrant',
  '5.02': 'Departure or Appointment of Directors or Officers',
  '5.07': 'Submission of Matters to a Vote of Security Holders',
  '7.01': 'Regulation FD Disclosure',
  '8.01': 'Other Events',
  '9.01': 'Financial Statements and Exhibits',
};

export function normaliseCik(raw: string): string {
  return raw.replace(/\D/g, '').padStart(10, '0');
}

/** Pure: EDGAR Atom (ISO-8859-1 already decoded) → filings. */
export function parseEdgarAtom(xml: string, feedUrl = 'https://www.sec.gov/'): EdgarFiling[] {
  const $ = loadXml(xml, /^feed$/, 'EDGAR Atom feed');
  const info = $('company-info').first();
  const feedCik = info.find('cik').first().text().trim();
  const feedName = info.find('conformed-name').first().text().trim();
  const base = /^https?:/i.test(feedUrl) ? feedUrl : 'https://www.sec.gov/';
  return $('entry')
    .toArray()
    .map((el) => {
      const e = $(el);
      const title = cleanTitle(e.children('title').text());
      const content = e.children('content');
      const form = (e.children('category').attr('term') ?? content.find('filing-type').text() ?? title.split(' - ')[0] ?? '').trim();
      const summary = htmlToText(e.children('summary').text());
      const itemsText = `${content.find('items-desc').text()} ${summary}`;
      const items = [...new Set([...itemsText.matchAll(/\b(\d\.\d{2})\b/g)].map((m) => m[1]!))];
      // "3/A - Brian Armstrong Living Trust (0001856705) (Reporting)" in the latest-filings feed
      const fromTitle = /^(.*?)\s+-\s+(.*?)\s+\((\d{10})\)/.exec(title);
      const cik = feedCik || fromTitle?.[3] || /\/edgar\/data\/(\d+)\//.exec(e.children('link').attr('href') ?? '')?.[1];
      const companyName = feedName || fromTitle?.[2];
      const filed = parseFeedDate(e.children('updated').text() || content.find('filing-date').text());
      return {
        id: e.children('id').text().trim(),
        form,
        items: form.startsWith('8-K') ? items : [],
        ...(companyName ? { companyName } : {}),
        ...(cik ? { cik: normaliseCik(cik) } : {}),
        title,
        link: resolveUrl(e.children('link').attr('href'), base) ?? base,
        summary,
        ...(filed ? { filed } : {}),
      };
    });
}

/** Rubric "<form>" or "<form>:<item>,<item>" (e.g. "8-K:1.03,9.01"), so 1.03 maps to insolvency. */
export function edgarRubric(f: EdgarFiling): string {
  return f.items.length > 0 ? `${f.form}:${f.items.join(',')}` : f.form;
}

/** Pure: filing → document. */
export function edgarToDocument(f: EdgarFiling, sourceId: string, fetchedAt: Date): Document {
  const itemLines = f.items.map((i) => `Item ${i}: ${EIGHT_K_ITEMS[i] ?? 'Other'}`);
  const title = f.companyName && !f.title.includes(f.companyName) ? `${f.companyName}: ${f.title}` : f.title;
  return {
    id: documentId(sourceId, { guid: f.id, link: f.link }),
    sourceId,
    kind: 'register',
    url: f.link,
    title,
    text: [f.summary, ...itemLines.filter((l) => !f.summary.includes(l))].filter(Boolean).join('\n'),
    language: 'en',
    ...(f.filed ? { publishedAt: f.filed.toISOString() } : {}),
    fetchedAt: fetchedAt.toISOString(),
    ...(f.cik ? { registerIds: { cik: [f.cik] } } : {}),
    rubric: edgarRubric(f),
  };
}
