import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteLogBus } from '../../platform/bus/index.js';
import { silentLogger } from '../../platform/log.js';
import { tempDir, waitFor } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function startChild(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bus-consumer-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out, exited: new Promise((r) => child.on('exit', r)) };
}

describe('SQLite local log across real processes', () => {
  it('loses nothing when a consumer process is killed with SIGKILL mid-batch', async () => {
    const busFile = path.join(tmp.dir, 'bus.db');
    const outFile = path.join(tmp.dir, 'out.db');
    const bus = createSqliteLogBus(busFile, { partitions: 4, log: silentLogger });
    const total = 200;
    await bus.publish('work', Array.from({ length: total }, (_, i) => ({ key: `k${i % 17}`, value: { n: i } })));
    const args = [busFile, outFile, 'workers', 'work'];

    const victim = startChild([...args, '10']);
    await waitFor(() => victim.output().includes('ready'), 30_000, 'victim ready');
    const out = new Database(outFile, { readonly: false });
    out.pragma('busy_timeout = 5000');
    const handled = () => (out.prepare('SELECT COUNT(*) AS n FROM handled').get() as { n: number }).n;
    await waitFor(() => handled() >= 20, 30_000, 'victim handled 20');
    victim.child.kill('SIGKILL');
    await victim.exited;
    const byVictim = handled();
    expect(byVictim).toBeLessThan(total);

    const survivor = startChild([...args, '0']);
    await waitFor(async () => (await bus.lag('workers', 'work')) === 0, 60_000, 'survivor caught up');
    survivor.child.kill('SIGTERM');
    await survivor.exited;

    const distinct = (out.prepare('SELECT COUNT(DISTINCT n) AS n FROM handled').get() as { n: number }).n;
    expect(distinct).toBe(total);
    // The survivor took over the killed member's partitions after its lease ran out.
    const pids = out.prepare('SELECT DISTINCT pid FROM handled').all() as Array<{ pid: number }>;
    expect(pids.length).toBe(2);
    out.close();
    await bus.close();
  });
});
