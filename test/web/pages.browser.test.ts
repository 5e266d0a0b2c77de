import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDemoApp, startServer, type DemoApp } from '../http/support/demo-app.js';
import { shabNotice } from '../http/support/fixtures.js';
import { buildDigest, renderDigest } from '../../alerts/index.js';
import { subscriptionSchema } from '../../platform/config/subscriptions.js';

/** A digest of everything the demo knows, in German, for the phone-width check of the mail. */
async function demoDigest(demo: DemoApp) {
  const store = demo.app.store;
  const latest = await store.latestAssessments();
  return buildDigest({
    subscription: subscriptionSchema.parse({ id: 'shot', email: 'anna@example.test', name: 'Anna', language: 'de', minSeverity: 'low', admin: true }),
    frequency: 'daily', periodKey: 'p', slotAt: new Date(), customers: await store.listCustomers(),
    signals: (await store.signalsSince(0, 10_000)).map((r) => r.signal), changes: [], latest: new Map(latest.map((a) => [a.customerId, a])),
  });
}

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve('test-output/screenshots');
const hasChromium = existsSync(CHROMIUM);

/** Debian's chromium, headless, sandbox and every background service off, in a fresh profile. */
async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-default-apps', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
}

describe.skipIf(!hasChromium)(hasChromium ? 'web pages in headless Chromium' : `web pages in headless Chromium (skipped: ${CHROMIUM} is missing; apt-get install -y chromium)`, () => {
  let demo: DemoApp;
  let server: FastifyInstance;
  let base: string;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    demo = await openDemoApp({}, { rescoreAfterDays: 30 });
    await demo.addDocuments([shabNotice(), shabNotice('ch_shab_HR02-1006747585_mutation.broken-xss.xml', 'shab-xss')]);
    ({ server, base } = await startServer(demo));
    profile = mkdtempSync(path.join(os.tmpdir(), 'bonitor-chromium-'));
    browser = await launch(profile);
    // Nothing but this server: a page that reached for a CDN would fail here.
    await browser.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    page = browser.pages()[0] ?? (await browser.newPage());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await demo?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('searches a demo customer by keyboard and shows its grade, terms and signals', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/?lang=en`);
    await page.screenshot({ path: path.join(SHOTS, 'search-en.png'), fullPage: true });
    await page.getByLabel('Company name or register id').fill('Alpenblick Metallbau');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/check\?/);
    await expect(page.getByTestId('grade').textContent()).resolves.toBe('E');
    expect(await page.getByTestId('terms').textContent()).toMatch(/Decline|prepayment/);
    expect(await page.locator('#signals-h + .table-wrap a').first().getAttribute('href')).toMatch(/^https:\/\//);
    expect(await page.locator('svg.chart-wide[aria-labelledby^="pay-"] rect').count()).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(SHOTS, 'check-alpenblick-en.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows a clean payer in German with an open account and a credit limit', async () => {
    await page.goto(`${base}/check?q=${encodeURIComponent('Calandra Logistik')}&lang=de`);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(['A', 'B']).toContain(await page.getByTestId('grade').textContent());
    expect(await page.getByTestId('terms').textContent()).toBe('Lieferung auf Rechnung');
    expect(await page.locator('.terms-detail').textContent()).toMatch(/Kreditlimite CHF/);
    await page.screenshot({ path: path.join(SHOTS, 'check-calandra-de.png'), fullPage: true });
  });

  it('assesses a prospect from a real register notice, with the injected markup shown as text', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${base}/check?q=${encodeURIComponent('Rysaffe Administrateurs')}&lang=en`);
    expect(await page.locator('.pill.prospect').textContent()).toContain('Prospect');
    expect(await page.getByTestId('grade').textContent()).toMatch(/^[A-E]$/);
    expect(await page.locator('#docs-h + ul').textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('main script, main img').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'check-prospect-en.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    await page.goto(`${base}/check?q=${encodeURIComponent('Nonexistent Widgets AG')}&lang=en`);
    expect(await page.locator('[role="status"]').textContent()).toContain('Nonexistent Widgets AG');
  });

  it('opens the portfolio: customers by risk, grade distribution, exposure at risk', async () => {
    await page.goto(`${base}/?lang=en`);
    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.waitForURL(/\/portfolio/);
    const rows = page.getByTestId('portfolio-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(20);
    expect(await rows.first().locator('.grade').textContent()).toBe('E');
    expect(await page.getByTestId('at-risk').textContent()).toMatch(/CHF|EUR|GBP/);
    expect(await page.locator('.movers li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'portfolio-en.png'), fullPage: true });
    // Sorting is done by the store for the whole portfolio: the heading is a link, reachable with Tab.
    await page.getByRole('link', { name: 'Name', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=name/);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    const names = await rows.locator('td[data-label="Name"] a').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('labels every form control and keeps every page keyboard-reachable, in both languages', async () => {
    for (const url of ['/?lang=en', '/check?q=Alpenblick&lang=de', '/portfolio?lang=de', '/subscriptions?lang=en']) {
      await page.goto(base + url);
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter((el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute('aria-label')).map((el) => el.outerHTML),
      );
      expect(unlabelled, url).toEqual([]);
      expect(await page.locator('html').getAttribute('lang')).toBe(url.includes('lang=de') ? 'de' : 'en');
      // The first Tab lands on the skip link (the search page instead starts in its autofocused search box).
      const autofocused = await page.evaluate(() => document.activeElement?.id ?? '');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => `${document.activeElement?.tagName}.${document.activeElement?.className}#${document.activeElement?.id}`);
      expect(focused, url).toBe(autofocused === 'q' ? 'INPUT.#amount' : 'A.skip#');
    }
  });

  it('fits every page on a 390 px phone and a 1366 px laptop without sideways scrolling, in four languages', async () => {
    const pages = ['/', '/check?q=Alpenblick%20Metallbau', '/check?q=Calandra%20Logistik&amount=250000', '/check?q=Lindenhof%20Software', '/check?q=Rysaffe%20Administrateurs', '/check?q=AG', '/portfolio', '/subscriptions', '/subscriptions/demo-anna/delete'];
    for (const [w, h] of [[390, 844], [1366, 768]] as const) {
      await page.setViewportSize({ width: w, height: h });
      // Every language on the phone (the longest words decide); German and English on the laptop.
      for (const lang of w < 600 ? ['de', 'fr', 'it', 'en'] : ['de', 'en']) {
        for (const url of pages) {
          await page.goto(`${base}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(width, `${lang} ${url} at ${w} px`).toBeLessThanOrEqual(w);
          if (lang === 'de' || (lang === 'en' && w === 390)) {
            const name = `${url.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'search'}-${lang}-${w}.png`;
            await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
          }
        }
      }
      // Chart labels stay readable: the phone drawing's text is at least 10 px tall on screen.
      await page.goto(`${base}/check?q=Alpenblick%20Metallbau&lang=en`);
      const label = await page.locator(`svg.chart-${w < 600 ? 'narrow' : 'wide'} text`).first().boundingBox();
      expect(label!.height).toBeGreaterThanOrEqual(9);
    }
    // The digest mail at phone width.
    const mail = renderDigest(await demoDigest(demo), { publicUrl: base });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.setContent(mail.html);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'digest-de-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 300_000);

  it('sets an approved limit, an override with a reason and a note from the check page; the report shows them', async () => {
    await page.goto(`${base}/check?q=Dorfbach%20Elektrotechnik&lang=en`);
    const modelGrade = await page.getByTestId('grade').textContent();
    await page.getByText('Approved credit limit').click();
    await page.getByLabel('Approved limit (CHF)').fill('8000');
    await page.getByRole('button', { name: 'Save limit' }).click();
    await page.waitForURL(/\/check\?/);
    expect(await page.getByTestId('approved-limit').textContent()).toMatch(/CHF\s8,000/);
    expect(await page.getByTestId('next-step').textContent()).toMatch(/Stop deliveries on credit/);
    await page.getByLabel('Grade').selectOption('C');
    await page.getByLabel('Reason (everyone sees it)').fill('Site visit: half the workshop is idle');
    await page.getByRole('button', { name: 'Set override' }).click();
    await page.waitForURL(/\/check\?/);
    expect(await page.getByTestId('grade').textContent()).toBe('C');
    expect(await page.getByTestId('override').textContent()).toContain('Site visit: half the workshop is idle');
    expect(await page.getByTestId('model-view').textContent()).toContain(`Grade ${modelGrade}`);
    await page.getByLabel('What did the customer tell you?').fill('Promised to pay within ten days.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.waitForURL(/\/check\?/);
    expect(await page.getByTestId('notes').textContent()).toContain('Promised to pay within ten days.');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, 'check-dorfbach-override-en-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Clear override' }).click();
    await page.waitForURL(/\/check\?/);
    expect(await page.getByTestId('grade').textContent()).toBe(modelGrade);
  });

  it('lists the subscriptions and adds one through the form', async () => {
    await page.goto(`${base}/subscriptions?lang=en`);
    expect(await page.locator('table').textContent()).toContain('anna.muster@kreditmanagement.example');
    await page.getByLabel('Email').fill('credit@example.org');
    await page.getByLabel('Hour').selectOption('9');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/subscriptions/);
    // No id typed: one is made from the address and the frequency.
    expect(await page.locator('table').textContent()).toContain('credit@example.org');
    expect(await page.locator('table').textContent()).toContain('credit-daily');
    expect(await page.locator('table').textContent()).toContain('09:00 Europe/Zurich');
    await page.screenshot({ path: path.join(SHOTS, 'subscriptions-en.png'), fullPage: true });
  });
});
