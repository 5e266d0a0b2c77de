/**
 * The portfolio at scale: GET /api/customers (first page and the whole list), /api/portfolio, the
 * portfolio page and /metrics with 10,000 customers scored by the real scorer on the embedded
 * default (SQLite), through the real Fastify server; each request timed from a client one after
 * another, next to a bare Fastify route answering the same number of rows of constant JSON
 * (the framework's floor for that response size) in the same run.
 *
 *   npm run bench -- portfolio          (PORTFOLIO_CUSTOMERS=10000, PORTFOLIO_REQUESTS=40)
 */
import Fastify from 'fastify';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openApp } from '../app/compose.js';
import { buildHttpServer } from '../app/http/server.js';
import { loadConfig } from '../platform/config/load.js';
import { silentLogger } from '../platform/log.js';
import { tempDir } from '../test/helpers.js';
import { seedLargePortfolio } from '../test/http/support/large-portfolio.js';

const CUSTOMERS = Number(process.env.PORTFOLIO_CUSTOMERS ?? 10_000);
const REQUESTS = Number(process.env.PORTFOLIO_REQUESTS ?? 40);

interface Figures {
  p50: number;
  p95: number;
  max: number;
  bytes: number;
  /** CPU time of this process (server and client) per request: what the wall time is on an idle machine. */
  cpu: number;
}

async function timeGets(url: string, n: number): Promise<Figures> {
  const times: number[] = [];
  let bytes = 0;
  let cpu0 = process.cpuUsage();
  for (let i = 0; i < n + 3; i++) {
    if (i === 3) cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await fetch(url);
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
    const ms = performance.now() - t0;
    if (i >= 3) times.push(ms); // the first three warm up JIT and page cache
    bytes = body.byteLength;
  }
  const used = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1]!, bytes, cpu: (used.user + used.system) / 1000 / n };
}

const fmt = (f: Figures) =>
  `p50 ${f.p50.toFixed(1).padStart(7)} ms  p95 ${f.p95.toFixed(1).padStart(7)} ms  max ${f.max.toFixed(1).padStart(7)} ms  cpu ${f.cpu.toFixed(1).padStart(6)} ms/req  ${(f.bytes / 1024).toFixed(0).padStart(6)} KiB`;

async function main(): Promise<void> {
  const tmp = tempDir('bonitor-bench-portfolio-');
  const { config } = loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir, BONITOR_LOG_LEVEL: 'silent' } });
  let now = new Date();
  const app = await openApp(config, silentLogger, { now: () => now });
  const t0 = performance.now();
  await seedLargePortfolio(app, (d) => (now = d), { customers: CUSTOMERS, invoices: 6 });
  const seeded = performance.now() - t0;
  const server = buildHttpServer({ app, unsubscribeSecret: 'bench-secret-0123456789' });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const port = (server.server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;

  const first = await (await fetch(`${base}/api/customers?limit=100`)).json() as unknown[];
  const all = await (await fetch(`${base}/api/customers?limit=${CUSTOMERS}`)).json() as unknown[];
  const bare = Fastify({ logger: false });
  bare.get('/page', async () => first);
  bare.get('/all', async () => all);
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const targets: Array<[string, string]> = [
    ['bare route, 100 rows (floor)', `${bareBase}/page`],
    ['GET /api/customers (100)', `${base}/api/customers?limit=100`],
    ['… sorted by open, page 50', `${base}/api/customers?limit=100&offset=5000&sort=open`],
    ['… grade D, tag key-account', `${base}/api/customers?limit=100&grade=D&tag=key-account`],
    [`bare route, ${all.length} rows (floor)`, `${bareBase}/all`],
    [`GET /api/customers (all ${all.length})`, `${base}/api/customers?limit=${CUSTOMERS}`],
    ['GET /api/portfolio (100 rows)', `${base}/api/portfolio`],
    ['GET /portfolio (page)', `${base}/portfolio`],
    ['GET /metrics', `${base}/metrics`],
  ];
  console.log(
    `${CUSTOMERS.toLocaleString('en-US')} customers × 6 invoices, scored twice by the real scorer (seeding ${(seeded / 1000).toFixed(1)} s); ${REQUESTS} sequential requests each after 3 warm-up requests; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  const results = new Map<string, Figures>();
  for (const [name, url] of targets) {
    const f = await timeGets(url, REQUESTS);
    results.set(name, f);
    console.log(`${name.padEnd(36)} ${fmt(f)}`);
  }
  const page = results.get('GET /api/customers (100)')!;
  const floor = results.get('bare route, 100 rows (floor)')!;
  console.log(
    `GET /api/customers (first 100 of ${CUSTOMERS}): p95 ${page.p95.toFixed(1)} ms = ${(page.p95 / floor.p95).toFixed(1)}× the bare route's p95, ` +
      `CPU ${page.cpu.toFixed(1)} ms per request = ${(page.cpu / floor.cpu).toFixed(1)}× the bare route's; goal p95 < 300 ms: ${page.p95 < 300 ? 'met' : 'NOT met'} (load ${loadavg()[0]!.toFixed(1)})`,
  );
  await server.close();
  await bare.close();
  await app.close();
  tmp.cleanup();
}

void main();
