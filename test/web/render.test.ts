import { describe, expect, it } from 'vitest';
import { html, safeUrl, link } from '../../app/web/html.js';
import { buildPortfolio, paymentBehaviour, summarizeLedger } from '../../app/web/portfolio.js';
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

  it('buckets invoiced amounts by month and payment behaviour', () => {
    const buckets = paymentBehaviour([row({ paidDate: '2026-10-11', paidAmount: 1000 }), row({ issueDate: '2026-09-15', amount: 200, dueDate: '2026-12-15' }), row({ issueDate: '2025-01-01' })], asOf, { months: 3 });
    expect(buckets.map((b) => b.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(buckets[0]).toEqual({ month: '2026-09', onTime: 0, late: 1000, openNotDue: 200, overdue: 0, avgDaysLate: 10 });
  });

  it('ranks customers by risk, puts D/E receivables at risk and finds the movers', () => {
    const a = (id: string, grade: Assessment['grade'], score: number): Assessment => ({ customerId: id, name: id, asOf: asOf.toISOString(), score, pd: score / 100, grade, terms: { kind: 'open_account', netDays: 30, advancePercent: null, creditLimit: 1000, currency: 'CHF' }, factors: [], signals: [], modelVersion: 't' });
    const p = buildPortfolio({
      customers: [],
      latest: [a('low', 'A', 10), a('high', 'E', 80)],
      history: new Map([['high', [a('high', 'B', 30), a('high', 'E', 80)]]]),
      ledger: new Map([['high', [row({ customerId: 'high', dueDate: '2026-11-01' })]], ['low', [row({ customerId: 'low', currency: 'EUR' })]]]),
      asOf,
    });
    expect(p.rows.map((r) => r.id)).toEqual(['high', 'low']);
    expect(p.atRisk).toEqual({ CHF: 1000 });
    expect(p.open).toEqual({ CHF: 1000, EUR: 1000 });
    expect(p.movers).toMatchObject([{ id: 'high', delta: 50, previousGrade: 'B', grade: 'E' }]);
    expect(p.grades.E.count).toBe(1);
  });
});
