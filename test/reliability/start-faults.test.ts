import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from '../helpers.js';
import { freePort, spawnBonitor } from '../e2e/process.js';
import { fillDisk, IS_ROOT, mountTmpfs, startFeedServer, writeFaultConfig } from './support.js';

const tmp = tempDir('bonitor-faults-');
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  tmp.cleanup();
});

const health = async (base: string) => {
  const res = await fetch(`${base}/health`);
  return { status: res.status, body: (await res.json()) as { status: string; stages: Record<string, { status: string; reasons: string[] }>; store: { writable: boolean } } };
};

describe('start refuses a port in use', () => {
  it('exits 1 at once with one clear line', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((r) => blocker.close(r)));
    const port = (blocker.address() as net.AddressInfo).port;
    const started = Date.now();
    const run = spawnBonitor(['start'], { BONITOR_DATA_DIR: path.join(tmp.dir, 'port'), BONITOR_PORT: String(port) });
    expect(await run.exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.stderr().trim()).toBe(`bonitor: cannot listen on 127.0.0.1:${port}: the port is already in use (stop the other program or set BONITOR_PORT / http.port)`);
    expect(run.stdout()).toBe('');
  }, 90_000);
});

describe.skipIf(!IS_ROOT)('a full disk (data directory on a small tmpfs; needs root to mount)', () => {
  it('turns /health down while it lasts, resumes by itself when space returns, and still stops on SIGTERM', async () => {
    const mnt = path.join(tmp.dir, 'tmpfs');
    cleanups.push(mountTmpfs(mnt, 48));
    const feed = await startFeedServer();
    cleanups.push(() => feed.close());
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const config = writeFaultConfig(tmp.dir, { dataDir: path.join(mnt, 'data'), port, feedUrl: feed.url });
    const bonitor = spawnBonitor(['--config', config, 'start'], { BONITOR_LOG_LEVEL: 'warn' });
    cleanups.push(() => bonitor.child.kill('SIGKILL'));
    await waitFor(() => bonitor.stdout().includes('Press Ctrl-C'), 120_000, `startup (stderr: ${bonitor.stderr().slice(-2000)})`);
    expect((await health(base)).status).toBe(200);

    const filler = fillDisk(mnt);
    feed.add({ guid: 'full-1', title: 'Calandra Logistik AG: Konkurs eröffnet', description: 'Über die Calandra Logistik AG wurde heute der Konkurs eröffnet.' });
    const down = await waitFor(async () => {
      const h = await health(base);
      return h.status === 503 ? h : undefined;
    }, 60_000, 'health to turn 503 while the disk is full');
    expect(down.body.status).toBe('down');
    const reasons = Object.values(down.body.stages).flatMap((s) => s.reasons).join('\n') + (down.body.store.writable ? '' : '\nstore not writable');
    expect(reasons).toMatch(/full|SQLITE_FULL|not writable/i);

    rmSync(filler);
    // Nothing restarted by hand: the loops come back and the new item goes all the way through.
    await waitFor(async () => {
      const res = await fetch(`${base}/api/check?q=${encodeURIComponent('Calandra Logistik')}`);
      const a = (await res.json()) as { grade?: string; signals?: Array<{ type: string; title: string }> };
      return a.signals?.some((s) => s.type === 'insolvency' && s.title.startsWith('Calandra Logistik AG: Konkurs')) && a.grade === 'E';
    }, 90_000, 'the item collected after the disk filled up to reach the assessment');
    await waitFor(async () => (await health(base)).status === 200, 60_000, 'health to be ok again');
    expect(bonitor.stderr()).toMatch(/loop_failed/);

    const stopping = Date.now();
    bonitor.child.kill('SIGTERM');
    expect(await bonitor.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(10_000);
  }, 300_000);

  it('exits non-zero within its bound when the disk stays full', async () => {
    const mnt = path.join(tmp.dir, 'tmpfs-2');
    cleanups.push(mountTmpfs(mnt, 48));
    const feed = await startFeedServer();
    cleanups.push(() => feed.close());
    const port = await freePort();
    const config = writeFaultConfig(path.join(mnt, '..'), { dataDir: path.join(mnt, 'data'), port, feedUrl: feed.url, supervisor: { maxFailures: 4, backoffBaseMs: 100, backoffMaxMs: 400 } });
    const bonitor = spawnBonitor(['--config', config, 'start'], { BONITOR_LOG_LEVEL: 'warn' });
    cleanups.push(() => bonitor.child.kill('SIGKILL'));
    await waitFor(() => bonitor.stdout().includes('Press Ctrl-C'), 120_000, `startup (stderr: ${bonitor.stderr().slice(-2000)})`);
    fillDisk(mnt);
    feed.add({ guid: 'full-2', title: 'Alpenblick Metallbau AG: Nachlassstundung', description: 'Die Alpenblick Metallbau AG erhält eine Nachlassstundung.' });
    expect(await bonitor.exited).toBe(1);
    expect(bonitor.stderr()).toMatch(/failed 4 times in a row .*; stopping so that it can be restarted/);
  }, 300_000);
});
