import { LogBus } from '../../platform/bus/index.js';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { App } from '../compose.js';
import { effectiveConfig, seedDemoLedger } from '../demo/demo.js';
import { decodeBytes } from '../../collectors/ledger/decode-text.js';
import { buildHttpServer } from '../http/server.js';
import { collectorRole } from '../roles/collector.role.js';
import { alerterRole, subscriptionRepo, unsubscribeSecret } from '../roles/alerter.role.js';
import { analyzerRole, scorerRole } from '../roles/pipeline.roles.js';
import { createHealthMonitor, type HealthMonitor } from '../supervision/health-monitor.js';
import { superviseRole } from '../supervision/role.js';
import { installShutdown, type Shutdown } from '../supervision/shutdown.js';
import { createSupervisor, type ServiceSpec, type Supervisor } from '../supervision/supervisor.js';
import { importWatchlist } from '../watchlist.js';
import type { CliContext, Command } from './command.js';
import { UserError } from '../../platform/errors.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';
import { GRADES } from '../../platform/schemas/index.js';
import { moduleLogger } from '../../platform/log.js';

export const ROLES = ['collector', 'analyzer', 'scorer', 'alerter', 'api'] as const;
export type Role = (typeof ROLES)[number];

export const startCommand: Command = {
  name: 'start',
  summary: 'run every role in one process (embedded default; the bundled demo when nothing is configured)',
  usage: 'bonitor start',
  run: (_args, ctx) => runRoles([...ROLES], ctx, true),
};

const RUN_OPTIONS = { role: { type: 'string', multiple: true } } as const satisfies OptionSpecs;

export const runCommand: Command = {
  options: RUN_OPTIONS,
  name: 'run',
  summary: 'run one or more roles in this process (scale out by starting more copies)',
  usage: `bonitor run --role <${ROLES.join('|')}> [--role …]`,
  async run(args, ctx) {
    const { values } = parseOptions(RUN_OPTIONS, args, this.usage);
    const roles = values.role ?? [];
    const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (roles.length === 0 || unknown.length > 0) {
      ctx.io.stderr.write(`${unknown.length ? `unknown role: ${unknown.join(', ')}\n` : ''}usage: ${this.usage}\n`);
      return 2;
    }
    return runRoles(roles as Role[], ctx, false);
  },
};

/**
 * Starts the roles under one supervisor: every loop is restarted with backoff when it fails,
 * and the process ends with code 1 when one keeps failing (so a service manager restarts it).
 * The HTTP port is taken first, so a port in use ends the start at once. SIGINT / SIGTERM stop
 * taking work, finish what is in flight, commit and close — within supervisor.stopTimeoutMs,
 * whatever state the loops are in. With every role in one process, the first round runs at
 * once: collect, analyse, score, then any digest that is due — so a first `npm start` shows results.
 */
async function runRoles(roles: Role[], ctx: CliContext, allInOne: boolean): Promise<number> {
  const app = await ctx.app();
  const log = moduleLogger(app.log, 'start');
  const limits = app.config.supervisor;
  const shutdown = installShutdown({ log, timeoutMs: limits.stopTimeoutMs, stderr: ctx.io.stderr });
  const supervisor = createSupervisor({
    log: app.log,
    backoff: { baseMs: limits.backoffBaseMs, maxMs: limits.backoffMaxMs },
    maxFailures: limits.maxFailures,
    onGiveUp: (loop, err) => {
      ctx.io.stderr.write(`bonitor: ${loop.name} failed ${loop.consecutiveFailures} times in a row (${err.message.split('\n')[0]}); stopping so that it can be restarted\n`);
      shutdown.request(`${loop.name} gave up`, 1);
    },
  });
  const monitor = createHealthMonitor({
    store: app.store,
    bus: app.bus,
    loops: supervisor.status,
    roles,
    stallMs: limits.lagStallMs,
  });
  try {
    await startRoles(app, roles, ctx, allInOne, supervisor, monitor, shutdown);
  } catch (err) {
    shutdown.request('start failed', 1);
    await shutdown.run(() => supervisor.stop());
    throw err;
  }
  const { reason } = await shutdown.requested;
  log.info({ reason }, 'bonitor_stopping');
  const code = await shutdown.run(async () => {
    await supervisor.stop();
    await monitor.beat({ stopped: true });
    await app.close();
  });
  log.info({ code }, 'bonitor_stopped');
  return code;
}

