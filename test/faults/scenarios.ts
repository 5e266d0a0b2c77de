import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { subscriptionSchema } from '../../platform/config/subscriptions.js';
import { GROUPS } from '../../app/topics.js';
import { TOPICS } from '../../platform/schemas/index.js';
import type { TestSmtp } from '../alerts/support/smtp.js';
import { fillDisk } from '../reliability/support.js';
import type { Deployment } from './deployment.js';
import type { Expected } from './measure.js';
import { liveDocumentId, makeItems, makeLedgerCsv, type FeedServer } from './workload.js';

export interface FaultContext {
  d: Deployment;
  feed: FeedServer;
  smtp: TestSmtp;
  expected: Expected;
  /** Restarts the broker (Kafka runs only). */
  restartBroker?: () => Promise<void>;
}

export interface Scenario {
  name: string;
  /**
   * Injects the fault around some new work; resolves when the fault is over (the clock for
   * recovery starts), with a note on what it saw while the fault lasted.
   */
  run(ctx: FaultContext): Promise<string | void>;
}

/** Polls `check` (every 20 ms: a batch can be quick) until it answers something. */
async function untilValue<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const until = (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 120_000) => untilValue(what, async () => (await check()) || undefined, timeoutMs);

let counter = 0;
/** New feed items the collector will find on its next run (every 10 s). */
export function addItems(ctx: FaultContext, count: number): void {
  const items = makeItems(`i${counter++}`, count);
  ctx.feed.items.push(...items);
  for (const item of items) ctx.expected.docIds.add(liveDocumentId(item));
}

/** New ledger rows, imported by `bonitor ledger import` (published on the ledger topic). */
export async function addLedger(ctx: FaultContext, count: number): Promise<void> {
  const prefix = `L${counter++}`;
  const file = path.join(ctx.d.o.dir, `${prefix}.csv`);
  const csv = makeLedgerCsv(prefix, count);
  writeFileSync(file, csv);
  const r = await ctx.d.command(['ledger', 'import', file]);
  if (r.code !== 0) throw new Error(`ledger import failed (${r.code}): ${r.stderr.slice(-500)}`);
  for (const line of csv.trim().split('\n').slice(1)) {
    const [customer, , invoice] = line.split(',');
    ctx.expected.ledgerRows.add(`${customer}:${invoice}`);
  }
}

/** New daily subscriptions (hour 0 UTC, a mail even when quiet): each is owed today's digest. */
export async function addSubscriptions(ctx: FaultContext, count: number): Promise<void> {
  const prefix = `s${counter++}`;
  for (let i = 0; i < count; i++) {
    const email = `${prefix}-${i}@faults.example`;
    const sub = subscriptionSchema.parse({ id: `${prefix}-${i}`, email, frequency: 'daily', hour: 0, timeZone: 'UTC', minSeverity: 'low', allQuiet: true });
    await ctx.d.store().subscriptions.putSubscription(sub, new Date());
    ctx.expected.mailTo.add(email);
  }
}

async function restart(ctx: FaultContext, role: Parameters<Deployment['start']>[0]): Promise<void> {
  await ctx.d.kill(role);
  await ctx.d.start(role);
}

const lag = async (ctx: FaultContext, group: string, topics: string[]) => {
  const bus = await ctx.d.bus();
  let n = 0;
  for (const t of topics) n += await bus.lag(group, t);
  return n;
};

/**
 * Stops consumer roles politely (their partitions are free at once), lets work pile up, starts
 * them and kills them (SIGKILL) at the first sign of work done — a committed offset, or a stored
 * document, which the analyzer writes before its batch is committed — with the rest in flight.
 */
