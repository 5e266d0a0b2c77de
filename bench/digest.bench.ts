/**
 * Daily digests for N subscriptions (default 10,000) rendered, enqueued in the SQLite outbox and
 * handed to a local SMTP server, next to nodemailer's bare send loop of the very same messages in
 * the same run (same server, same pool size, same parallelism). Goal: at least half its rate.
 *
 *   npx tsx bench/digest.bench.ts [subscriptions] [repetitions]
 */
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createMailer, runDigestRound, type AlertStore, type DigestDeps } from '../alerts/index.js';
import { MemoryAlertStore } from '../test/alerts/support/memory-store.js';
import { subscriptionSchema } from '../platform/config/subscriptions.js';
import { stableId } from '../platform/ids.js';
import { silentLogger } from '../platform/log.js';
import { DEFAULT_SEVERITY, EVENT_TYPES, type Customer, type Signal } from '../platform/schemas/index.js';
import { openSqliteStore, type SqliteStore } from '../platform/store/sqlite/sqlite.store.js';

const N = Number(process.argv[2] === '--serve' ? 0 : (process.argv[2] ?? 10_000));
const CUSTOMERS = 300;
const SIGNALS = 600;
const POOL = 5;
const PARALLEL = 8;
const REPEAT = Number(process.argv[3] ?? 2);
const AT = new Date('2026-11-23T09:00:00Z');

interface SinkServer {
  port: number;
  received(): Promise<number>;
  close(): Promise<void>;
}

/** `--serve`: this file as the SMTP sink, in its own process like a real mail server. */
async function serve(): Promise<void> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 100,
    onData(stream, _s, cb) {
      stream.on('data', () => {});
      stream.on('end', () => {
        count++;
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  process.send!({ port: (server.server.address() as AddressInfo).port });
  process.on('message', (m: { id: number; cmd: string }) => {
    if (m.cmd === 'count') process.send!({ id: m.id, count });
    if (m.cmd === 'close') server.close(() => process.exit(0));
  });
}

async function startServer(): Promise<SinkServer> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  let ids = 0;
  return {
    port,
    received: () =>
      new Promise((resolve) => {
        const id = ++ids;
        const onMessage = (m: { id?: number; count?: number }) => {
          if (m.id !== id) return;
          child.off('message', onMessage);
          resolve(m.count!);
        };
        child.on('message', onMessage);
        child.send({ id, cmd: 'count' });
      }),
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ cmd: 'close' });
      }),
  };
}

function makeData(): { customers: Customer[]; signals: Signal[] } {
  const customers: Customer[] = Array.from({ length: CUSTOMERS }, (_, i) => ({
    id: `c${i}`,
    name: `Muster ${i} AG`,
    aliases: [],
    registerIds: [],
    domains: [],
    country: ['CH', 'DE', 'GB'][i % 3]!,
    industry: ['41.20', '46.90', '62.01', '10.71'][i % 4]!,
    tags: [i % 2 ? 'key-account' : 'standard'],
  }));
  const signals: Signal[] = Array.from({ length: SIGNALS }, (_, i) => {
    const type = EVENT_TYPES[i % EVENT_TYPES.length]!;
    return {
      id: stableId('bench-signal', i),
      type,
      severity: DEFAULT_SEVERITY[type],
      confidence: 0.8,
      polarity: type === 'positive' ? 1 : -1,
      customerId: `c${(i * 7) % CUSTOMERS}`,
      ambiguous: false,
      evidence: `Die Muster ${i} AG meldet ${type}; Einzelheiten <b>folgen</b> & mehr.`,
      documentIds: [stableId('doc', i)],
      sourceId: ['shab', 'nzz', 'gazette'][i % 3]!,
      title: `Muster ${(i * 7) % CUSTOMERS} AG: ${type} gemeldet (${i})`,
      url: `https://news.example/${i}?a=1&b=2`,
      occurredAt: new Date(AT.getTime() - (i % 20) * 3_600_000).toISOString(),
      detectedAt: new Date(AT.getTime() - (i % 20) * 3_600_000).toISOString(),
    };
  });
  return { customers, signals };
}

function makeSubscriptions() {
  return Array.from({ length: N }, (_, i) =>
    subscriptionSchema.parse({
      id: `s${i}`,
      email: `user${i}@bench.example`,
      name: `User ${i}`,
      language: (['de', 'en', 'fr'] as const)[i % 3],
      hour: 7,
      minSeverity: 'low',
      scope: { customers: [`c${i % CUSTOMERS}`, `c${(i * 13) % CUSTOMERS}`, `c${(i * 31) % CUSTOMERS}`] },
    }),
  );
}

interface RoundFigures {
  total: number;
}

