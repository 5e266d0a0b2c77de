import { describe, expect, it } from 'vitest';
import { buildHealthReport, type HealthSnapshot } from '../../app/supervision/health-report.js';
import { createHealthMonitor } from '../../app/supervision/health-monitor.js';
import type { LoopStatus } from '../../app/supervision/supervisor.js';
import { GROUPS } from '../../app/topics.js';
import { createMemoryBus } from '../../platform/bus/index.js';
import { silentLogger } from '../../platform/log.js';
import { TOPICS } from '../../platform/schemas/index.js';
import type { OutboxEntry } from '../../platform/store/port.js';

const T0 = Date.parse('2026-11-20T10:00:00Z');
const running = (name: string, stage: LoopStatus['stage'], extra: Partial<LoopStatus> = {}): LoopStatus => ({ name, stage, state: 'running', consecutiveFailures: 0, restarts: 0, handled: 0, ...extra });
const snapshot = (extra: Partial<HealthSnapshot> = {}): HealthSnapshot => ({
  now: T0,
  loops: [running('analyzer.consumer', 'analyzer'), running('scorer.consumer', 'scorer')],
  roles: ['analyzer', 'scorer'],
  lag: {},
  store: { writable: true },
  deliveries: { waiting: 0, failing: 0, givenUp: 0 },
  stallMs: 120_000,
  ...extra,
});

