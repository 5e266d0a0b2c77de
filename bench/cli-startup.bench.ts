/**
 * How fast a `bonitor` command starts: the compiled CLI (dist/, what `npm start` and
 * `npm run bonitor` run) next to bare `node -e 0`, measured in the same run, interleaved round by
 * round so that load on the machine hits every target alike. Wall time is the median of the
 * rounds; CPU time (user + system of the child, from /proc on Linux) is the mean. The CLI run
 * through tsx, as before the build existed, is measured too, in fewer rounds.
 *
 *   npm run bench -- cli-startup            (BENCH_ROUNDS to change the 20 rounds)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli, isStale, ROOT, staticImports } from '../scripts/build.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const DIST = path.join(ROOT, 'dist');
const MAIN = path.join(DIST, 'main.js');
const GOAL = 5;

interface Target {
  name: string;
  args: string[];
  /** Every `every`-th round only (tsx is slow; it is the "before", not the goal). */
  every?: number;
}

const TARGETS: Target[] = [
  { name: 'node -e 0 (floor)', args: ['-e', '0'] },
  { name: 'bonitor --help', args: [MAIN, '--help'] },
  { name: 'bonitor check --help', args: [MAIN, 'check', '--help'] },
  { name: 'bonitor sources catalog', args: [MAIN, 'sources', 'catalog'] },
  { name: 'bonitor config', args: [MAIN, 'config'] },
  { name: 'tsx app/main.ts --help (before)', args: ['--import', 'tsx', path.join(ROOT, 'app', 'main.ts'), '--help'], every: 5 },
];

/** CPU seconds the waited-for children used so far (Linux; undefined elsewhere). */
function childrenCpu(): number | undefined {
  try {
    // Fields after the ")" of the command name: cutime and cstime are the 14th and 15th.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function runOnce(t: Target): { wall: number; cpu: number | undefined } {
  const cpu0 = childrenCpu();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, t.args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BONITOR_LOG_LEVEL: 'warn' } });
  const wall = performance.now() - t0;
  const cpu1 = childrenCpu();
  if (r.status !== 0) throw new Error(`${t.name} exited with ${r.status}: ${r.stderr.toString().slice(-500)}`);
  return { wall, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : (cpu1 - cpu0) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main(): Promise<void> {
  if (isStale(DIST)) {
    console.log('dist/ is older than the sources: building it first (npm run build)');
    await buildCli(DIST);
  }
  const loaded = staticImports(MAIN);
  const load = os.loadavg();
  const walls = new Map<string, number[]>(TARGETS.map((t) => [t.name, []]));
  const cpus = new Map<string, number[]>(TARGETS.map((t) => [t.name, []]));
  for (const t of TARGETS) runOnce(t); // warm the file cache
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of TARGETS) {
      if (t.every && round % t.every !== 0) continue;
      const { wall, cpu } = runOnce(t);
      walls.get(t.name)!.push(wall);
      if (cpu !== undefined) cpus.get(t.name)!.push(cpu);
    }
  }
  const floorWall = median(walls.get(TARGETS[0]!.name)!);
  const floorCpu = cpus.get(TARGETS[0]!.name)!.length ? mean(cpus.get(TARGETS[0]!.name)!) : undefined;
  console.log(`CLI start-up, ${ROUNDS} interleaved rounds, load average ${load.map((l) => l.toFixed(1)).join(' ')} (${os.cpus().length} cores)`);
  console.log(`dist/main.js loads ${loaded.files.length} files and ${loaded.packages.join(', ') || 'no npm package'} before it knows the command`);
  for (const t of TARGETS) {
    const w = median(walls.get(t.name)!);
    const c = cpus.get(t.name)!;
    const cpu = c.length && floorCpu ? `  cpu ${mean(c).toFixed(0).padStart(5)} ms  ${(mean(c) / floorCpu).toFixed(1).padStart(5)}× floor` : '';
    console.log(`${t.name.padEnd(34)} wall ${w.toFixed(0).padStart(5)} ms  ${(w / floorWall).toFixed(1).padStart(5)}× floor${cpu}  (n=${walls.get(t.name)!.length})`);
  }
  const help = median(walls.get('bonitor --help')!) / floorWall;
  console.log(`bonitor --help: ${help.toFixed(1)}× bare node (wall); goal within ${GOAL}×: ${help <= GOAL ? 'met' : 'NOT met'}`);
}

void main();
