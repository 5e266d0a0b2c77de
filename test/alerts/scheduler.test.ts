import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { cronExpressionFor, planSchedules, startAlertScheduler } from '../../alerts/scheduler.js';
import { localDateOf } from '../../alerts/periods.js';
import { alertSourceHealth } from '../../alerts/health.job.js';
import { fixedClock } from '../../platform/clock.js';
import { makeDeps, tempDir } from './support/deps.js';
import { CUSTOMERS, loadFeedItems, makeSubscription, signalFromItem } from './support/fixtures.js';
import { MemoryAlertStore } from './support/memory-store.js';
import { waitFor } from './support/smtp.js';

const localHour = (d: Date, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(d));

describe('digest schedules', () => {
  it('one cron expression per frequency; the 31st fires on the last days of every month', () => {
    expect(cronExpressionFor(makeSubscription({ hour: 7 }), 'daily')).toBe('0 7 * * *');
    expect(cronExpressionFor(makeSubscription({ hour: 8, weekday: 5 }), 'weekly')).toBe('0 8 * * 5');
    expect(cronExpressionFor(makeSubscription({ hour: 6, dayOfMonth: 15 }), 'monthly')).toBe('0 6 15 * *');
    expect(cronExpressionFor(makeSubscription({ hour: 6, dayOfMonth: 31 }), 'monthly')).toBe('0 6 28-31 * *');
  });

  it('groups subscribers sharing a schedule and skips instant ones', () => {
    const plans = planSchedules([
      makeSubscription({ id: 'a', hour: 7 }),
      makeSubscription({ id: 'b', hour: 7 }),
      makeSubscription({ id: 'c', hour: 7, timeZone: 'Europe/London' }),
      makeSubscription({ id: 'd', frequency: 'instant' }),
    ]);
    expect(plans).toEqual([
      { frequency: 'daily', expression: '0 7 * * *', timezone: 'Europe/Zurich' },
      { frequency: 'daily', expression: '0 7 * * *', timezone: 'Europe/London' },
    ]);
  });

  it('node-cron fires at the subscriber hour in its time zone all year, across both DST changes', () => {
    for (const timeZone of ['Europe/Zurich', 'America/New_York', 'Europe/London']) {
      const [plan] = planSchedules([makeSubscription({ hour: 7, timeZone })]);
      const task = cron.createTask(plan!.expression, () => {}, { timezone: plan!.timezone });
      const runs = task.getNextRuns(370);
      expect(runs.length).toBe(370);
      for (const r of runs) expect(localHour(r, timeZone)).toBe(7);
      // A year of daily runs: consecutive local dates, none skipped or doubled by DST.
      const dates = runs.map((r) => localDateOf(r, timeZone)).map((d) => Date.UTC(d.y, d.m - 1, d.d));
      for (let i = 1; i < dates.length; i++) expect(dates[i]! - dates[i - 1]!).toBe(86_400_000);
      void task.destroy();
    }
  });

  it('starting the scheduler catches up the slot that is due and sends it once', async () => {
    const store = new MemoryAlertStore();
    store.customers = CUSTOMERS;
    const items = await loadFeedItems('en_google-alerts.atom');
    store.addSignals(signalFromItem(items[1]!, 'slack', 'insolvency'));
    const dir = tempDir();
    const deps = makeDeps(store, [makeSubscription({ id: 's1', scope: { all: true } })], { outboxDir: path.join(dir, 'outbox') });
    const scheduler = await startAlertScheduler(deps, { clock: fixedClock('2026-11-22T09:00:00Z') });
    await scheduler.idle();
    await scheduler.runAll();
    await scheduler.stop();
    expect(scheduler.schedules()).toHaveLength(1);
    expect(readdirSync(path.join(dir, 'outbox'))).toEqual(['digest_s1_2026-11-22.eml']);
  });

  it('the minute tick sends instant alerts and the source-health mails enqueued from the topic', async () => {
    const store = new MemoryAlertStore();
    store.customers = CUSTOMERS;
    const items = await loadFeedItems('en_google-alerts.atom');
    const dir = tempDir();
    let now = new Date('2026-11-22T09:00:00Z');
    const subs = [
      makeSubscription({ id: 'now', frequency: 'instant', scope: { all: true } }),
      makeSubscription({ id: 'ops', email: 'ops@example.test', frequency: 'weekly', admin: true }),
    ];
    const deps = makeDeps(store, subs, { outboxDir: path.join(dir, 'outbox') });
    const ticks: Date[] = [];
    const scheduler = await startAlertScheduler(deps, { clock: { now: () => now }, deliverCron: '* * * * * *', onTick: async (at) => void ticks.push(at) });
    await waitFor(() => ticks.length >= 1);
    store.addSignals(signalFromItem(items[1]!, 'slack', 'insolvency', { detectedAt: '2026-11-22T09:00:30.000Z' }));
    await alertSourceHealth(deps, [{ type: 'source_failing', sourceId: 'shab', at: '2026-11-22T09:05:00.000Z', consecutiveFailures: 3 }], now);
    now = new Date('2026-11-22T09:10:00Z');
    const files = () => (existsSync(path.join(dir, 'outbox')) ? readdirSync(path.join(dir, 'outbox')).sort() : []);
    await waitFor(() => files().length >= 2, 8000);
    await scheduler.stop();
    expect(files()).toEqual(['health_ops_shab_failing_never.eml', expect.stringMatching(/^instant_now_\d+-0\.eml$/)]);
  });
});
