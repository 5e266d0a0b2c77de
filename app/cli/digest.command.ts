import { createSubscriptionRepo } from '../../alerts/subscription-repo.js';
import { runDigestRound } from '../../alerts/digest.job.js';
import type { DigestRoundResult } from '../../alerts/types.js';
import { digestDeps } from '../roles/digest-deps.js';
import type { Command } from './command.js';
import { parseOptions, type OptionSpecs } from './parse-options.js';

const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;

const DIGEST_RUN_OPTIONS = {
          frequency: { type: 'string' },
          at: { type: 'string' },
          'dry-run': { type: 'boolean', default: false },
          preview: { type: 'boolean', default: false },
          format: { type: 'string', default: 'text' },
        } as const satisfies OptionSpecs;

export const digestRunCommand: Command = {
  options: DIGEST_RUN_OPTIONS,
  name: 'digest run',
  summary: 'run one digest round as if it were a given time (backfill, tests); --dry-run sends nothing',
  usage: 'bonitor digest run --frequency daily|weekly|monthly [--at <ISO date-time>] [--dry-run] [--preview] [--format text|json]',
  async run(args, ctx) {
    const { values } = parseOptions(DIGEST_RUN_OPTIONS, args, this.usage);
    const frequency = FREQUENCIES.find((f) => f === values.frequency);
    if (!frequency) {
      ctx.io.stderr.write(`--frequency must be daily, weekly or monthly${values.frequency ? `, got "${values.frequency}"` : ''}\nusage: ${this.usage}\n`);
      return 2;
    }
    const app = await ctx.app();
    let at = app.clock.now();
    if (values.at !== undefined) {
      // A date-time without an offset would depend on this machine's zone: demand one.
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(values.at) || Number.isNaN(Date.parse(values.at))) {
        ctx.io.stderr.write(`--at must be an ISO date-time with offset, such as 2026-11-23T07:00:00+01:00 or 2026-11-23T06:00:00Z; got "${values.at}"\n`);
        return 2;
      }
      at = new Date(values.at);
    }
    const deps = {
      ...(await digestDeps(app)),
      subscriptions: createSubscriptionRepo(app.store.subscriptions, app.config.subscriptions),
    };
    try {
      const result = await runDigestRound(deps, frequency, at, { dryRun: values['dry-run'] });
      if (values.format === 'json') ctx.io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else ctx.io.stdout.write(formatRound(result, values.preview || false));
      return result.delivered.failed.length > 0 ? 1 : 0;
    } finally {
      await deps.mailer.close();
    }
  },
};

export function formatRound(r: DigestRoundResult, preview: boolean): string {
  const lines: string[] = [];
  const verb = r.dryRun ? 'would send' : 'enqueued';
  lines.push(`${r.frequency} digest round at ${r.at}: ${r.considered} subscriptions${r.dryRun ? ' (dry run: nothing sent)' : ''}`);
  for (const p of r.planned) {
    lines.push(`  ${p.existed ? 'already enqueued' : verb} ${p.key} to ${p.recipient}: "${p.subject}" (${p.itemCount} items)`);
    if (preview && p.preview) lines.push(...p.preview.split('\n').map((l) => `      ${l}`));
  }
  if (r.quiet.length > 0) lines.push(`  nothing new for: ${r.quiet.join(', ')}`);
  if (r.alreadyDone.length > 0) lines.push(`  period already handled for: ${r.alreadyDone.join(', ')}`);
  if (!r.dryRun) {
    lines.push(`  delivered ${r.delivered.sent.length}, failed ${r.delivered.failed.length}, skipped ${r.delivered.skipped}`);
    for (const f of r.delivered.failed) lines.push(`  failed ${f.key}: ${f.reason}${f.final ? ' (gave up)' : ' (will retry)'}`);
  }
  return `${lines.join('\n')}\n`;
}
