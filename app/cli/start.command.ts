import { parseArgs } from 'node:util';
import cron from 'node-cron';
import { LogBus } from '../../platform/bus/index.js';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { App } from '../compose.js';
import { applyDemoConfig, seedDemoLedger } from '../demo/demo.js';
import { buildHttpServer } from '../http/server.js';
import { startCollector, type CollectorRole } from '../roles/collector.role.js';
import { startAlerter, subscriptionRepo, unsubscribeSecret } from '../roles/alerter.role.js';
import { startAnalyzer, startScorer, type RunningRole } from '../roles/pipeline.roles.js';
import { importWatchlist } from '../watchlist.js';
import type { CliContext, Command } from './command.js';
import { GRADES } from '../../platform/schemas/index.js';

export const ROLES = ['collector', 'analyzer', 'scorer', 'alerter', 'api'] as const;
export type Role = (typeof ROLES)[number];

export const startCommand: Command = {
  name: 'start',
  summary: 'run every role in one process (embedded default; the bundled demo when nothing is configured)',
  usage: 'bonitor start',
  run: (_args, ctx) => runRoles([...ROLES], ctx, true),
};

export const runCommand: Command = {
  name: 'run',
  summary: 'run one or more roles in this process (scale out by starting more copies)',
  usage: `bonitor run --role <${ROLES.join('|')}> [--role …]`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { role: { type: 'string', multiple: true } } });
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
 * Starts the roles, and on SIGINT/SIGTERM stops taking work, finishes what is in flight,
 * commits and closes. With every role in one process, the first round runs at once: collect,
 * analyse, score, then any digest that is due — so a first `npm start` shows results.
 */
async function runRoles(roles: Role[], ctx: CliContext, allInOne: boolean): Promise<number> {
  const app = await ctx.app();
  const log = app.log.child({ module: 'start' });
  app.config = applyDemoConfig(app.config);
  if (app.config.demo && (roles.includes('scorer') || allInOne)) {
    const seeded = await seedDemoLedger(app);
    if (seeded.seeded) log.info({ rows: seeded.rows }, 'demo_ledger_seeded');
  }
  if (app.config.watchlist) await loadWatchlist(app, app.config.watchlist);

  const running: RunningRole[] = [];
  let collector: CollectorRole | undefined;
  let http: ReturnType<typeof buildHttpServer> | undefined;
  if (roles.includes('analyzer')) running.push(await startAnalyzer(app));
  if (roles.includes('scorer')) running.push(await startScorer(app));
  if (roles.includes('collector')) running.push((collector = await startCollector(app, { runOnStart: !allInOne })));
  if (roles.includes('api')) {
    http = buildHttpServer({ app, unsubscribeSecret: await unsubscribeSecret(app), subscriptions: subscriptionRepo(app) });
    await http.listen({ host: app.config.http.host, port: app.config.http.port });
  }
  log.info({ roles, demo: app.config.demo, data_dir: app.config.dataDir }, 'bonitor_started');
  const bus = app.bus;
  const pruning =
    bus instanceof LogBus
      ? cron.schedule('23 * * * *', async () => {
          const deleted = await bus.prune(app.config.bus.retentionDays * 86_400_000);
          if (deleted > 0) log.info({ deleted }, 'local_log_pruned');
        }, { noOverlap: true, name: 'local-log-retention' })
      : undefined;

  const stopped = waitForSignal();
  const startedAt = app.clock.now();
  if (allInOne) {
    // The first round runs through before the alerter starts, so its first digests have content.
    await collector?.collectAll();
    await running.find((r) => r.name === 'analyzer')?.idle();
    await running.find((r) => r.name === 'scorer')?.idle();
  }
  if (roles.includes('alerter')) {
    const alerter = await startAlerter(app);
    running.push(alerter);
    if (allInOne) await alerter.idle();
  }
  if (allInOne) await printWhereToLook(app, ctx, startedAt, http ? serverUrl(app) : undefined);
  const signal = await stopped;
  log.info({ signal }, 'bonitor_stopping');
  await http?.close();
  await pruning?.destroy();
  for (const role of ['collector', 'alerter', 'analyzer', 'scorer']) await running.find((r) => r.name === role)?.stop();
  await app.close();
  log.info('bonitor_stopped');
  return 0;
}

async function loadWatchlist(app: App, file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const result = await importWatchlist(app, text);
  for (const e of result.errors) app.log.warn({ module: 'watchlist', file, line: e.line, reason: e.reason }, 'watchlist_row_rejected');
  if (result.changed) app.log.info({ module: 'watchlist', customers: result.customers }, 'watchlist_imported');
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (sig: string) => () => resolve(sig);
    process.once('SIGINT', on('SIGINT'));
    process.once('SIGTERM', on('SIGTERM'));
  });
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
  if (url) out.write(`  API:                ${url}/api/customers   ${url}/api/check?q=<name>   ${url}/health\n`);
  const outbox = app.config.smtp.url ? 'sent by SMTP' : `written to ${path.join(app.config.dataDir, 'outbox')}`;
  out.write(`  digests this round: ${sent.length} (${outbox})\n`);
  out.write(`  check a company:    npm run --silent bonitor -- check "<name or register id>"\n`);
  out.write('Press Ctrl-C to stop.\n');
}