async function killMidBatch(ctx: FaultContext, roles: Array<'analyzer' | 'scorer'>, group: string, topics: string[], addWork: () => Promise<void>, atLeast: number, unit: string): Promise<string> {
  for (const role of roles) await ctx.d.stop(role);
  await addWork();
  await until(`${atLeast} ${unit} waiting`, async () => (await lag(ctx, group, topics)) >= atLeast);
  const waiting = await lag(ctx, group, topics);
  const documentsBefore = await ctx.d.store().countDocuments();
  await Promise.all(roles.map((role) => ctx.d.start(role)));
  const watchDocuments = roles.includes('analyzer');
  await until(`the first batch of the ${roles.join(' and ')}`, async () => (watchDocuments && (await ctx.d.store().countDocuments()) > documentsBefore) || (await lag(ctx, group, topics)) < waiting, 120_000);
  await Promise.all(roles.map((role) => ctx.d.kill(role)));
  const left = await lag(ctx, group, topics);
  await Promise.all(roles.map((role) => ctx.d.start(role)));
  return `killed with ${left} of ${waiting} ${unit} not yet committed${left === 0 ? ' (the batch was done before the kill landed: not a mid-batch kill this time)' : ''}`;
}

export const BASELINE: Scenario = {
  name: 'none (baseline)',
  async run(ctx) {
    addItems(ctx, 40);
    await addLedger(ctx, 200);
    await addSubscriptions(ctx, 5);
    await restart(ctx, 'alerter');
  },
};

export const PIPELINE_KILLS: Scenario[] = [
  {
    name: 'SIGKILL collector during a fetch',
    async run(ctx) {
      ctx.feed.setDelay(4_000);
      const before = ctx.feed.requests();
      addItems(ctx, 60);
      await until('a fetch in flight', () => ctx.feed.requests() > before, 30_000);
      await ctx.d.kill('collector');
      ctx.feed.setDelay(0);
      await ctx.d.start('collector');
      return 'killed while the feed server held its answer';
    },
  },
  {
    name: 'SIGKILL analyzer mid-batch',
    run: (ctx) => killMidBatch(ctx, ['analyzer'], GROUPS.analyzer, [TOPICS.documents], async () => addItems(ctx, 600), 600, 'documents'),
  },
  {
    name: 'SIGKILL scorer mid-batch',
    run: (ctx) => killMidBatch(ctx, ['scorer'], GROUPS.scorer, [TOPICS.ledger, TOPICS.signals], () => addLedger(ctx, 3000), 3000, 'ledger rows'),
  },
];

export const MAIL_FAULTS: Scenario[] = [
  {
    name: 'SIGKILL alerter while mails are in flight',
    async run(ctx) {
      ctx.smtp.setDelay(700);
      await addSubscriptions(ctx, 30);
      const before = ctx.smtp.mails.length;
      await restart(ctx, 'alerter');
      await until('some mails accepted', () => ctx.smtp.mails.length >= before + 5, 120_000);
      await ctx.d.kill('alerter');
      const accepted = ctx.smtp.mails.length - before;
      ctx.smtp.setDelay(0);
      await ctx.d.start('alerter');
      return `killed after ${accepted} of 30 digests had reached the server (the last of them still waiting for its reply)`;
    },
  },
  {
    name: 'SMTP down (421), then up',
    async run(ctx) {
      ctx.smtp.setDown(true);
      await addSubscriptions(ctx, 10);
      await restart(ctx, 'alerter');
      const degraded = await untilValue('/health to show the alerter degraded', async () => {
        const h = await ctx.d.health();
        return h.body.stages?.alerter?.status === 'degraded' ? `${h.status} ${h.body.status}, alerter degraded: ${h.body.stages.alerter.reasons.join('; ')}` : undefined;
      });
      ctx.smtp.setDown(false);
      return `/health during the outage: ${degraded}`;
    },
  },
  {
    name: 'SMTP slow (2.5 s per reply)',
    async run(ctx) {
      ctx.smtp.setDelay(2_500);
      await addSubscriptions(ctx, 10);
      await restart(ctx, 'alerter');
      const before = ctx.smtp.mails.length;
      await until('the slow mails to arrive', () => ctx.smtp.mails.length >= before + 10, 120_000);
      ctx.smtp.setDelay(0);
    },
  },
  {
    name: 'SIGKILL api',
    async run(ctx) {
      await restart(ctx, 'api');
    },
  },
];

