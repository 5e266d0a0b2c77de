import * as cheerio from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, renderDigest } from '../../alerts/index.js';
import { renderHealthMail } from '../../alerts/health.job.js';
import { formatReport } from '../../app/report.js';
import { subscriptionSchema } from '../../platform/config/subscriptions.js';
import { CATALOGUES, LANGUAGES, speaker, type Language } from '../../platform/i18n/index.js';
import { EVENT_TYPES, TERMS_KINDS, type Assessment } from '../../platform/schemas/index.js';
import { openDemoApp, startServer, type DemoApp } from '../http/support/demo-app.js';
import { shabNotice } from '../http/support/fixtures.js';
import { findForeign, foreignFragments } from './catalogue-fragments.js';

/** Our words in a page or mail: text and the attributes people read or hear, without what came from sources. */
function visibleText(markup: string): string {
  const $ = cheerio.load(markup);
  const lang = $('html').attr('lang');
  $('script, style, .src, title').remove();
  // Text marked as another language (a register's English diagnostic, the names of the languages) is not ours to translate.
  $('body [lang]').filter((_, el) => $(el).attr('lang') !== lang).remove();
  const attrs = $('[aria-label], [title], [placeholder], [alt]')
    .toArray()
    .flatMap((el) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => $(el).attr(a) ?? ''));
  return `${$('body').text()} ${attrs.join(' ')}`;
}

/** Codes and keys that must never reach a reader (a missing translation shows up as its key). */
const CODES = [...Object.keys(CATALOGUES.en.factors), ...Object.keys(CATALOGUES.en.reasons), ...Object.keys(CATALOGUES.en.steps), ...TERMS_KINDS, ...EVENT_TYPES].filter((c) => c.includes('_'));
function rawCodes(text: string): string[] {
  return CODES.filter((c) => new RegExp(`\\b${c}\\b`).test(text)).concat(/\bundefined\b|\[object Object\]|\bNaN\b/.test(text) ? ['undefined/NaN'] : []);
}

describe('the checker itself', () => {
  it('finds German words on an English page and English words on a German one', () => {
    expect(findForeign('Gute Zahlungshistorie: 7 Rechnungen pünktlich bezahlt.', 'en')).not.toEqual([]);
    expect(findForeign('Good payment history: 7 invoices paid on time.', 'de')).not.toEqual([]);
    expect(findForeign('Paiement anticipé intégral', 'it')).not.toEqual([]);
    expect(findForeign('Good payment history: 7 invoices paid on time.', 'en')).toEqual([]);
  });
});

