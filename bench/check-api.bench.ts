/**
 * GET /api/check under 100 concurrent connections (embedded default: SQLite store, every lookup
 * through the real Fastify server), next to a bare Fastify route answering a constant JSON in
 * the same process and run: the framework's floor. Two portfolios: the bundled demo, and the
 * demo plus 10,000 customers with 20 invoices each, a register entry and a stored assessment
 * (imported and scored through the real watchlist import and scorer role). Stored assessments
 * (by name, by register id, by customer id) and fresh ones for an order amount (`&amount=`)
 * are measured apart. The load generator (autocannon) runs in a process of its own, so the CPU this
 * process spends per answered request is the server's, sockets included. Because the machine is
 * shared and loaded, that CPU per request, as a ratio to the bare route's, says more than the wall
 * clock. Beside the bare route, a second floor: a bare route sending the stored answers' very bytes.
 * For each run the bench prints this process's event-loop delay, its garbage collections and the
 * JS heap allocated per request (runtime-probe.ts); and the same requests from one connection, one
 * at a time (a lone client's latency and the CPU its request costs).
 *
 *   npm run bench -- check-api            (10 s per target; BENCH_SECONDS, BENCH_CUSTOMERS to change, 0: the demo only;
 *                                           BENCH_CPU_PROFILE=<dir> writes a CPU profile of each measured load)
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildHttpServer } from '../app/http/server.js';
import { openDemoApp, type DemoApp } from '../test/http/support/demo-app.js';
import { seedPortfolio } from '../test/http/support/seed-portfolio.js';
import { describeRuntime, startRuntimeProbe, type RuntimeFigures } from './runtime-probe.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const CONNECTIONS = 100;
const LONE_SECONDS = Math.min(3, SECONDS);
/** A directory: each measured load's CPU profile of this (the server's) process is written there. */
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE;
const GOAL_P99_MS = 25;
const QUERIES = ['Alpenblick Metallbau', 'Calandra Logistik', 'CHE-401.118.534', 'Pennine Castings', 'Moselblick Weinhandel', 'Nordkap Textil', 'Quayside Coffee Roasters', 'DE-2003'];
const AMOUNTS = ['Calandra Logistik&amount=25000', 'Alpenblick Metallbau&amount=5000', 'Pennine Castings&amount=12000', 'DE-2003&amount=80000'];

interface Figures {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  rps: number;
  errors: number;
  non2xx: number;
  /** This process's CPU per answered request during the run (µs). */
  cpuUs: number;
  answered: number;
  /** This (the server's) process's event loop and collector during the run. */
  runtime: RuntimeFigures;
}

const exec = promisify(execFile);
const LOAD_PROCESS = path.join(import.meta.dirname, 'load-process.ts');

/**
 * 100 connections for `seconds` from a load generator in its own process, and the CPU this
 * (the server's) process spent meanwhile per request answered: what a request costs including
 * HTTP, with the sockets, apart from the load generator.
 */
async function load(url: string, paths: string[], seconds: number, profileAs?: string, connections = CONNECTIONS): Promise<Figures> {
  const options = { url, connections, duration: seconds, requests: paths.map((p) => ({ method: 'GET', path: p })) };
  const profiler = PROFILE_DIR && profileAs ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const probe = startRuntimeProbe();
  const c0 = process.cpuUsage();
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', LOAD_PROCESS, JSON.stringify(options)], { maxBuffer: 64 * 1024 * 1024 });
  const c = process.cpuUsage(c0);
  const runtime = probe.stop();
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    await writeFile(path.join(PROFILE_DIR!, `${profileAs}.cpuprofile`), JSON.stringify(profile));
    profiler.disconnect();
  }
  const result = JSON.parse(stdout) as autocannon.Result;
  const answered = result.requests.total;
  return {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    rps: result.requests.average,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuUs: answered > 0 ? (c.user + c.system) / answered : NaN,
    answered,
    runtime,
  };
}

const line = (name: string, f: Figures) =>
  `${name.padEnd(34)} p50 ${String(f.p50).padStart(4)} ms  p90 ${String(f.p90).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms  max ${String(f.max).padStart(5)} ms  ${f.rps.toFixed(0).padStart(6)} req/s  server CPU ${f.cpuUs.toFixed(0).padStart(4)} µs/req  errors ${f.errors}  non-2xx ${f.non2xx}\n${' '.repeat(36)}${describeRuntime(f.runtime, f.answered)}`;

type Server = ReturnType<typeof buildHttpServer>;
const urlOf = (s: Server | ReturnType<typeof Fastify>) => {
  const a = s.server.address();
  return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
};
const pathsOf = (queries: string[]) => queries.map((q) => { const [name, rest] = q.split('&'); return `/api/check?q=${encodeURIComponent(name!)}${rest ? `&${rest}` : ''}`; });