async function startRoles(app: App, roles: Role[], ctx: CliContext, allInOne: boolean, supervisor: Supervisor, monitor: HealthMonitor, shutdown: Shutdown): Promise<void> {
  const log = moduleLogger(app.log, 'start');
  // Once removed (real data arrived, or `bonitor demo remove`), the demo never comes back.
  app.config = await effectiveConfig(app.config, async () => app);
  if (roles.includes('api')) await supervisor.service(httpService(app, monitor));
  if (app.config.demo && (roles.includes('scorer') || allInOne)) {
    const seeded = await seedDemoLedger(app);
    if (seeded.seeded) log.info({ rows: seeded.rows }, 'demo_ledger_seeded');
  }
  if (app.config.watchlist) await loadWatchlist(app, app.config.watchlist);

  const analyzer = roles.includes('analyzer') ? await superviseRole(supervisor, analyzerRole(app)) : undefined;
  const scorer = roles.includes('scorer') ? await superviseRole(supervisor, scorerRole(app)) : undefined;
  const collectorDef = roles.includes('collector') ? collectorRole(app, { runOnStart: !allInOne }) : undefined;
  if (collectorDef) await superviseRole(supervisor, collectorDef);
  const bus = app.bus;
  if (bus instanceof LogBus) {
    supervisor.tick({
      name: 'bus.retention',
      stage: 'upkeep',
      everyMs: 3_600_000,
      async tick() {
        const deleted = await bus.prune(app.config.bus.retentionDays * 86_400_000);
        if (deleted > 0) log.info({ deleted }, 'local_log_pruned');
        return false;
      },
    });
  }
  // Every process beats, so that /health (wherever it is served) knows its loops; the API also
  // measures on the tick, which keeps lag progress honest between probes.
  supervisor.tick({ name: 'health.heartbeat', stage: 'upkeep', everyMs: 5_000, tick: async () => (await (roles.includes('api') ? monitor.sample() : monitor.beat()), false) });
  log.info({ roles, demo: app.config.demo, data_dir: app.config.dataDir }, 'bonitor_started');

  const startedAt = app.clock.now();
  const untilStopped = <T>(work: Promise<T>) => Promise.race([work, shutdown.requested.then(() => undefined)]);
  if (allInOne) {
    // The first round runs through before the alerter starts, so its first digests have content.
    await untilStopped(
      (async () => {
        await collectorDef?.collectAll();
        await analyzer?.idle();
        await scorer?.idle();
      })(),
    );
  }
  if (roles.includes('alerter')) {
    const alerter = await superviseRole(supervisor, alerterRole(app));
    if (allInOne) await untilStopped(alerter.idle());
  }
  if (allInOne) await printWhereToLook(app, ctx, startedAt, roles.includes('api') ? serverUrl(app) : undefined);
  ctx.logsReady?.();
}

/** The HTTP server as a supervised service; a port in use (or not ours to take) ends the start with one line. */
function httpService(app: App, monitor: HealthMonitor): ServiceSpec {
  const { host, port } = app.config.http;
  return {
    name: 'api.http',
    stage: 'api',
    failFast: true,
    async start() {
      const server = buildHttpServer({ app, unsubscribeSecret: await unsubscribeSecret(app), subscriptions: subscriptionRepo(app), health: monitor });
      try {
        await server.listen({ host, port });
      } catch (err) {
        await server.close().catch(() => undefined);
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new UserError(`bonitor: cannot listen on ${host}:${port}: the port is already in use (stop the other program or set BONITOR_PORT / http.port)`, 1);
        if (code === 'EACCES') throw new UserError(`bonitor: cannot listen on ${host}:${port}: permission denied (use a port above 1023 or set BONITOR_PORT / http.port)`, 1);
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UserError(`bonitor: cannot listen on ${host}:${port}: no such address on this machine (set BONITOR_HOST / http.host)`, 1);
        throw err;
      }
      let closing = false;
      const ended = new Promise<Error | undefined>((resolve) => server.server.once('close', () => resolve(closing ? undefined : new Error('the HTTP server closed'))));
      return {
        async stop() {
          closing = true;
          await server.close();
        },
        ended,
      };
    },
  };
}

async function loadWatchlist(app: App, file: string): Promise<void> {
  const { text } = decodeBytes(await readFile(file));
  const result = await importWatchlist(app, text);
  for (const e of result.errors) app.log.warn({ module: 'watchlist', file, line: e.line, reason: e.reason }, 'watchlist_row_rejected');
  if (result.added.length + result.changed.length > 0) app.log.info({ module: 'watchlist', customers: result.customers, added: result.added.length, changed: result.changed.length }, 'watchlist_imported');
}

function serverUrl(app: App): string {
  return `http://${app.config.http.host}:${app.config.http.port}`;
}

async function printWhereToLook(app: App, ctx: CliContext, since: Date, url: string | undefined): Promise<void> {
  const sent = (await app.store.outbox.list(1000)).filter((e) => e.status === 'sent' && e.sentAt && e.sentAt >= since.toISOString());
  const assessments = await app.store.latestAssessments();
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, assessments.filter((a) => a.grade === g).length]));
  const out = ctx.io.stdout;
  out.write(`\nBonitor is running${app.config.demo ? ' on the bundled demo data' : ''}.\n`);
  out.write(`  customers assessed: ${assessments.length} (A ${byGrade.A}, B ${byGrade.B}, C ${byGrade.C}, D ${byGrade.D}, E ${byGrade.E})\n`);
  out.write(`  documents stored:   ${await app.store.countDocuments()}\n`);
  if (url) {
    out.write(`  web app:            ${url}/   (check a company, portfolio, subscriptions)\n`);
    out.write(`  API:                ${url}/api/customers   ${url}/api/check?q=<name>   ${url}/health\n`);
  }
  const outbox = app.config.smtp.url ? 'sent by SMTP' : `written to ${path.join(app.config.dataDir, 'outbox')}`;
  out.write(`  digests this round: ${sent.length} (${outbox})\n`);
  out.write(`  check a company:    npm run --silent bonitor -- check "<name or register id>"\n`);
  out.write('Press Ctrl-C to stop.\n');
}
