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
  /** Injects the fault around some new work; resolves when the fault is over (the clock for recovery starts). */
  run(ctx: FaultContext): Promise<void>;
}

const until = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

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

/** Stops a consumer role, lets work pile up, starts it and kills it again halfway through. */
async function killMidBatch(ctx: FaultContext, role: 'analyzer' | 'scorer', group: string, topics: string[], addWork: () => Promise<void>, atLeast: number): Promise<void> {
  await ctx.d.kill(role);
  await addWork();
  await until(`${atLeast} messages waiting for the ${role}`, async () => (await lag(ctx, group, topics)) >= atLeast);
  const waiting = await lag(ctx, group, topics);
  await ctx.d.start(role);
  await until(`the ${role} to be mid-batch`, async () => (await lag(ctx, group, topics)) < waiting * 0.8, 120_000);
  await ctx.d.kill(role);
  await ctx.d.start(role);
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
    },
  },
  {
    name: 'SIGKILL analyzer mid-batch',
    run: (ctx) => killMidBatch(ctx, 'analyzer', GROUPS.analyzer, [TOPICS.documents], async () => addItems(ctx, 400), 400),
  },
  {
    name: 'SIGKILL scorer mid-batch',
    run: (ctx) => killMidBatch(ctx, 'scorer', GROUPS.scorer, [TOPICS.ledger, TOPICS.signals], () => addLedger(ctx, 3000), 3000),
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
      ctx.smtp.setDelay(0);
      await ctx.d.start('alerter');
    },
  },
  {
    name: 'SMTP down (421), then up',
    async run(ctx) {
      ctx.smtp.setDown(true);
      await addSubscriptions(ctx, 10);
      await restart(ctx, 'alerter');
      await until('/health to show the alerter degraded', async () => (await ctx.d.health()).body.stages?.alerter?.status === 'degraded', 120_000);
      ctx.smtp.setDown(false);
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

export const STORE_FAULTS: Scenario[] = [
  {
    name: 'store locked 15 s (another writer holds it)',
    async run(ctx) {
      const db = new Database(path.join(ctx.d.o.dataDir, 'bonitor.db'));
      db.pragma('busy_timeout = 10000');
      db.exec('BEGIN EXCLUSIVE');
      try {
        addItems(ctx, 40);
        await addLedger(ctx, 100);
        await until('/health to turn 503', async () => (await ctx.d.health()).status === 503, 60_000);
        await new Promise((r) => setTimeout(r, 10_000));
      } finally {
        db.exec('ROLLBACK');
        db.close();
      }
    },
  },
];

export const DISK_FULL: Scenario = {
  name: 'disk full, then space again',
  async run(ctx) {
    const filler = fillDisk(ctx.d.o.dataDir);
    try {
      addItems(ctx, 40);
      await until('/health to turn 503', async () => (await ctx.d.health()).status === 503, 60_000);
      await new Promise((r) => setTimeout(r, 5_000));
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
    await ctx.restartBroker!();
  },
};