/** One full digest round for all subscriptions against `store`, timed; checks that every mail arrived once. */
async function timeRound(store: AlertStore, subs: ReturnType<typeof makeSubscriptions>, server: SinkServer, outboxDir: string): Promise<RoundFigures> {
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${server.port}`, outboxDir, from: 'Bonitor <alerts@bench.example>', maxConnections: POOL });
  const deps: DigestDeps = {
    store,
    subscriptions: { listSubscriptions: async () => subs },
    mailer,
    logger: silentLogger,
    unsubscribeSecret: 'bench-secret',
    installationId: 'bench',
    publicUrl: 'https://bonitor.example',
    concurrency: PARALLEL,
  };
  const before = await server.received();
  global.gc?.();
  const t0 = performance.now();
  const round = await runDigestRound(deps, 'daily', AT);
  const total = (performance.now() - t0) / 1000;
  if (round.delivered.sent.length !== N || (await server.received()) - before !== N) {
    throw new Error(`expected ${N} mails, sent ${round.delivered.sent.length}, server got ${(await server.received()) - before}`);
  }
  const again = await runDigestRound(deps, 'daily', AT);
  if (again.planned.length !== 0 || (await server.received()) - before !== N) throw new Error('second round sent mails again');
  await mailer.close();
  return { total };
}

async function seededStores(customers: Customer[], signals: Signal[]): Promise<{ sqlite: SqliteStore; memory: MemoryAlertStore }> {
  const sqlite = openSqliteStore(mkdtempSync(path.join(os.tmpdir(), 'bonitor-digest-bench-')));
  await sqlite.upsertCustomers(customers);
  for (const s of signals) await sqlite.upsertSignal(s);
  const memory = new MemoryAlertStore();
  memory.customers = customers;
  memory.addSignals(...signals);
  return { sqlite, memory };
}

/** The same rendered messages through nodemailer's own pooled transport: a bare send loop. */
async function timeBareLoop(messages: Array<{ to: string; raw: string }>, server: SinkServer): Promise<number> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.port, secure: false, pool: true, maxConnections: POOL, maxMessages: Infinity });
  global.gc?.();
  const before = await server.received();
  const t1 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < messages.length) {
        const m = messages[next++]!;
        await transport.sendMail({ envelope: { from: 'alerts@bench.example', to: [m.to] }, raw: m.raw });
      }
    }),
  );
  const bare = (performance.now() - t1) / 1000;
  transport.close();
  if ((await server.received()) - before !== messages.length) throw new Error('baseline lost mails');
  return bare;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bonitor-digest-bench-'));
  const { customers, signals } = makeData();
  const subs = makeSubscriptions();
  const server = await startServer();

  // What selecting and rendering alone cost: a dry run builds and renders every digest, sends nothing.
  const dryDeps: DigestDeps = {
    store: (await seededStores(customers, signals)).memory,
    subscriptions: { listSubscriptions: async () => subs },
    mailer: createMailer({ outboxDir: dir, from: 'x@y' }),
    logger: silentLogger,
    unsubscribeSecret: 's',
    installationId: 'bench',
  };
  await runDigestRound(dryDeps, 'daily', AT, { dryRun: true });
  global.gc?.();
  const tDry = performance.now();
  const dry = await runDigestRound(dryDeps, 'daily', AT, { dryRun: true });
  const render = (performance.now() - tDry) / 1000;
  if (dry.planned.length !== N) throw new Error(`dry run planned ${dry.planned.length}`);

  // One untimed pass of every path first (JIT, SMTP pools, the sink's own code): without it the
  // first timed path pays for warming up everything, and with one repetition that is the SQLite round.
  {
    const warm = await seededStores(customers, signals);
    await timeRound(warm.sqlite, subs, server, path.join(dir, 'outbox'));
    await timeRound(warm.memory, subs, server, path.join(dir, 'outbox'));
    await timeBareLoop((await warm.sqlite.outbox.list(N + 10)).map((e) => ({ to: e.recipient, raw: e.message })), server);
    await warm.sqlite.close();
  }

  // Interleaved repetitions, best of each: the figures must survive a busy machine.
  const times = { sqlite: Infinity, memory: Infinity, bare: Infinity };
  let messages: Array<{ to: string; raw: string }> = [];
  let itemsPerMail = 0;
  for (let rep = 0; rep < REPEAT; rep++) {
    const { sqlite, memory } = await seededStores(customers, signals);
    times.sqlite = Math.min(times.sqlite, (await timeRound(sqlite, subs, server, path.join(dir, 'outbox'))).total);
    times.memory = Math.min(times.memory, (await timeRound(memory, subs, server, path.join(dir, 'outbox'))).total);
    const entries = await sqlite.outbox.list(N + 10);
    messages = entries.map((e) => ({ to: e.recipient, raw: e.message }));
    itemsPerMail = entries.reduce((n, e) => n + e.itemCount, 0) / N;
    times.bare = Math.min(times.bare, await timeBareLoop(messages, server));
    await sqlite.close();
  }

  const avgBytes = Math.round(messages.reduce((n, m) => n + m.raw.length, 0) / N);
  const rate = (s: number) => `${(N / s).toFixed(0)} mails/s`;
  const line = (label: string, t: number) => `${label}: ${t.toFixed(2)} s = ${rate(t)} (ratio to bare send: ${(times.bare / t).toFixed(2)})`;
  console.log(`daily digests: ${N} subscriptions, ${CUSTOMERS} customers, ${SIGNALS} signals; ${itemsPerMail.toFixed(1)} items and ${avgBytes} bytes per mail on average`);
  console.log(`SMTP server on 127.0.0.1 in a child process; pool of ${POOL} connections, ${PARALLEL} sends in flight everywhere; best of ${REPEAT} interleaved runs after one untimed warm-up pass`);
  console.log(`select + build + render only (dry run)       : ${render.toFixed(2)} s = ${(N / render).toFixed(0)} digests/s`);
  console.log(line('bonitor round, SQLite outbox (embedded default)', times.sqlite));
  console.log(line('bonitor round, in-memory outbox               ', times.memory));
  console.log(`nodemailer bare send loop, same messages      : ${times.bare.toFixed(2)} s = ${rate(times.bare)}`);
  console.log('(round = select + render + compose + enqueue, then claim + send + mark sent; goal: ratio >= 0.5)');
  await server.close();
}

if (process.argv[2] === '--serve') await serve();
else await main();
