import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/kafka-broker.sh');

/**
 * A broker of the test's own (fault tests stop and kill it, so they must not share one),
 * started by scripts/kafka-broker.sh in `dir`: same data and port across restarts.
 */
export class TestBroker {
  constructor(readonly dir: string) {}

  async start(): Promise<string> {
    const { stdout } = await run('bash', [script, 'start', this.dir], { timeout: 180_000 });
    const address = stdout.trim().split('\n').pop() ?? '';
    if (!/^127\.0\.0\.1:\d+$/.test(address)) throw new Error(`kafka-broker.sh start printed ${JSON.stringify(stdout)}`);
    return address;
  }

  async stop(): Promise<void> {
    await run('bash', [script, 'stop', this.dir], { timeout: 60_000 });
  }

  async kill(): Promise<void> {
    await run('bash', [script, 'kill', this.dir], { timeout: 60_000 });
  }
}
