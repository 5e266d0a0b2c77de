import { sourceHealthRepoOn } from '../../collectors/health/store-health.js';
import { sourceStatus } from '../../collectors/health/status.js';
import type { SourceHealth } from '../../collectors/index.js';
import { effectiveConfig } from '../demo/demo.js';
import { withWatchSources } from '../watch-sources.js';
import { publishAll } from '../publish.js';
import { TOPICS } from '../../platform/schemas/index.js';
import type { Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';

const SOURCES_OPTIONS = { format: { type: 'string', default: 'text' }, run: { type: 'string' } } as const satisfies OptionSpecs;
import { summarizeDeliveries, type DeliveryHealth } from '../../alerts/deliver.js';
import { moduleLogger } from '../../platform/log.js';

export const sourcesCommand: Command = {
  options: SOURCES_OPTIONS,
  name: 'sources',
  summary: 'list the configured sources with their health; --run <id> collects one source now',
  usage: 'bonitor sources [--format text|json] [--run <source-id>]',
  async run(args, ctx) {
    const { values } = parseOptions(SOURCES_OPTIONS, args, this.usage);
    if (values.format !== 'text' && values.format !== 'json') {
      ctx.io.stderr.write(`--format must be text or json\nusage: ${this.usage}\n`);
      return 2;
    }
    const app = await ctx.app();
    // Configured sources plus those derived from the watchlist (watching.enabled).
    const base = await effectiveConfig(ctx.config, async () => app);
    const config = base.watching.enabled ? withWatchSources(base, await app.store.listCustomers()).config : base;
    const health = sourceHealthRepoOn(app.store);

    if (values.run !== undefined) {
      const source = config.sources.find((s) => s.id === values.run);
      if (!source) {
        ctx.io.stderr.write(`unknown source "${values.run}" (configured: ${config.sources.map((s) => s.id).join(', ') || 'none'})\n`);
        return 2;
      }
      // The collectors (feed and HTML parsers) load only when a source is collected, not to list them.
      const [{ collectSource }, { userAgentFor }] = await Promise.all([import('../../collectors/collect-source.js'), import('../../collectors/user-agent.js')]);
      const result = await collectSource(source, {
        seen: app.store,
        publish: (docs) => publishAll(app.bus, TOPICS.documents, docs),
        clock: app.clock,
        log: moduleLogger(app.log, 'collector'),
        userAgent: userAgentFor(config.contact),
        health,
        publishHealth: (events) => publishAll(app.bus, TOPICS.sourceHealth, events),
      });
      if (values.format === 'json') ctx.io.stdout.write(`${JSON.stringify(result)}\n`);
      else if (result.error) ctx.io.stdout.write(`${source.id}: failed: ${result.error.kind}${result.error.status ? ` ${result.error.status}` : ''}: ${result.error.message}\n`);
      else ctx.io.stdout.write(`${source.id}: ${result.notModified ? 'not modified' : `${result.fetched} item(s), ${result.published} new`}\n`);
      return result.error ? 1 : 0;
    }

    const byId = new Map((await health.listHealth()).map((h) => [h.sourceId, h]));
    const now = app.clock.now();
    const rows = config.sources.map((s) => {
      const h = byId.get(s.id);
      return { id: s.id, kind: s.kind, url: s.url, schedule: s.schedule, enabled: s.enabled, status: s.enabled ? sourceStatus(h, now) : 'disabled', health: h ?? null };
    });
    if (values.format === 'json') {
      ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      ctx.io.stdout.write('no sources configured (add them under `sources:` in the config file)\n');
      return 0;
    }
    const table = [['SOURCE', 'KIND', 'STATUS', 'LAST SUCCESS', 'FAILS', 'LAST ERROR', 'PUBLISHED', 'URL']].concat(
      rows.map((r) => [r.id, r.kind, statusText(r.status, r.health), r.health?.lastSuccessAt ?? '-', String(r.health?.consecutiveFailures ?? 0), errorText(r.health), String(r.health?.totalPublished ?? 0), r.url]),
    );
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    for (const row of table) ctx.io.stdout.write(`${row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}\n`);
    ctx.io.stdout.write(`\n${deliveryLine(await summarizeDeliveries(app.store.outbox))}\n`);
    return 0;
  },
};

/** Mail delivery trouble shows beside the sources: a digest that cannot go out is as silent as a broken feed. */
function deliveryLine(d: DeliveryHealth): string {
  if (d.ok) return `mail delivery: ok${d.pending > 0 ? ` (${d.pending} waiting to be sent)` : ''}`;
  const parts = [d.retrying > 0 ? `${d.retrying} mail(s) waiting for a retry` : '', d.failed > 0 ? `${d.failed} given up` : ''].filter(Boolean);
  return `mail delivery: FAILING — ${parts.join(', ')}${d.oldestPendingSince ? `, oldest since ${d.oldestPendingSince}` : ''}${d.lastError ? `; last error: ${d.lastError}` : ''}`;
}

function statusText(status: string, h: SourceHealth | null): string {
  return status === 'parked' && h?.parkedUntil ? `parked until ${h.parkedUntil}` : status;
}

function errorText(h: SourceHealth | null): string {
  const e = h?.lastError;
  if (!e || !h?.consecutiveFailures) return '-';
  const text = `${e.kind}${e.status ? ` ${e.status}` : ''}: ${e.message}`;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
