import type { LoopStatus, Stage } from './supervisor.js';
import { STAGES } from './supervisor.js';

export type StageStatus = 'ok' | 'degraded' | 'down';

export interface StageHealth {
  status: StageStatus;
  /** Why the stage is not ok, one line each. */
  reasons: string[];
  /** Whether this process runs the stage (otherwise only its lag speaks for it). */
  running: boolean;
  loops: LoopStatus[];
  /** Messages waiting for the stage's consumer group, and how long they have waited without progress. */
  lag?: { messages: number; withoutProgressMs: number; lastProgressAt?: string };
}

export interface DeliveryHealth {
  /** Mails in the outbox not yet accepted by the mail server. */
  waiting: number;
  /** Of those, mails whose last attempt failed (they are retried with backoff). */
  failing: number;
  /** Mails given up after their last attempt, among the most recent thousand. */
  givenUp: number;
  lastError?: string;
  oldestWaitingSince?: string;
}

/** Whether the bus answered the last lag reading (a broker that is down or restarting does not). */
export interface BusHealth {
  answering: boolean;
  error?: string;
}

export interface HealthReport {
  status: StageStatus;
  checkedAt: string;
  stages: Record<Stage, StageHealth>;
  store: { writable: boolean; error?: string };
  bus: BusHealth;
  deliveries: DeliveryHealth;
}

/** Another process, as its heartbeat tells (see platform/store/process-health.ts). */
export interface OtherProcess {
  processId: string;
  roles: string[];
  beatAt: number;
  /** It beat recently; otherwise it died without saying so (a clean stop removes it from the list). */
  alive: boolean;
  loops: LoopStatus[];
}

export interface HealthSnapshot {
  now: number;
  /** Loops of this process. */
  loops: LoopStatus[];
  /** Stages this process runs. */
  roles: Stage[];
  /** The other processes that beat within the last hour and did not stop cleanly. */
  others?: OtherProcess[];
  lag: Partial<Record<Stage, { messages: number; lastProgressAt?: number }>>;
  store: { writable: boolean; error?: string };
  /** Unset: the bus answered. */
  bus?: BusHealth;
  deliveries: DeliveryHealth;
  /** Lag that has not shrunk for this long makes its stage down. */
  stallMs: number;
}

/** The stages that consume from the bus. */
const CONSUMING: Stage[] = ['analyzer', 'scorer'];

const RANK: Record<StageStatus, number> = { ok: 0, degraded: 1, down: 2 };
const worst = (a: StageStatus, b: StageStatus): StageStatus => (RANK[b] > RANK[a] ? b : a);
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * Pure: what /health says. A stage is down while one of its loops is restarting or failing, or
 * while its consumer lag has not shrunk for `stallMs` (a process that looks alive but does
 * nothing); degraded while mails wait for a retry; everything is down when the store cannot be
 * written.
 */
export function buildHealthReport(s: HealthSnapshot): HealthReport {
  const stages = {} as Record<Stage, StageHealth>;
  const alive = (s.others ?? []).filter((o) => o.alive);
  const dead = (s.others ?? []).filter((o) => !o.alive);
  for (const stage of STAGES) {
    const remote = alive.flatMap((o) => o.loops.filter((l) => l.stage === stage).map((l) => ({ ...l, name: `${l.name}@${o.processId}` })));
    const loops = [...s.loops.filter((l) => l.stage === stage), ...remote];
    const runners = alive.filter((o) => o.roles.includes(stage)).length + (s.roles.includes(stage) ? 1 : 0);
    const health: StageHealth = { status: 'ok', reasons: [], running: runners > 0 || loops.length > 0, loops };
    const mark = (status: StageStatus, reason: string) => {
      health.status = worst(health.status, status);
      health.reasons.push(reason);
    };
    for (const loop of loops) {
      if (loop.state === 'restarting' || (loop.state === 'starting' && loop.consecutiveFailures > 0)) {
        mark('down', `${loop.name} is restarting after ${loop.consecutiveFailures} failure(s): ${loop.lastError ?? 'stopped'}${loop.nextAttemptAt ? ` (next attempt ${loop.nextAttemptAt})` : ''}`);
      } else if (loop.state === 'failing') {
        mark('down', `${loop.name} failed ${loop.consecutiveFailures} time(s) in a row: ${loop.lastError ?? ''}`);
      } else if (loop.state === 'stopped') {
        mark('down', `${loop.name} is stopped`);
      }
    }
    if (runners === 0) {
      // A process that ran this stage stopped beating and nobody took over.
      for (const o of dead.filter((d) => d.roles.includes(stage))) {
        mark('down', `process ${o.processId} (${o.roles.join(', ')}) stopped answering ${seconds(s.now - o.beatAt)} ago`);
      }
    }
    if (s.bus && !s.bus.answering && CONSUMING.includes(stage)) {
      // Its lag is unknown and its consumer cannot fetch: waiting for the bus is not working.
      mark('down', `the bus does not answer: ${s.bus.error ?? 'no reply'}`);
    }
    const lag = s.lag[stage];
    if (lag) {
      const progress = Math.max(lag.lastProgressAt ?? 0, ...loops.map((l) => (l.lastProgressAt ? Date.parse(l.lastProgressAt) : 0)));
      const withoutProgressMs = lag.messages > 0 && progress > 0 ? Math.max(0, s.now - progress) : 0;
      health.lag = { messages: lag.messages, withoutProgressMs, ...(progress > 0 ? { lastProgressAt: new Date(progress).toISOString() } : {}) };
      if (lag.messages > 0 && withoutProgressMs >= s.stallMs) {
        mark('down', `${lag.messages} message(s) waiting without progress for ${seconds(withoutProgressMs)}`);
      }
    }
    stages[stage] = health;
  }
  if (s.deliveries.failing > 0) {
    const h = stages.alerter;
    h.status = worst(h.status, 'degraded');
    h.reasons.push(`${s.deliveries.failing} mail(s) waiting for a retry${s.deliveries.lastError ? `: ${s.deliveries.lastError}` : ''}`);
  }
  let status: StageStatus = 'ok';
  for (const stage of STAGES) status = worst(status, stages[stage].status);
  if (!s.store.writable) status = 'down';
  return { status, checkedAt: new Date(s.now).toISOString(), stages, store: s.store, bus: s.bus ?? { answering: true }, deliveries: s.deliveries };
}
