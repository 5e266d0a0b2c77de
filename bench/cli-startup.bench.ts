/**
 * How fast every `bonitor` command starts: the compiled CLI (dist/, what `npm start` and
 * `npm run bonitor` run) next to bare `node -e 0`, measured in the same run, interleaved round by
 * round so that load on the machine hits every target alike. Wall time is the median of the
 * rounds; CPU time (user + system of the child, from /proc on Linux) is the mean, the figure to
 * read on a loaded machine. Each one-shot command runs on the smallest real input (the demo's
 * files) against a fresh data directory that holds only the demo watchlist (so `override`, `notes`
 * and `check` find a customer); `start` and `run --role api` are timed until /health answers.
 * One untimed run per command lists the npm packages it loaded (a resolve hook), so a command
 * that grows a heavy import shows it here. The CLI run through tsx (before the build) is measured
 * too, in fewer rounds.
 *
 *   npm run bench -- cli-startup            (BENCH_ROUNDS to change the 10 rounds)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildCli, isStale, ROOT } from '../scripts/build.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const DIST = path.join(ROOT, 'dist');
const MAIN = path.join(DIST, 'main.js');
const DEMO = path.join(ROOT, 'app', 'demo');
const GOAL = 5;

interface Target {
  name: string;
  args: string[];
  stdin?: string;
  /** Every `every`-th round only (slow targets that are not held to the goal). */
  every?: number;
  /** A server: timed until GET /health answers, then stopped. */
  server?: boolean;
  /** Not a pure start-up cost: printed, not held to the goal. */
  work?: string;
  /** The exit code the command answers with (default 0). */
  exitCode?: number;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'bonitor-cli-bench-'));
const dataDir = path.join(work, 'data');
const docs = path.join(work, 'docs.jsonl');
const outcomes = path.join(work, 'outcomes.csv');
const weightsOut = path.join(work, 'weights.json');

const cli = (...args: string[]) => [MAIN, ...args];
const TARGETS: Target[] = [
  { name: 'node -e 0 (floor)', args: ['-e', '0'] },
  { name: '--help', args: cli('--help') },
  { name: 'check --help', args: cli('check', '--help') },
  { name: 'config', args: cli('config') },
  { name: 'check <customer>', args: cli('check', 'CH-1001') },
  { name: 'check <customer> --amount', args: cli('check', 'Alpenblick Metallbau', '--amount', '25000', '--format', 'json') },
  { name: 'check <unknown> (exit 1)', args: cli('check', 'Nobody Known AG'), exitCode: 1 },
  { name: 'ledger import --dry-run', args: cli('ledger', 'import', path.join(DEMO, 'ledger.csv'), '--dry-run') },
  { name: 'ledger score', args: cli('ledger', 'score', path.join(DEMO, 'ledger.csv'), '--as-of', '2026-11-20') },
  { name: 'watchlist import --dry-run', args: cli('watchlist', 'import', path.join(DEMO, 'watchlist.csv'), '--dry-run') },
  { name: 'classify', args: cli('classify'), stdin: docs },
  { name: 'link', args: cli('link', '--watchlist', path.join(DEMO, 'watchlist.csv')), stdin: docs },
  { name: 'train', args: cli('train', '--ledger', path.join(DEMO, 'ledger.csv'), '--outcomes', outcomes, '--as-of', '2026-11-20', '--out', weightsOut, '--folds', '3') },
  { name: 'backtest', args: cli('backtest', '--ledger', path.join(DEMO, 'ledger.csv'), '--outcomes', outcomes, '--as-of', '2026-11-20') },
  { name: 'digest run --dry-run', args: cli('digest', 'run', '--frequency', 'daily', '--dry-run') },
  { name: 'subscriptions list', args: cli('subscriptions', 'list') },
  { name: 'subscriptions add', args: cli('subscriptions', 'add', '--email', 'bench@example.com', '--id', 'bench', '--all') },
  { name: 'subscriptions remove', args: cli('subscriptions', 'remove', 'bench') },
  { name: 'subscriptions validate', args: cli('subscriptions', 'validate') },
  { name: 'override set', args: cli('override', 'set', 'CH-1001', '--grade', 'C', '--reason', 'bench') },
  { name: 'override clear', args: cli('override', 'clear', 'CH-1001', '--reason', 'bench') },
  { name: 'override list', args: cli('override', 'list') },
  { name: 'notes add', args: cli('notes', 'add', 'CH-1001', 'called the CFO', '--by', 'bench') },
  { name: 'notes list', args: cli('notes', 'list', 'CH-1001') },
  { name: 'sources', args: cli('sources') },
  { name: 'sources catalog', args: cli('sources', 'catalog') },
  { name: 'feed parse', args: cli('feed', 'parse', path.join(DEMO, 'feeds', 'business-en.atom')) },
  { name: 'demo remove', args: cli('demo', 'remove') },
  { name: 'run --role api (to /health)', args: cli('run', '--role', 'api'), server: true, every: 2, work: 'opens the store and binds the HTTP server' },
  { name: 'start (to /health)', args: cli('start'), server: true, every: 2, work: 'every role: the pipeline, scheduler and HTTP server' },
  { name: 'tsx app/main.ts --help (before)', args: ['--import', 'tsx', path.join(ROOT, 'app', 'main.ts'), '--help'], every: 5, work: 'the sources through tsx, before the build' },
];