/** /health answering 503; resolves with its reasons. */
const until503 = (ctx: FaultContext) =>
  untilValue('/health to turn 503', async () => {
    const h = await ctx.d.health();
    if (h.status !== 503) return undefined;
    const reasons = Object.entries(h.body.stages ?? {}).flatMap(([stage, st]) => st.reasons.map((r) => `${stage}: ${r}`));
    if (h.body.store && !h.body.store.writable) reasons.unshift(`store not writable: ${h.body.store.error ?? ''}`);
    return reasons.join('; ');
  }, 60_000);

const short = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max)}…` : text);

export const STORE_FAULTS: Scenario[] = [
  {
    name: 'store locked (another writer holds it)',
    async run(ctx) {
      await addLedger(ctx, 1000);
      addItems(ctx, 100);
      const db = new Database(path.join(ctx.d.o.dataDir, 'bonitor.db'));
      db.pragma('busy_timeout = 10000');
      db.exec('BEGIN EXCLUSIVE');
      let refused: { code: number | null; line: string };
      let why: string;
      try {
        why = await until503(ctx);
        // A one-shot command meanwhile waits the store's busy timeout, then says why it gave up.
        const file = path.join(ctx.d.o.dir, 'locked.csv');
        writeFileSync(file, makeLedgerCsv(`K${counter++}`, 10));
        const r = await ctx.d.command(['ledger', 'import', file]);
        refused = { code: r.code, line: r.stderr.trim().split('\n').pop() ?? '' };
        if (r.code === 0) throw new Error('ledger import succeeded while another writer held the store');
      } finally {
        db.exec('ROLLBACK');
        db.close();
      }
      return `/health 503 (${short(why)}); \`ledger import\` meanwhile: exit ${refused.code}, "${refused.line}"`;
    },
  },
];

const STOP_BOUND_MS = 10_000; // supervisor.stopTimeoutMs in the suite's configuration

export const DISK_FULL: Scenario = {
  name: 'disk full, then space again',
  async run(ctx) {
    // Documents wait on the bus for an analyzer that meets a full disk when it starts.
    await ctx.d.stop('analyzer');
    addItems(ctx, 200);
    await until('200 documents waiting', async () => (await lag(ctx, GROUPS.analyzer, [TOPICS.documents])) >= 200);
    const filler = fillDisk(ctx.d.o.dataDir);
    try {
      const analyzer = await ctx.d.start('analyzer');
      const why = await until503(ctx);
      await until('the analyzer to report its failing loop', () => /"loop_failed"/.test(analyzer.stderr()), 60_000);
      // Ctrl-C in the middle of the failure.
      const stopped = await ctx.d.stop('analyzer', 'SIGINT', 60_000);
      if (stopped.code === 'timeout' || stopped.ms > STOP_BOUND_MS + 5_000) throw new Error(`Ctrl-C on a full disk: still running after ${stopped.ms} ms`);
      // Started again while the disk is still full: it must wait for space by itself.
      const again = await ctx.d.start('analyzer');
      await until('the restarted analyzer to fail on the full disk', () => /"loop_failed"/.test(again.stderr()), 60_000);
      return `/health 503 (${short(why)}); Ctrl-C mid-failure: exit ${stopped.code} after ${(stopped.ms / 1000).toFixed(1)} s; space freed with the analyzer failing, nothing restarted by hand`;
    } finally {
      rmSync(filler, { force: true });
    }
  },
};

export const BROKER_RESTART: Scenario = {
  name: 'broker restart while messages flow',
  async run(ctx) {
    addItems(ctx, 300);
    await until('documents flowing', async () => (await lag(ctx, GROUPS.analyzer, [TOPICS.documents])) > 0, 60_000);
    const started = Date.now();
    await ctx.restartBroker!();
    return `broker killed (SIGKILL) and started again, ${((Date.now() - started) / 1000).toFixed(0)} s without a broker`;
  },
};

/** Over Kafka both consumer groups are killed together: the rebalance after a silent death is what differs. */
export const KAFKA_KILLS: Scenario = {
  name: 'SIGKILL analyzer and scorer mid-batch',
  run: (ctx) =>
    killMidBatch(ctx, ['analyzer', 'scorer'], GROUPS.analyzer, [TOPICS.documents], async () => {
      addItems(ctx, 1500);
      await addLedger(ctx, 2000);
    }, 1500, 'documents'),
};
