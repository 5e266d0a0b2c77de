import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, moduleLogger } from '../../platform/log.js';
import { createWorkerPool } from '../../platform/worker-pool.js';

/** A root logger writing JSON lines into `lines`. */
function capture(): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, log: createLogger('info', out) };
}

/** How often `"key":` occurs in a raw JSON line (JSON.parse would hide a repeated key). */
const keyCount = (line: string, key: string): number => line.split(`"${key}":`).length - 1;

describe('moduleLogger', () => {
  it('names nested parts under module, component and part, each key once per line', () => {
    const { lines, log } = capture();
    const collector = moduleLogger(log, 'collector');
    const scheduler = moduleLogger(collector, 'scheduler');
    moduleLogger(scheduler, 'fetcher', { source_id: 'demo-shab-ch' }).info('fetched');
    const line = lines.at(-1)!;
    for (const key of ['module', 'component', 'part', 'source_id']) expect(keyCount(line, key), key).toBe(1);
    expect(JSON.parse(line)).toMatchObject({ module: 'collector', component: 'scheduler', part: 'fetcher', source_id: 'demo-shab-ch' });
  });

  it('a real component under a module logger writes each key once (a worker pool under the analyzer)', async () => {
    const { lines, log } = capture();
    const file = new URL(`data:text/javascript,${encodeURIComponent("import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ ready: true });")}`);
    const pool = createWorkerPool({ name: 'probe', file, size: 1, log: moduleLogger(log, 'analyzer') });
    await pool.close();
    const mine = lines.filter((l) => l.includes('"pool":"probe"'));
    expect(mine.length).toBeGreaterThan(0);
    for (const line of mine) {
      expect(keyCount(line, 'module'), line).toBe(1);
      expect(JSON.parse(line)).toMatchObject({ module: 'analyzer', component: 'worker-pool' });
    }
  });
});
