import { describe, expect, it } from 'vitest';
import { html, safeUrl, link } from '../../app/web/html.js';
import { buildPortfolio, paymentBehaviour, summarizeLedger } from '../../app/web/portfolio.js';
import type { PortfolioEntry } from '../../platform/store/port.js';
import { chooseLocale } from '../../platform/i18n/index.js';
import type { Assessment, LedgerRow } from '../../platform/schemas/index.js';

const row = (over: Partial<LedgerRow>): LedgerRow => ({ customerId: 'C1', invoiceId: 'I', issueDate: '2026-09-01', dueDate: '2026-10-01', amount: 1000, currency: 'CHF', paidAmount: 0, dunningLevel: 0, collection: false, ...over });
const asOf = new Date('2026-11-20T12:00:00Z');

describe('escaping of source text', () => {
  it('escapes every interpolated value, nested or not, but keeps trusted markup', () => {
    const title = '<script>alert(1)</script>"\'&';
    expect(html`<p title="${title}">${title}</p>`.value).toBe('<p title="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;">&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</p>');
    expect(html`<ul>${[title].map((t) => html`<li>${t}</li>`)}</ul>`.value).toBe('<ul><li>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</li></ul>');
  });

  it('links only http(s) URLs from sources', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<b>x</b>')).toBeUndefined();
    expect(link('javascript:alert(1)', 'x').value).toBe('<span class="src">x</span>');
    expect(link('https://example.org/a?b=<c>', 'T').value).toBe('<a class="src" href="https://example.org/a?b=%3Cc%3E" rel="noopener noreferrer nofollow" target="_blank">T</a>');
  });

  it('picks the language and locale from ?lang, then Accept-Language in its order of preference', () => {
    expect(chooseLocale('de', 'en')).toEqual({ lang: 'de', locale: 'de-CH' });
    expect(chooseLocale('de-DE', undefined)).toEqual({ lang: 'de', locale: 'de-DE' });
    expect(chooseLocale(undefined, 'de-CH,de;q=0.9')).toEqual({ lang: 'de', locale: 'de-CH' });
    expect(chooseLocale(undefined, 'es-ES,it;q=0.8,en;q=0.9')).toEqual({ lang: 'en', locale: 'en-GB' });
    expect(chooseLocale(undefined, 'es-ES,it;q=0.9,en;q=0.8')).toEqual({ lang: 'it', locale: 'it-CH' });
    expect(chooseLocale('fr', undefined)).toEqual({ lang: 'fr', locale: 'fr-CH' });
    expect(chooseLocale('xx', 'nl')).toEqual({ lang: 'en', locale: 'en-GB' });
  });
});

describe('portfolio figures', () => {
  it('counts open, overdue and late-paid invoices per currency', () => {
    const s = summarizeLedger([
      row({ invoiceId: 'open-overdue', dueDate: '2026-11-01', amount: 500, paidAmount: 100 }),
      row({ invoiceId: 'open-not-due', dueDate: '2026-12-01', amount: 300, currency: 'EUR' }),
      row({ invoiceId: 'paid-late', paidDate: '2026-10-20', paidAmount: 1000 }),
      row({ invoiceId: 'paid-on-time', paidDate: '2026-09-20', paidAmount: 1000 }),
    ], asOf);
    expect(s).toEqual({ invoices: 4, open: { CHF: 400, EUR: 300 }, overdue: { CHF: 400 }, paidLate: 1, paid: 2 });
  });

  it('reads open amounts as the scorer settles them: credit notes, cash discounts and write-offs are not owed', () => {
    const s = summarizeLedger([
      row({ invoiceId: 'A', dueDate: '2026-11-01', amount: 500 }),
      row({ invoiceId: 'CN-A', issueDate: '2026-11-03', dueDate: '2026-11-03', amount: -200, reference: 'A' }),
      // Paid 2 % short within the discount period: settled, nothing left open.
      row({ invoiceId: 'B', dueDate: '2026-11-20', amount: 1000, payments: [{ date: '2026-10-15', amount: 980 }], paidAmount: 980 }),
      row({ invoiceId: 'C', dueDate: '2026-10-01', amount: 700, writtenOff: 700, writtenOffDate: '2026-10-30' }),
      // A euro credit note without a reference nets euro invoices only.
      row({ invoiceId: 'E1', dueDate: '2026-10-15', amount: 300, currency: 'EUR' }),
      row({ invoiceId: 'CN-E', issueDate: '2026-11-01', dueDate: '2026-11-01', amount: -100, currency: 'EUR' }),
    ], asOf);
    expect(s.open).toEqual({ CHF: 300, EUR: 200 });
    expect(s.overdue).toEqual({ CHF: 300, EUR: 200 });
  });

  it('buckets invoiced amounts by month and payment behaviour', () => {
    const buckets = paymentBehaviour([row({ paidDate: '2026-10-11', paidAmount: 1000 }), row({ issueDate: '2026-09-15', amount: 200, dueDate: '2026-12-15' }), row({ issueDate: '2025-01-01' })], asOf, { months: 3 });
    expect(buckets.map((b) => b.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(buckets[0]).toEqual({ month: '2026-09', onTime: 0, late: 1000, openNotDue: 200, overdue: 0, avgDaysLate: 10 });
  });

  it('shapes the store\'s page and totals: D/E receivables at risk, totals per currency, deltas and movers', () => {
    const e = (id: string, grade: Assessment['grade'] | null, score: number | null, previousScore: number | null, open: Record<string, number>): PortfolioEntry => ({
      id, name: id, industry: 'C25', tags: [], grade, score, pd: score === null ? null : score / 100, termsKind: grade ? 'open_account' : null, asOf: grade ? asOf.toISOString() : null,
      previousScore, previousGrade: previousScore === null ? null : 'B', approvedLimit: null, utilisation: null, currency: null, nextStep: null, overridden: false, open, overdue: open,
    });
    const high = e('high', 'E', 80, 30, { CHF: 1000 });
    const p = buildPortfolio({
      page: { total: 3, rows: [high, e('low', 'A', 10, null, { EUR: 1000 })] },
      totals: {
        customers: 3,
        grades: [{ grade: 'A', customers: 1 }, { grade: 'E', customers: 1 }, { grade: null, customers: 1 }],
        amounts: [{ grade: 'E', currency: 'CHF', open: 1000, overdue: 1000 }, { grade: 'A', currency: 'EUR', open: 1000, overdue: 1000 }],
      },
      movers: [high],
      query: { sort: 'risk', descending: true, limit: 2, offset: 0 },
      reporting: { currency: 'CHF', rates: { EUR: 0.95 } },
    });
    expect(p.rows.map((r) => r.id)).toEqual(['high', 'low']);
    expect(p.total).toBe(3);
    expect(p.page).toEqual({ limit: 2, offset: 0, sort: 'risk', order: 'desc' });
    expect(p.atRisk).toEqual({ CHF: 1000 });
    expect(p.open).toEqual({ CHF: 1000, EUR: 1000 });
    expect(p.reporting).toMatchObject({ currency: 'CHF', open: 1950, overdue: 1950, atRisk: 1000, unconverted: {} });
    expect(p.rows[1]).toMatchObject({ delta: 0, openReporting: 950, currency: 'EUR' });
    expect(p.movers).toMatchObject([{ id: 'high', delta: 50, previousGrade: 'B', grade: 'E' }]);
    expect(p.grades.E.count).toBe(1);
    expect(p.unassessed).toBe(1);
  });
});
