import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { summarizeDeliveries } from '../../alerts/index.js';
import type { Bus } from '../../platform/bus/port.js';
import { errorMessage } from '../../platform/errors.js';
import { TOPICS } from '../../platform/schemas/index.js';
import type { Store } from '../../platform/store/port.js';
import type { ProcessHeartbeat } from '../../platform/store/process-health.js';
import { GROUPS } from '../topics.js';
import { buildHealthReport, type BusHealth, type DeliveryHealth, type HealthReport, type OtherProcess } from './health-report.js';
import type { LoopStatus, Stage } from './supervisor.js';

export interface HealthMonitorDeps {
  store: Pick<Store, 'processHealth' | 'outbox'>;
  bus: Pick<Bus, 'lag'>;
  /** This process's loops (the supervisor's status), if it has any. */
  loops?: () => LoopStatus[];
  /** Roles this process runs (what its heartbeat announces). */
  roles?: Stage[];
  stallMs: number;
  /** A process whose heartbeat is older than this is presumed dead (default 30 s). */
  staleMs?: number;
  /**
   * /health answers within this long (default 3 s) even when the store or the broker does not:
   * then with the last values and the one that keeps it waiting named (the sample goes on).
   */
  answerWithinMs?: number;
  now?: () => number;
}

export interface HealthMonitor {
  /** Writes this process's heartbeat; that write is also the probe of the store's writability. */
  beat(options?: { stopped?: boolean }): Promise<void>;
  /** beat(), then measures lag, deliveries and the other processes' heartbeats (for /health). */
  sample(): Promise<void>;
  /** The report from the latest sample (taken now when the last one is older than `maxAgeMs`). */
  report(maxAgeMs?: number): Promise<HealthReport>;
}

const CONSUMED: Array<{ stage: Stage; group: string; topics: string[] }> = [
  { stage: 'analyzer', group: GROUPS.analyzer, topics: [TOPICS.documents] },
  { stage: 'scorer', group: GROUPS.scorer, topics: [TOPICS.ledger, TOPICS.signals] },
];
const WAITING_SCAN = 1000;
/** Heartbeats of processes that died longer ago than this no longer count against a stage. */
const FORGET_MS = 3_600_000;

/**
 * The measurements behind /health. Lag progress is judged over time: lag that shrank (or is
 * zero) counts as progress, so a consumer that died in another process still shows as lag that
 * waits without progress. The store is written to, not just read (a full disk or a locked
 * database answers reads happily). Other processes speak through their heartbeats.
 */
export function createHealthMonitor(deps: HealthMonitorDeps): HealthMonitor {
  const now = deps.now ?? Date.now;
  const staleMs = deps.staleMs ?? 30_000;
  const answerWithinMs = deps.answerWithinMs ?? 3_000;
  const self = { processId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`, host: hostname(), pid: process.pid, startedAt: new Date(now()).toISOString() };
  const lagSeen = new Map<Stage, { messages: number; lastProgressAt: number }>();
  let store: { writable: boolean; error?: string } = { writable: true };
  let bus: BusHealth = { answering: true };
  /** What the sample in flight is waiting for, and since when. */
  let waitingOn: { what: 'store' | 'bus'; since: number } | undefined;
  let deliveries: DeliveryHealth = { waiting: 0, failing: 0, givenUp: 0 };
  let others: OtherProcess[] = [];
  let sampledAt = 0;
  let sampling: Promise<void> | undefined;

  async function beat(options: { stopped?: boolean } = {}): Promise<void> {
    const at = new Date(now()).toISOString();
    const heartbeat: ProcessHeartbeat = { ...self, roles: deps.roles ?? [], beatAt: at, ...(options.stopped ? { stoppedAt: at } : {}), loops: deps.loops?.() ?? [] };
    try {
      await deps.store.processHealth.saveHeartbeat(heartbeat);
      store = { writable: true };
    } catch (err) {
      store = { writable: false, error: errorMessage(err).split('\n')[0]!.slice(0, 300) };
    }
  }

  async function sampleLag(): Promise<void> {
    try {
      await readLag();
      bus = { answering: true };
    } catch (err) {
      bus = { answering: false, error: errorMessage(err).split('\n')[0]!.slice(0, 300) };
    }
  }

  async function readLag(): Promise<void> {
    for (const { stage, group, topics } of CONSUMED) {
      let messages = 0;
      for (const topic of topics) messages += await deps.bus.lag(group, topic);
      const prev = lagSeen.get(stage);
      const t = now();
      const progressed = !prev || messages === 0 || messages < prev.messages;
      lagSeen.set(stage, { messages, lastProgressAt: progressed ? t : prev.lastProgressAt });
    }
  }

  async function sampleDeliveries(): Promise<void> {
    const d = await summarizeDeliveries(deps.store.outbox, WAITING_SCAN);
    deliveries = {
      waiting: d.pending,
      failing: d.retrying,
      givenUp: d.failed,
      ...(d.lastError ? { lastError: d.lastError } : {}),
      ...(d.oldestPendingSince ? { oldestWaitingSince: d.oldestPendingSince } : {}),
    };
  }

  async function sampleOthers(): Promise<void> {
    const t = now();
    const rows = await deps.store.processHealth.heartbeats(new Date(t - FORGET_MS));
    others = rows
      .filter((h) => h.processId !== self.processId && !h.stoppedAt)
      .map((h) => ({ processId: h.processId, roles: h.roles, beatAt: Date.parse(h.beatAt), alive: t - Date.parse(h.beatAt) <= staleMs, loops: h.loops as LoopStatus[] }));
  }

  const sample = (): Promise<void> =>
    (sampling ??= (async () => {
      try {
        waitingOn = { what: 'store', since: Date.now() };
        await beat();
        waitingOn = { what: 'bus', since: Date.now() };
        await sampleLag();
        waitingOn = { what: 'store', since: Date.now() };
        // Reads failing say as much as the probe: keep the last values, the probe speaks.
        await sampleDeliveries().catch(() => undefined);
        await sampleOthers().catch(() => undefined);
        sampledAt = now();
      } finally {
        sampling = undefined;
        waitingOn = undefined;
      }
    })());

  return {
    beat,
    sample,
    async report(maxAgeMs = 2_000) {
      let unanswered: { what: 'store' | 'bus'; forMs: number } | undefined;
      if (now() - sampledAt > maxAgeMs) {
        let timer: NodeJS.Timeout | undefined;
        const answered = await Promise.race([sample().then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), answerWithinMs)))]);
        clearTimeout(timer);
        if (!answered && waitingOn) unanswered = { what: waitingOn.what, forMs: Date.now() - waitingOn.since };
      }
      const silent = unanswered ? `no answer for ${(unanswered.forMs / 1000).toFixed(1)} s` : undefined;
      return buildHealthReport({
        now: now(),
        loops: deps.loops?.() ?? [],
        roles: deps.roles ?? [],
        others,
        lag: Object.fromEntries(lagSeen),
        store: unanswered?.what === 'store' ? { writable: false, error: `the store gives ${silent}` } : store,
        ...(unanswered?.what === 'bus' ? { bus: { answering: false, error: silent! } } : bus.answering ? {} : { bus }),
        deliveries,
        stallMs: deps.stallMs,
      });
    },
  };
}