describe('buildHealthReport', () => {
  it('is ok when every loop runs and lag moves', () => {
    const r = buildHealthReport(snapshot({ lag: { analyzer: { messages: 40, lastProgressAt: T0 - 5_000 } } }));
    expect(r.status).toBe('ok');
    expect(r.stages.analyzer).toMatchObject({ status: 'ok', running: true, lag: { messages: 40, withoutProgressMs: 5_000 } });
    expect(r.stages.collector).toMatchObject({ status: 'ok', running: false });
  });

  it('is down while a loop restarts or fails, naming it and the reason', () => {
    const r = buildHealthReport(
      snapshot({
        loops: [
          running('analyzer.consumer', 'analyzer', { state: 'restarting', consecutiveFailures: 3, lastError: 'database or disk is full', nextAttemptAt: '2026-11-20T10:00:08.000Z' }),
          running('scorer.rescore', 'scorer', { state: 'failing', consecutiveFailures: 2, lastError: 'SQLITE_BUSY: database is locked' }),
        ],
      }),
    );
    expect(r.status).toBe('down');
    expect(r.stages.analyzer.status).toBe('down');
    expect(r.stages.analyzer.reasons[0]).toBe('analyzer.consumer is restarting after 3 failure(s): database or disk is full (next attempt 2026-11-20T10:00:08.000Z)');
    expect(r.stages.scorer.reasons[0]).toBe('scorer.rescore failed 2 time(s) in a row: SQLITE_BUSY: database is locked');
  });

  it('is down when lag waits without progress for longer than the stall limit, even with no loop in this process', () => {
    const r = buildHealthReport(snapshot({ loops: [], roles: ['api'], lag: { scorer: { messages: 12, lastProgressAt: T0 - 180_000 } } }));
    expect(r.status).toBe('down');
    expect(r.stages.scorer).toMatchObject({ status: 'down', running: false, reasons: ['12 message(s) waiting without progress for 180 s'] });
    // A loop of this process that handled something recently is progress, whatever the sampled lag did.
    const busy = buildHealthReport(snapshot({ loops: [running('scorer.consumer', 'scorer', { lastProgressAt: new Date(T0 - 1_000).toISOString() })], lag: { scorer: { messages: 12, lastProgressAt: T0 - 180_000 } } }));
    expect(busy.stages.scorer.status).toBe('ok');
  });

  it('speaks for stages other processes run, through their heartbeats, and names a process that died', () => {
    const other = { processId: 'h2:7:ab', roles: ['analyzer'], beatAt: T0 - 3_000, alive: true, loops: [running('analyzer.consumer', 'analyzer', { state: 'restarting', consecutiveFailures: 2, lastError: 'connect ECONNREFUSED' })] };
    const r = buildHealthReport(snapshot({ loops: [], roles: ['api'], others: [other] }));
    expect(r.stages.analyzer).toMatchObject({ status: 'down', running: true });
    expect(r.stages.analyzer.reasons[0]).toMatch(/^analyzer\.consumer@h2:7:ab is restarting after 2 failure\(s\)/);
    const dead = buildHealthReport(snapshot({ loops: [], roles: ['api'], others: [{ ...other, alive: false, beatAt: T0 - 95_000 }] }));
    expect(dead.stages.analyzer).toMatchObject({ status: 'down', running: false, reasons: ['process h2:7:ab (analyzer) stopped answering 95 s ago'] });
    // Someone took over: the dead one no longer counts.
    const replaced = buildHealthReport(snapshot({ loops: [], roles: ['api'], others: [{ ...other, alive: false }, { ...other, processId: 'h2:8:cd', loops: [running('analyzer.consumer', 'analyzer')] }] }));
    expect(replaced.stages.analyzer.status).toBe('ok');
  });

  it('is degraded (still 200) while mails wait for a retry, and down when the store cannot be written', () => {
    const r = buildHealthReport(snapshot({ deliveries: { waiting: 3, failing: 3, givenUp: 0, lastError: 'connect ECONNREFUSED 127.0.0.1:2525' } }));
    expect(r.status).toBe('degraded');
    expect(r.stages.alerter.reasons).toEqual(['3 mail(s) waiting for a retry: connect ECONNREFUSED 127.0.0.1:2525']);
    expect(buildHealthReport(snapshot({ store: { writable: false, error: 'database or disk is full' } })).status).toBe('down');
  });

  it('is down for the consuming stages while the bus does not answer, and says so', () => {
    const r = buildHealthReport(snapshot({ bus: { answering: false, error: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092' } }));
    expect(r.status).toBe('down');
    expect(r.bus).toEqual({ answering: false, error: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092' });
    for (const stage of ['analyzer', 'scorer'] as const) expect(r.stages[stage].reasons).toEqual(['the bus does not answer: Connection error: connect ECONNREFUSED 127.0.0.1:9092']);
    expect(r.stages.alerter.status).toBe('ok');
    expect(buildHealthReport(snapshot()).bus).toEqual({ answering: true });
  });
});

describe('createHealthMonitor', () => {
  it('sees lag without progress on a real bus, probes the store by writing, and summarises the outbox', async () => {
    const bus = createMemoryBus({ partitions: 2, log: silentLogger });
    await bus.ensureTopics([TOPICS.documents, TOPICS.ledger, TOPICS.signals]);
    await bus.publish(TOPICS.documents, [{ key: 'a', value: { x: 1 } }, { key: 'b', value: { x: 2 } }]);
    let now = T0;
    let writable = true;
    const failing: OutboxEntry = { key: 'digest:anna:2026-11-20', subscriptionId: 'anna', recipient: 'a@x.example', kind: 'digest', period: '2026-11-20', subject: 's', message: 'm', itemCount: 1, cursor: {}, status: 'pending', attempts: 2, lastError: 'connect ECONNREFUSED 127.0.0.1:2525', createdAt: '2026-11-20T07:00:00.000Z' };
    const beats: unknown[] = [];
    const store = {
      processHealth: {
        async saveHeartbeat(h: unknown) {
          if (!writable) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
          beats.push(h);
        },
        heartbeats: async () => [],
      },
      outbox: { pending: async () => [failing], list: async () => [failing] },
    };
    const monitor = createHealthMonitor({ store: store as never, bus, stallMs: 60_000, now: () => now });
    let r = await monitor.report();
    expect(r.stages.analyzer.lag).toMatchObject({ messages: 2, withoutProgressMs: 0 });
    expect(r.status).toBe('degraded');
    expect(r.deliveries).toMatchObject({ waiting: 1, failing: 1, givenUp: 0, lastError: 'connect ECONNREFUSED 127.0.0.1:2525' });
    now += 61_000;
    r = await monitor.report();
    expect(r.stages.analyzer).toMatchObject({ status: 'down', reasons: ['2 message(s) waiting without progress for 61 s'] });
    // Once a consumer works the lag down, that is progress.
    const consumer = await bus.subscribe({ group: GROUPS.analyzer, topics: [TOPICS.documents], handler: async (m) => m.map(() => ({ kind: 'ok' as const, value: undefined })) });
    await consumer.idle();
    now += 3_000; // reports reuse a sample for up to 2 s
    r = await monitor.report();
    expect(r.stages.analyzer.status).toBe('ok');
    writable = false;
    now += 5_000;
    r = await monitor.report();
    expect(r).toMatchObject({ status: 'down', store: { writable: false, error: 'database or disk is full' } });
    expect(beats.length).toBeGreaterThanOrEqual(3);
    await consumer.stop();
    await bus.close();
  });

  it('answers within its bound while the broker does not answer, then says what it heard once it does', async () => {
    const store = { processHealth: { saveHeartbeat: async () => undefined, heartbeats: async () => [] }, outbox: { pending: async () => [], list: async () => [] } };
    let lag: () => Promise<number> = () => new Promise<number>(() => undefined); // a broker that never replies
    const monitor = createHealthMonitor({ store: store as never, bus: { lag: () => lag() }, stallMs: 60_000, answerWithinMs: 150 });
    const started = Date.now();
    let r = await monitor.report(0);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(r.status).toBe('down');
    expect(r.bus.answering).toBe(false);
    expect(r.bus.error).toMatch(/^no answer for \d+\.\d s$/);
    expect(r.stages.analyzer.reasons[0]).toMatch(/^the bus does not answer: no answer for/);
    // A broker that refuses is named by its error.
    lag = async () => {
      throw new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
    };
    let t = T0;
    const monitor2 = createHealthMonitor({ store: store as never, bus: { lag: () => lag() }, stallMs: 60_000, answerWithinMs: 150, now: () => (t += 1_000) });
    r = await monitor2.report(0);
    expect(r.bus).toEqual({ answering: false, error: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092' });
    lag = async () => 0;
    r = await monitor2.report(0);
    expect(r.status).toBe('ok');
    expect(r.bus).toEqual({ answering: true });
  });
});