/** CPU milliseconds the waited-for children used so far (Linux; undefined elsewhere). */
function childrenCpu(): number | undefined {
  try {
    // Fields after the ")" of the command name: cutime and cstime are the 14th and 15th.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // clock ticks of 10 ms
  } catch {
    return undefined;
  }
}

function env(port?: number): NodeJS.ProcessEnv {
  return { ...process.env, BONITOR_DATA_DIR: dataDir, BONITOR_LOG_LEVEL: 'warn', BONITOR_CONFIG: '', ...(port ? { BONITOR_PORT: String(port), BONITOR_HOST: '127.0.0.1' } : {}) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function serverOnce(t: Target): Promise<{ wall: number; cpu: number | undefined }> {
  const port = await freePort();
  const cpu0 = childrenCpu();
  const t0 = performance.now();
  const child = spawn(process.execPath, t.args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: env(port) });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let wall: number | undefined;
  while (wall === undefined) {
    if (child.exitCode !== null) throw new Error(`${t.name} exited with ${child.exitCode}: ${stderr.slice(-500)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status < 500 || res.status === 503) wall = performance.now() - t0;
      await res.arrayBuffer();
    } catch {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  child.kill('SIGTERM');
  await exited;
  // The CPU of the whole run includes stopping; the start-up share is what the wall time shows.
  const cpu1 = childrenCpu();
  return { wall, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}

function runOnce(t: Target): { wall: number; cpu: number | undefined } {
  const cpu0 = childrenCpu();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, t.args, { cwd: ROOT, stdio: [t.stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'], input: t.stdin ? readFileSync(t.stdin) : undefined, env: env() });
  const wall = performance.now() - t0;
  const cpu1 = childrenCpu();
  if (r.status !== (t.exitCode ?? 0)) throw new Error(`${t.name} exited with ${r.status}: ${r.stderr.toString().slice(-500)}`);
  return { wall, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}

/** The npm packages a command loads, from a resolve hook in an untimed run. */
function packagesLoaded(t: Target): string[] {
  const hook = path.join(work, 'hook.mjs');
  const register = path.join(work, 'register.mjs');
  writeFileSync(
    hook,
    `export async function resolve(s, c, next) { const r = await next(s, c); const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(r.url); if (m) process.stderr.write('\\u0000pkg ' + m[1] + '\\n'); return r; }\n`,
  );
  writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(`file://${hook}`)});\n`);
  const r = spawnSync(process.execPath, ['--import', register, ...t.args], { cwd: ROOT, stdio: [t.stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'], input: t.stdin ? readFileSync(t.stdin) : undefined, env: env() });
  const names = [...r.stderr.toString().matchAll(/\u0000pkg (\S+)/g)].map((m) => m[1]!);
  return [...new Set(names)].sort();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function setUp(): void {
  writeFileSync(docs, `${JSON.stringify({ id: 'bench-1', text: 'Über die Alpenblick Metallbau AG wurde am Montag der Konkurs eröffnet, teilte das Konkursamt mit.', lang: 'de' })}\n`);
  // Three of the demo's 21 customers marked as defaulted: train and backtest have both outcomes.
  const ids = [...new Set(readFileSync(path.join(DEMO, 'ledger.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean))];
  writeFileSync(outcomes, `customer_id,defaulted\n${ids.map((id, i) => `${id},${i % 7 === 3 ? 1 : 0}`).join('\n')}\n`);
  const r = spawnSync(process.execPath, cli('watchlist', 'import', path.join(DEMO, 'watchlist.csv')), { cwd: ROOT, env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`watchlist import for the bench failed: ${r.stderr.toString()}`);
}

async function main(): Promise<void> {
  if (isStale(DIST)) {
    console.log('dist/ is older than the sources: building it first (npm run build)');
    await buildCli(DIST);
  }
  setUp();
  const load = os.loadavg();
  const walls = new Map<string, number[]>(TARGETS.map((t) => [t.name, []]));
  const cpus = new Map<string, number[]>(TARGETS.map((t) => [t.name, []]));
  const loaded = new Map(TARGETS.filter((t) => !t.server && t.args[0] === MAIN).map((t) => [t.name, packagesLoaded(t)]));
  for (const t of TARGETS) if (!t.server) runOnce(t); // warm the file cache
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of TARGETS) {
      if (t.every && round % t.every !== 0) continue;
      const { wall, cpu } = t.server ? await serverOnce(t) : runOnce(t);
      walls.get(t.name)!.push(wall);
      if (cpu !== undefined) cpus.get(t.name)!.push(cpu);
    }
  }
  const floorWall = median(walls.get(TARGETS[0]!.name)!);
  const floorCpus = cpus.get(TARGETS[0]!.name)!;
  const floorCpu = floorCpus.length ? mean(floorCpus) : undefined;
  const loadAfter = os.loadavg();
  console.log(`CLI start-up, ${ROUNDS} interleaved rounds, load average ${load.map((l) => l.toFixed(1)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(1)).join(' ')} after (${os.cpus().length} cores)`);
  console.log(`floor: node -e 0, wall median ${floorWall.toFixed(0)} ms${floorCpu ? `, CPU mean ${floorCpu.toFixed(0)} ms` : ''}`);
  const missed: string[] = [];
  for (const t of TARGETS.slice(1)) {
    const w = median(walls.get(t.name)!);
    const c = cpus.get(t.name)!;
    const cpuRatio = c.length && floorCpu ? mean(c) / floorCpu : undefined;
    const cpu = cpuRatio !== undefined ? `  cpu ${mean(c).toFixed(0).padStart(5)} ms ${cpuRatio.toFixed(1).padStart(5)}×` : '';
    const verdict = t.work ? `  (${t.work})` : (cpuRatio ?? w / floorWall) <= GOAL ? '' : '  OVER';
    if (!t.work && (cpuRatio ?? w / floorWall) > GOAL) missed.push(t.name);
    console.log(`${t.name.padEnd(32)} wall ${w.toFixed(0).padStart(5)} ms ${(w / floorWall).toFixed(1).padStart(5)}×${cpu}${verdict}`);
  }
  console.log('\npackages each command loads (resolve hook, one untimed run; the compiled bundle holds zod, zod-openapi, commander, yaml and pino):');
  for (const [name, pkgs] of loaded) console.log(`  ${name.padEnd(30)} ${pkgs.join(' ') || '—'}`);
  console.log(`\nevery one-shot command within ${GOAL}× of bare node (CPU time${floorCpu ? '' : ', wall where /proc is missing'}): ${missed.length === 0 ? 'met' : `NOT met for ${missed.join(', ')}`}`);
  rmSync(work, { recursive: true, force: true });
}

void main();
