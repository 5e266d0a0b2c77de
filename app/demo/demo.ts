import { META_KEYS } from '../../platform/store/meta-keys.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '../../platform/config/schema.js';
import { sourceSchema } from '../../platform/config/sources.js';
import { subscriptionSchema } from '../../platform/config/subscriptions.js';
import { importLedgerCsv } from '../../collectors/ledger/ledger.importer.js';
import type { App } from '../compose.js';
import { recordWatchlistVersion } from '../watchlist.js';

/** The bundled demo lives in the repository (users have no ../shared); nothing here reaches the network. */
export const DEMO_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The day the demo data was written for; on first start its ledger is moved to today. */
export const DEMO_ANCHOR = '2026-11-20';

const SEEDED_KEY = META_KEYS.demoSeeded;

/** Fills what the user did not configure with the demo's watchlist, sources and subscriptions. */
export function applyDemoConfig(config: AppConfig): AppConfig {
  if (!config.demo) return config;
  const feed = (id: string, file: string, documentKind: 'news' | 'register', name: string, kind: 'rss' | 'gazette' = 'rss') =>
    sourceSchema.parse({ id, name, kind, url: path.join(DEMO_DIR, 'feeds', file), documentKind, allowPrivate: true, schedule: '*/30 * * * *' });
  return {
    ...config,
    // Example rates for the demo's totals in CHF (as of the demo's anchor day); set your own under `reporting:`.
    reporting: Object.keys(config.reporting.rates).length > 0 ? config.reporting : { currency: 'CHF', rates: { EUR: 0.94, GBP: 1.12 }, ratesAsOf: DEMO_ANCHOR },
    watchlist: config.watchlist ?? path.join(DEMO_DIR, 'watchlist.csv'),
    sources:
      config.sources.length > 0
        ? config.sources
        : [
            feed('demo-wirtschaft-de', 'wirtschaft-de.rss', 'news', 'Wirtschaftsnachrichten (Demo)'),
            feed('demo-shab-ch', 'shab-ch.rss', 'register', 'SHAB – Schweizerisches Handelsamtsblatt (Demo)'),
            feed('demo-economie-fr', 'economie-fr.rss', 'news', 'Économie romande (Démo)'),
            feed('demo-gazette-uk', 'gazette-uk.atom', 'register', 'The Gazette (Demo)', 'gazette'),
            feed('demo-business-en', 'business-en.atom', 'news', 'UK Business News (Demo)'),
          ],
    subscriptions:
      config.subscriptions.length > 0
        ? config.subscriptions
        : [
            subscriptionSchema.parse({ id: 'demo-anna', email: 'anna.muster@kreditmanagement.example', name: 'Anna Muster', language: 'de', frequency: 'daily', hour: 7, timeZone: 'Europe/Zurich', minSeverity: 'medium', admin: true }),
            subscriptionSchema.parse({ id: 'demo-james', email: 'james.whitfield@credit-control.example', name: 'James Whitfield', language: 'en', frequency: 'daily', hour: 8, timeZone: 'Europe/London', minSeverity: 'high', scope: { tags: ['uk'] } }),
            subscriptionSchema.parse({ id: 'demo-claire', email: 'claire.dubois@credit.example', name: 'Claire Dubois', language: 'fr', frequency: 'weekly', weekday: 1, hour: 7, timeZone: 'Europe/Zurich', minSeverity: 'medium', scope: { tags: ['romandie'] } }),
          ],
  };
}

/**
 * The configuration a command works with: the demo's watchlist, feeds and subscriptions only
 * while the demo is on and was not removed in this data directory (real data arrived, or
 * `bonitor demo remove`). `start`, `sources` and `config` share this rule.
 */
export async function effectiveConfig(config: AppConfig, app: () => Promise<Pick<App, 'store'>>): Promise<AppConfig> {
  if (config.demo && (await demoRemoved(await app()))) return { ...config, demo: false };
  return applyDemoConfig(config);
}

/** Shifts a demo date by whole days, so the demo ledger's "today" is the real today. */
export function shiftDate(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Rewrites every ISO date in the demo ledger CSV by `days`. */
export function shiftLedgerCsv(csv: string, days: number): string {
  return csv.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => shiftDate(d, days));
}

/**
 * Imports the demo ledger once per data directory (a second start imports nothing), moved so
 * that its newest day is today: open invoices are as overdue today as they were when written.
 */
export async function seedDemoLedger(app: App): Promise<{ seeded: boolean; rows: number }> {
  if (await app.store.getMeta(SEEDED_KEY)) return { seeded: false, rows: 0 };
  const today = app.clock.now();
  const days = Math.round((Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - Date.parse(`${DEMO_ANCHOR}T00:00:00Z`)) / 86_400_000);
  const csv = shiftLedgerCsv(await readFile(path.join(DEMO_DIR, 'ledger.csv'), 'utf8'), days);
  const result = await importLedgerCsv(csv, { bus: app.bus, seen: app.store });
  if (result.errors.length > 0) throw new Error(`demo ledger is broken: ${JSON.stringify(result.errors.slice(0, 3))}`);
  await app.store.setMeta(SEEDED_KEY, today.toISOString());
  return { seeded: true, rows: result.rows };
}

/** The customer ids of the bundled demo: its watchlist and its ledger. */
export async function demoCustomerIds(): Promise<string[]> {
  const ids = new Set<string>();
  for (const file of ['watchlist.csv', 'ledger.csv']) {
    const lines = (await readFile(path.join(DEMO_DIR, file), 'utf8')).split('\n').slice(1);
    for (const line of lines) {
      const id = line.split(',')[0]?.trim();
      if (id) ids.add(id);
    }
  }
  return [...ids].sort();
}

/** True once the demo was removed in this data directory: it is never loaded again. */
export async function demoRemoved(app: Pick<App, 'store'>): Promise<boolean> {
  return (await app.store.getMeta(META_KEYS.demoRemoved)) !== undefined;
}

/**
 * Removes the bundled demo for good: its customers with their ledger, signals and assessments,
 * and a marker so that a later start does not load the demo watchlist, ledger, feeds or
 * subscriptions again. Called by `bonitor demo remove` and by the first real watchlist or
 * ledger import; a second call removes nothing.
 */
export async function removeDemoData(app: Pick<App, 'store' | 'clock'>): Promise<{ customers: number; alreadyRemoved: boolean }> {
  if (await demoRemoved(app)) return { customers: 0, alreadyRemoved: true };
  // Only a data directory that ran the demo holds demo customers. One that never did may keep its
  // own customers under the same ids (CH-1001 is an ordinary customer number): those stay.
  const ranDemo = (await app.store.getMeta(SEEDED_KEY)) !== undefined;
  const customers = ranDemo ? await app.store.removeCustomers(await demoCustomerIds()) : 0;
  // A running server's search and kept check answers must stop naming the removed customers.
  if (customers > 0) await recordWatchlistVersion(app.store);
  await app.store.setMeta(META_KEYS.demoRemoved, app.clock.now().toISOString());
  return { customers, alreadyRemoved: false };
}