/** Bare route, stored checks, fresh checks for an amount: each warmed up, then measured one after the other. */
async function measure(tag: string, title: string, demo: DemoApp, bareUrl: string, stored: string[], fresh: string[]): Promise<boolean> {
  const server = buildHttpServer({ app: demo.app, unsubscribeSecret: 'bench-secret-0123456789' });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const url = urlOf(server);
  const storedPaths = pathsOf(stored);
  const freshPaths = pathsOf(fresh);
  const storedBodies: Buffer[] = [];
  for (const p of [...storedPaths, ...freshPaths]) {
    const res = await fetch(`${url}${p}`);
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const body = Buffer.from(await res.arrayBuffer());
    if (storedPaths.includes(p)) storedBodies.push(body);
  }
  // The second floor: a bare route sending the stored answers' very bytes (what the socket costs for them).
  const sameBytes = Fastify({ logger: false });
  storedBodies.forEach((body, i) => sameBytes.get(`/same/${i}`, (_req, reply) => reply.type('application/json; charset=utf-8').send(body)));
  await sameBytes.listen({ host: '127.0.0.1', port: 0 });
  const samePaths = storedBodies.map((_, i) => `/same/${i}`);
  await load(bareUrl, ['/bare'], 2);
  await load(urlOf(sameBytes), samePaths, 2);
  await load(url, [...storedPaths, ...freshPaths], 2);
  // A lone client, one request at a time: what a request costs and takes when nothing else is asked.
  const [loneBare, loneStored, loneFresh] = [await load(bareUrl, ['/bare'], LONE_SECONDS, undefined, 1), await load(url, storedPaths, LONE_SECONDS, undefined, 1), await load(url, freshPaths, LONE_SECONDS, undefined, 1)];
  const bare = await load(bareUrl, ['/bare'], SECONDS, `${tag}-bare`);
  const same = await load(urlOf(sameBytes), samePaths, SECONDS, `${tag}-same-bytes`);
  await sameBytes.close();
  const storedFigures = await load(url, storedPaths, SECONDS, `${tag}-stored`);
  const freshFigures = await load(url, freshPaths, SECONDS, `${tag}-fresh`);
  console.log(title);
  console.log(line('bare Fastify route (floor)', bare));
  console.log(line(`bare route, the stored answers' bytes`, same));
  console.log(line(`stored (${stored.length} queries)`, storedFigures));
  console.log(line(`fresh, order amount (${fresh.length} queries)`, freshFigures));
  console.log(`  server CPU per request under load (sockets, load generator in its own process): bare ${bare.cpuUs.toFixed(0)} µs, stored ${storedFigures.cpuUs.toFixed(0)} µs (${(storedFigures.cpuUs / bare.cpuUs).toFixed(1)}× bare), fresh ${freshFigures.cpuUs.toFixed(0)} µs (${(freshFigures.cpuUs / bare.cpuUs).toFixed(1)}× bare); the same bytes from a bare route ${same.cpuUs.toFixed(0)} µs (stored ${(storedFigures.cpuUs / same.cpuUs).toFixed(1)}× that); load average after ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const lone = (f: Figures) => `${f.cpuUs.toFixed(0)} µs, p50 ${f.p50} / p99 ${f.p99} ms`;
  console.log(`  one connection, one request at a time: server CPU per request and latency: bare ${lone(loneBare)}; stored ${lone(loneStored)} (${(loneStored.cpuUs / loneBare.cpuUs).toFixed(1)}× bare); fresh ${lone(loneFresh)} (${(loneFresh.cpuUs / loneBare.cpuUs).toFixed(1)}× bare)`);
  const met = storedFigures.p99 < GOAL_P99_MS && freshFigures.p99 < GOAL_P99_MS;
  console.log(
    `  throughput vs bare: stored ${(storedFigures.rps / bare.rps).toFixed(3)}, fresh ${(freshFigures.rps / bare.rps).toFixed(3)}; p99 vs bare: stored ${(storedFigures.p99 / Math.max(1, bare.p99)).toFixed(1)}×, fresh ${(freshFigures.p99 / Math.max(1, bare.p99)).toFixed(1)}×; p99 goal < ${GOAL_P99_MS} ms: ${met ? 'met' : 'NOT met'}`,
  );
  await server.close();
  return met;
}

async function main(): Promise<void> {
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const load0 = os.loadavg().map((l) => l.toFixed(1)).join(' ');

  const demo = await openDemoApp({ BONITOR_LOG_LEVEL: 'silent' });
  const demoCustomers = (await demo.app.store.listCustomers()).length;
  const small = await measure('demo', `GET /api/check, ${CONNECTIONS} connections, ${SECONDS} s each, demo data (${demoCustomers} customers, SQLite); load average ${load0}`, demo, urlOf(bare), QUERIES, AMOUNTS);

  if (CUSTOMERS <= 0) {
    console.log(`p99 goal < ${GOAL_P99_MS} ms on the demo: ${small ? 'met' : 'NOT met'} (BENCH_CUSTOMERS=0: the large portfolio skipped)`);
    await bare.close();
    await demo.close();
    return;
  }
  const started = performance.now();
  const seeded = await seedPortfolio(demo.app, CUSTOMERS);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const total = (await demo.app.store.listCustomers()).length;
  const picks = [0.1, 0.35, 0.6, 0.85].map((f) => seeded[Math.floor(f * seeded.length)]!);
  const stored = [...QUERIES, ...picks.map((c) => c.name), ...picks.map((c) => c.registerId), ...picks.map((c) => c.id)];
  const fresh = [...AMOUNTS, ...picks.map((c) => `${c.id}&amount=15000`), ...picks.map((c) => `${c.name}&amount=40000`)];
  const large = await measure(
    'large',
    `with ${total} customers (${CUSTOMERS} added with ${seeded.length * 20} invoices, register entries and assessments in ${seconds} s); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    demo,
    urlOf(bare),
    stored,
    fresh,
  );
  console.log(`p99 goal < ${GOAL_P99_MS} ms on the demo and with ${total} customers: ${small && large ? 'met' : 'NOT met'}`);
  await bare.close();
  await demo.close();
}

void main();
