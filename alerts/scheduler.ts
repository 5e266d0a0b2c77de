import cron, { type ScheduledTask } from 'node-cron';
import type { Subscription } from '../platform/config/subscriptions.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { errorMessage } from '../platform/errors.js';
import { runDigestRound } from './digest.job.js';
import { deliverPending } from './deliver.js';
import { runInstantRound, type InstantOptions } from './instant.job.js';
import type { DigestFrequency } from './periods.js';
import type { DigestDeps } from './types.js';
import { moduleLogger } from '../platform/log.js';

export interface PlannedSchedule {
  frequency: DigestFrequency;
  expression: string;
  timezone: string;
}

/**
 * The cron expression that fires when a subscription's digest is due. Monthly days past the 28th
 * fire on every remaining day of the month: the round itself knows the 31st means the last day,
 * and the outbox key makes the extra firings no-ops.
 */
export function cronExpressionFor(sub: Subscription, frequency: DigestFrequency): string {
  if (frequency === 'daily') return `0 ${sub.hour} * * *`;
  if (frequency === 'weekly') return `0 ${sub.hour} * * ${sub.weekday}`;
  return sub.dayOfMonth > 28 ? `0 ${sub.hour} 28-31 * *` : `0 ${sub.hour} ${sub.dayOfMonth} * *`;
}

/** One cron task per distinct (frequency, expression, time zone), however many subscribers share it. */
export function planSchedules(subs: Subscription[]): PlannedSchedule[] {
  const seen = new Map<string, PlannedSchedule>();
  for (const sub of subs) {
    if (sub.frequency === 'instant') continue;
    const plan = { frequency: sub.frequency, expression: cronExpressionFor(sub, sub.frequency), timezone: sub.timeZone };
    seen.set(`${plan.frequency}|${plan.expression}|${plan.timezone}`, plan);
  }
  return [...seen.values()];
}

export interface SchedulerOptions {
  clock?: Clock;
  /**
   * Safety net, UTC: runs every digest round and reloads the subscriptions. It catches slots
   * missed while the process was down and hours that a DST change skipped (02:30 on the day
   * clocks spring forward never comes, so a cron on it would not fire).
   */
  catchUpCron?: string;
  /** Retries of pending mails. */
  deliverCron?: string;
  /** Grouping window, rate limit and repeat suppression of instant alerts. */
  instant?: InstantOptions;
  /** Extra work on the delivery tick. */
  onTick?: (at: Date) => Promise<unknown>;
  /** Told after every job: without an error when it worked (the app's supervisor counts failures). */
  onJob?: (job: string, err?: unknown) => void;
}

export interface AlertScheduler {
  /** The per-time-zone digest schedules currently installed. */
  schedules(): PlannedSchedule[];
  /** Runs every frequency's round now (also done once at start). */
  runAll(): Promise<void>;
  reload(): Promise<void>;
  /** Resolves when the work queued so far is done. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Digest schedules in each subscription's time zone (node-cron), plus a catch-up tick and a
 * minute tick (instant alerts, then delivery of everything pending, source-health mails included). All work runs one job at a time, so rounds never overlap inside one process;
 * across processes the outbox keys and claims keep every mail single.
 */
export async function startAlertScheduler(deps: DigestDeps, options: SchedulerOptions = {}): Promise<AlertScheduler> {
  const clock = options.clock ?? systemClock;
  const log = moduleLogger(deps.logger, 'alerts-scheduler');
  let chain: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const serial = (name: string, work: () => Promise<unknown>): Promise<void> => {
    const next = chain.then(async () => {
      if (stopped) return;
      try {
        await work();
        options.onJob?.(name);
      } catch (err) {
        log.error({ job: name, reason: errorMessage(err) }, 'alerts_job_failed');
        options.onJob?.(name, err);
      }
    });
    chain = next;
    return next;
  };

  let digestTasks: ScheduledTask[] = [];
  let installed: PlannedSchedule[] = [];
  const install = async (): Promise<void> => {
    const plans = planSchedules(await deps.subscriptions.listSubscriptions());
    const key = (p: PlannedSchedule[]) => JSON.stringify(p.map((x) => [x.frequency, x.expression, x.timezone]).sort());
    if (key(plans) === key(installed)) return;
    await Promise.all(digestTasks.map((t) => t.destroy()));
    digestTasks = plans.map((p) =>
      cron.schedule(p.expression, () => void serial(`digest-${p.frequency}`, () => runDigestRound(deps, p.frequency, clock.now())), {
        timezone: p.timezone,
        name: `digest-${p.frequency}-${p.timezone}-${p.expression}`,
      }),
    );
    installed = plans;
    log.info({ schedules: plans.length }, 'digest_schedules_installed');
  };

  const runAll = () =>
    serial('catch-up', async () => {
      for (const f of ['daily', 'weekly', 'monthly'] as const) await runDigestRound(deps, f, clock.now());
    });
  const reload = () => serial('reload', install);

  await install();
  const catchUp = cron.schedule(options.catchUpCron ?? '7 * * * *', () => void reload().then(runAll), { name: 'digest-catch-up', timezone: 'UTC' });
  // One delivery tick queued at most: a tick slower than the schedule must not pile up work.
  let deliverQueued = false;
  const deliver = cron.schedule(
    options.deliverCron ?? '* * * * *',
    () => {
      if (deliverQueued) return;
      deliverQueued = true;
      void serial('deliver', async () => {
        deliverQueued = false;
        const now = clock.now();
        await runInstantRound(deps, now, { ...options.instant, deliver: false });
        if (options.onTick) await options.onTick(now);
        await deliverPending(deps, now);
      });
    },
    { name: 'deliver-pending' },
  );
  void runAll();

  return {
    schedules: () => installed,
    runAll,
    reload,
    idle: async () => void (await chain),
    async stop() {
      if (stopped) return;
      await Promise.all([catchUp, deliver, ...digestTasks].map((t) => t.destroy()));
      await chain;
      stopped = true;
    },
  };
}