describe('every page, mail and report in de, fr, it and en speaks one language', () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  const foreign = new Map(LANGUAGES.map((l) => [l, foreignFragments(l)]));

  beforeAll(async () => {
    demo = await openDemoApp({}, { rescoreAfterDays: 30 });
    await demo.addDocuments([shabNotice()]);
    ({ server, base } = await startServer(demo));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await demo?.close();
  });

  const PAGES = [
    '/',
    '/check?q=Alpenblick%20Metallbau',
    '/check?q=Calandra%20Logistik',
    '/check?q=Brunnmatt&amount=50000',
    '/check?q=Glacier',
    '/check?q=Rysaffe%20Administrateurs',
    '/check?q=AG',
    '/check?q=Nonexistent%20Widgets',
    '/portfolio',
    '/subscriptions',
    '/subscriptions/demo-anna/delete',
    '/no-such-page',
  ];

  for (const lang of LANGUAGES) {
    it(`pages in ${lang}`, async () => {
      for (const page of PAGES) {
        const url = `${base}${page}${page.includes('?') ? '&' : '?'}lang=${lang}`;
        const res = await fetch(url, { headers: { accept: 'text/html' } });
        const body = await res.text();
        expect(body, page).toContain(`<html lang="${lang}">`);
        const text = visibleText(body);
        expect(findForeign(text, lang, foreign.get(lang)), `${lang} ${page}`).toEqual([]);
        expect(rawCodes(text), `${lang} ${page}`).toEqual([]);
      }
    });
  }

  async function digestFor(lang: Language) {
    const store = demo.app.store;
    const sub = subscriptionSchema.parse({ id: `t-${lang}`, email: 'a@example.test', name: 'Anna', language: lang, admin: true, minSeverity: 'low' });
    const signals = (await store.signalsSince(0, 10_000)).map((r) => r.signal);
    const rows = await store.assessmentsSince(0, 10_000);
    const histories = new Map<string, Assessment[]>();
    for (const r of rows) if (!histories.has(r.assessment.customerId)) histories.set(r.assessment.customerId, await store.assessmentHistory(r.assessment.customerId));
    // The re-score a month later: changes against what the subscriber was told before.
    const changes = rows.flatMap((r) => {
      const h = histories.get(r.assessment.customerId)!;
      const i = h.findIndex((x) => x.asOf === r.assessment.asOf && x.score === r.assessment.score);
      return i > 0 ? [{ seq: r.seq, assessment: r.assessment, previous: h[i - 1] }] : [];
    });
    return buildDigest({
      subscription: sub,
      frequency: 'daily',
      periodKey: 'p',
      slotAt: new Date('2026-11-23T07:00:00Z'),
      customers: await store.listCustomers(),
      signals,
      changes,
      health: [{ sourceId: 'demo-shab-ch', consecutiveFailures: 3, lastSuccessAt: '2026-11-20T10:00:00Z', lastError: 'timeout' }],
    });
  }

  for (const lang of LANGUAGES) {
    it(`mails in ${lang}`, async () => {
      const digest = await digestFor(lang);
      expect(digest.customers.length).toBeGreaterThan(3);
      expect(digest.customers.some((c) => c.change?.fromGrade)).toBe(true);
      const mails = [
        renderDigest(digest, { publicUrl: 'https://bonitor.example.test', unsubscribeUrl: 'https://bonitor.example.test/unsubscribe?token=x' }),
        renderDigest({ ...digest, frequency: 'instant' }, {}),
        renderDigest({ ...digest, customers: [], industries: [], health: [], itemCount: 0 }, {}),
        renderHealthMail(digest.subscription, { type: 'source_failing', sourceId: 'demo-shab-ch', at: '2026-11-23T07:00:00Z', consecutiveFailures: 3, lastSuccessAt: '2026-11-20T10:00:00Z', error: { kind: 'timeout', message: 'timeout', retriable: true } }, {}),
        renderHealthMail(digest.subscription, { type: 'source_recovered', sourceId: 'demo-shab-ch', at: '2026-11-23T07:00:00Z', consecutiveFailures: 0 }, {}),
      ];
      // Reasons quote the titles of articles and notices: the sources' own words.
      const titles = (await demo.app.store.signalsSince(0, 10_000)).map((r) => r.signal.title);
      for (const mail of mails) {
        let text = `${mail.subject} ${visibleText(mail.html)}`;
        for (const t of titles) text = text.split(t).join(' ');
        expect(findForeign(text, lang, foreign.get(lang)), `${lang}: ${mail.subject}`).toEqual([]);
        expect(rawCodes(text), `${lang}: ${mail.subject}`).toEqual([]);
        expect(mail.html).toContain(`lang="${lang}"`);
      }
    });
  }

  for (const lang of LANGUAGES) {
    it(`CLI reports in ${lang}`, async () => {
      for (const id of ['CH-1001', 'CH-1003', 'CH-1002']) {
        const a = (await demo.app.store.latestAssessment(id))!;
        // Titles of articles and notices are the sources' own words, in the sources' language.
        let text = formatReport(a, speaker(lang));
        for (const s of a.signals) text = text.split(s.title).join(' ');
        for (const f of a.factors) if (typeof f.params?.title === 'string') text = text.split(f.params.title).join(' ');
        expect(findForeign(text, lang, foreign.get(lang)), `${lang} ${id}`).toEqual([]);
        expect(rawCodes(text), `${lang} ${id}`).toEqual([]);
      }
    });
  }
});
