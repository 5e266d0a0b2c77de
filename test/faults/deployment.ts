import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSqliteLogBus } from '../../platform/bus/index.js';
import type { Bus } from '../../platform/bus/port.js';
import { silentLogger } from '../../platform/log.js';
import { openSqliteStore, type SqliteStore } from '../../platform/store/sqlite/sqlite.store.js';
import { ROOT, spawnBonitor, type RunningBonitor } from '../e2e/process.js';

export const ROLES = ['api', 'collector', 'analyzer', 'scorer', 'alerter'] as const;
export type Role = (typeof ROLES)[number];

export interface DeploymentOptions {
  /** Where the config file lives; the data directory is `dataDir` (a tmpfs for the disk tests). */
  dir: string;
  dataDir: string;
  port: number;
  feedUrl: string;
  smtpUrl: string;
  /** Kafka brokers: the distributed bus; unset = the embedded local log. */
  kafka?: string[];
}

/**
 * One Bonitor deployment as operators run it: one process per role (`bonitor run --role …`)
 * on a shared configuration, every process a real Node process that can be SIGKILLed. The
 * harness reads the same store (and bus) to see what was lost.
 */
export class Deployment {
  readonly config: string;
  private readonly procs = new Map<Role, RunningBonitor>();
  readonly exits: Array<{ role: Role; code: number | null }> = [];
  private storeHandle: SqliteStore | undefined;
  private busHandle: Bus | undefined;

  constructor(readonly o: DeploymentOptions) {
    mkdirSync(o.dir, { recursive: true });
    copyFileSync(path.join(ROOT, 'app', 'demo', 'watchlist.csv'), path.join(o.dir, 'watchlist.csv'));
    this.config = path.join(o.dir, 'bonitor.yaml');
    writeFileSync(
      this.config,
      [
        `dataDir: ${o.dataDir}`,
        'demo: false',
        'watchlist: watchlist.csv',
        'contact: faults@bonitor.test',
        'watching: { enabled: false }',
        `http: { port: ${o.port} }`,
        // Fast enough for a test run, the same code paths as the defaults.
        `smtp: { url: "${o.smtpUrl}", from: "Bonitor <alerts@bonitor.test>", resendUnconfirmedAfterMs: 4000, retryBaseMs: 1000, retryMaxMs: 4000, deliverEverySeconds: 2 }`,
        ...(o.kafka ? [`kafka: { brokers: [${o.kafka.map((b) => `"${b}"`).join(', ')}], partitions: 3 }`] : []),
        'bus: { partitions: 3, maxAttempts: 5 }',
        'sources:',
        `  - { id: live, url: "${o.feedUrl}", allowPrivate: true, respectRobots: false, schedule: 10s, limits: { minIntervalMs: 0, retries: 0, totalTimeoutMs: 60000 } }`,
        'supervisor: { maxFailures: 1000, backoffBaseMs: 200, backoffMaxMs: 2000, stopTimeoutMs: 10000, lagStallMs: 15000 }',
      ].join('\n'),
    );
  }

  get base(): string {
    return `http://127.0.0.1:${this.o.port}`;
  }

  /** Starts a role and resolves once it says it started. */
  async start(role: Role, timeoutMs = 120_000): Promise<RunningBonitor> {
    const proc = spawnBonitor(['--config', this.config, 'run', '--role', role], { BONITOR_LOG_LEVEL: 'info' });
    this.procs.set(role, proc);
    void proc.exited.then((code) => this.exits.push({ role, code }));
    const deadline = Date.now() + timeoutMs;
    while (!proc.stderr().includes('"bonitor_started"')) {
      if (Date.now() > deadline) throw new Error(`${role} did not start: ${proc.stderr().slice(-1500)}`);
      if (proc.child.exitCode !== null) throw new Error(`${role} exited with ${proc.child.exitCode}: ${proc.stderr().slice(-1500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return proc;
  }

  async startAll(): Promise<void> {
    await this.start('api');
    await Promise.all(ROLES.filter((r) => r !== 'api').map((r) => this.start(r)));
  }

  proc(role: Role): RunningBonitor {
    const p = this.procs.get(role);
    if (!p) throw new Error(`${role} is not running`);
    return p;
  }

  /** kill -9: no goodbye, no commit, no lease released. */
  async kill(role: Role): Promise<void> {
    const p = this.proc(role);
    p.child.kill('SIGKILL');
    await p.exited;
    this.procs.delete(role);
  }

  /** A polite stop (SIGTERM, or SIGINT as Ctrl-C sends): the exit code and how long it took. */
  async stop(role: Role, signal: 'SIGTERM' | 'SIGINT' = 'SIGTERM', boundMs = 30_000): Promise<{ code: number | null | 'timeout'; ms: number }> {
    const p = this.proc(role);
    const started = Date.now();
    p.child.kill(signal);
    const code = await Promise.race([p.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), boundMs))]);
    if (code === 'timeout') {
      p.child.kill('SIGKILL');
      await p.exited;
    }
    this.procs.delete(role);
    return { code, ms: Date.now() - started };
  }

  /** Stops every role with SIGTERM; returns the roles that did not exit 0 (or took too long). */
  async stopAll(): Promise<string[]> {
    const bad: string[] = [];
    await Promise.all(
      [...this.procs.entries()].map(async ([role, p]) => {
        p.child.kill('SIGTERM');
        const code = await Promise.race([p.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000))]);
        if (code !== 0) {
          bad.push(`${role}: ${code}`);
          p.child.kill('SIGKILL');
        }
      }),
    );
    this.procs.clear();
    await this.storeHandle?.close();
    await this.busHandle?.close();
    return bad;
  }

  /** The harness's own connection to the deployment's store. */
  store(): SqliteStore {
    return (this.storeHandle ??= openSqliteStore(this.o.dataDir));
  }

  /** The harness's own client of the deployment's bus (lag and dead letters). */
  async bus(): Promise<Bus> {
    if (this.busHandle) return this.busHandle;
    if (this.o.kafka) {
      const { createKafkaBus } = await import('../../platform/bus/kafka.bus.js');
      this.busHandle = createKafkaBus({ brokers: this.o.kafka, clientId: 'fault-suite', partitions: 3, replicationFactor: 1 }, silentLogger);
    } else {
      this.busHandle = createSqliteLogBus(path.join(this.o.dataDir, 'bus.db'), { partitions: 3, log: silentLogger });
    }
    return this.busHandle;
  }

  async health(): Promise<{ status: number; body: { status?: string; stages?: Record<string, { status: string; reasons: string[] }>; store?: { writable: boolean; error?: string } } }> {
    try {
      const res = await fetch(`${this.base}/health`, { signal: AbortSignal.timeout(5_000) });
      return { status: res.status, body: (await res.json()) as { status?: string } };
    } catch {
      return { status: 0, body: {} };
    }
  }

  /** One-shot command against this deployment (ledger import …). */
  async command(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const proc = spawnBonitor(['--config', this.config, ...args], {});
    const code = await proc.exited;
    return { code, stdout: proc.stdout(), stderr: proc.stderr() };
  }
}
