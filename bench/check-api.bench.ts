/**
 * GET /api/check under 100 concurrent connections on the bundled demo (embedded default:
 * SQLite store, every lookup through the real Fastify server), next to a bare Fastify route
 * answering a constant JSON in the same process and run: the framework's floor.
 *
 *   npm run bench -- check-api            (10 s per target; BENCH_SECONDS to change)
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildHttpServer } from '../app/http/server.js';
import { openDemoApp } from '../test/http/support/demo-app.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 100;
const QUERIES = ['Alpenblick Metallbau', 'Calandra Logistik', 'CHE-401.118.534', 'Pennine Castings', 'Moselblick Weinhandel', 'Nordkap Textil', 'Quayside Coffee Roasters', 'DE-2003'];

interface Figures {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  rps: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, paths: string[], seconds: number): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    // The load generator runs in a worker thread, so it does not steal the server's event loop.
    workers: 1,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, rps: result.requests.average, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

const line = (name: string, f: Figures) =>
  `${name.padEnd(34)} p50 ${String(f.p50).padStart(4)} ms  p90 ${String(f.p90).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms  max ${String(f.max).padStart(5)} ms  ${f.rps.toFixed(0).padStart(6)} req/s  errors ${f.errors}  non-2xx ${f.non2xx}`;

async function main(): Promise<void> {
  const demo = await openDemoApp({ BONITOR_LOG_LEVEL: 'silent' });
  const server = buildHttpServer({ app: demo.app, unsubscribeSecret: 'bench-secret-0123456789' });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const urlOf = (s: typeof server) => {
    const a = s.server.address();
    return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  };
  const checkPaths = QUERIES.map((q) => `/api/check?q=${encodeURIComponent(q)}`);
  const customers = (await demo.app.store.listCustomers()).length;

  // Warm up both (JIT, SQLite page cache), then measure one after the other.
  await load(urlOf(bare), ['/bare'], 2);
  await load(urlOf(server), checkPaths, 2);
  const bareFigures = await load(urlOf(bare), ['/bare'], SECONDS);
  const checkFigures = await load(urlOf(server), checkPaths, SECONDS);

  console.log(`GET /api/check, ${CONNECTIONS} connections, ${SECONDS} s each, demo data (${customers} customers, SQLite), ${QUERIES.length} different queries (names and register ids)`);
  console.log(line('bare Fastify route (baseline)', bareFigures));
  console.log(line('GET /api/check', checkFigures));
  console.log(`throughput /api/check vs bare: ${(checkFigures.rps / bareFigures.rps).toFixed(3)}; p99 goal < 50 ms: ${checkFigures.p99 < 50 ? 'met' : 'NOT met'}`);
  await server.close();
  await bare.close();
  await demo.close();
}

void main();
