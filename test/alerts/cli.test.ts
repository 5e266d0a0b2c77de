import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestRunCommand } from '../../app/cli/digest.command.js';
import {
  subscriptionsAddCommand,
  subscriptionsListCommand,
  subscriptionsRemoveCommand,
  subscriptionsValidateCommand,
} from '../../app/cli/subscriptions.command.js';
import type { CliContext } from '../../app/cli/command.js';
import { openApp, type App } from '../../app/compose.js';
import { loadConfig } from '../../platform/config/load.js';
import { silentLogger } from '../../platform/log.js';
import { tempDir } from './support/deps.js';
import { CUSTOMERS, loadFeedItems, signalFromItem } from './support/fixtures.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

let smtp: TestSmtp;
let app: App;
let dir: string;
const CONFIG = `
demo: false
subscriptions:
  - id: anna-daily
    email: anna@example.test
    name: Anna
    hour: 7
    scope: { customers: [slack] }
`;

beforeEach(async () => {
  smtp = await startSmtp();
  dir = tempDir();
  writeFileSync(path.join(dir, 'bonitor.yaml'), CONFIG);
  const { config } = loadConfig({ configPath: path.join(dir, 'bonitor.yaml'), env: { BONITOR_DATA_DIR: path.join(dir, 'data'), BONITOR_SMTP_URL: smtp.url }, cwd: dir });
  app = await openApp(config, silentLogger);
  await app.store.upsertCustomers(CUSTOMERS);
  const items = await loadFeedItems('en_google-alerts.atom');
  await app.store.upsertSignal(signalFromItem(items[1]!, 'slack', 'insolvency'));
});
afterEach(async () => {
  await app.close();
  await smtp.close();
});

async function run(command: typeof digestRunCommand, args: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const ctx: CliContext = { io: { stdin: process.stdin, stdout, stderr }, config: app.config, app: async () => app };
  const code = await command.run(args, ctx);
  return { code, out: stdout.text, err: stderr.text };
}

describe('bonitor digest run', () => {
  it('--dry-run prints what would be sent and to whom, and sends nothing', async () => {
    const r = await run(digestRunCommand, ['--frequency', 'daily', '--at', '2026-11-22T09:00:00Z', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('would send digest:anna-daily:2026-11-22 to anna@example.test');
    expect(smtp.mails).toHaveLength(0);
    expect(await app.store.outbox.list(10)).toEqual([]);
  });

  it('sends once per period, also when run twice', async () => {
    expect((await run(digestRunCommand, ['--frequency', 'daily', '--at', '2026-11-22T09:00:00Z'])).code).toBe(0);
    const again = await run(digestRunCommand, ['--frequency', 'daily', '--at', '2026-11-22T11:00:00+01:00']);
    expect(again.out).toContain('period already handled for: anna-daily');
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toContain('1 item on 1 customer');
  });

  it('rejects a bad frequency or a date without offset with a clear message', async () => {
    expect((await run(digestRunCommand, ['--frequency', 'hourly'])).err).toContain('--frequency must be daily, weekly or monthly, got "hourly"');
    const r = await run(digestRunCommand, ['--frequency', 'daily', '--at', '2026-11-22 09:00']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--at must be an ISO date-time with offset');
  });
});

describe('bonitor subscriptions', () => {
  it('add validates against the watchlist; list, remove and the digest see the result', async () => {
    const bad = await run(subscriptionsAddCommand, ['--email', 'not-an-address', '--customers', 'slack']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('rejected: email: not a valid email address');
    const unknown = await run(subscriptionsAddCommand, ['--email', 'bernd@example.test', '--customers', 'slack,haldex-ab,nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown customer "haldex-ab"');
    expect(unknown.err).toContain('unknown customer "nobody" (not in the watchlist)');

    const ok = await run(subscriptionsAddCommand, ['--email', 'bernd@example.test', '--id', 'bernd', '--language', 'de', '--tags', 'software', '--hour', '8']);
    expect(ok.code).toBe(0);
    const listed = await run(subscriptionsListCommand, ['--format', 'json']);
    expect(JSON.parse(listed.out).map((s: { id: string; origin: string }) => `${s.id}:${s.origin}`)).toEqual(['anna-daily:config', 'bernd:added']);

    await run(digestRunCommand, ['--frequency', 'daily', '--at', '2026-11-22T09:00:00Z']);
    expect(smtp.mails.map((m) => JSON.stringify(m.to)).sort().join()).toMatch(/anna.*bernd/);

    expect((await run(subscriptionsRemoveCommand, ['bernd'])).out).toContain('removed subscription bernd');
    expect((await run(subscriptionsRemoveCommand, ['anna-daily'])).out).toContain('marked unsubscribed');
    expect((await run(subscriptionsRemoveCommand, ['ghost'])).code).toBe(1);
    const round = await run(digestRunCommand, ['--frequency', 'daily', '--at', '2026-11-23T09:00:00Z', '--format', 'json']);
    expect(JSON.parse(round.out).considered).toBe(0);
  });

  it('validate reports every problem in a YAML file', async () => {
    const file = path.join(dir, 'subs.yaml');
    writeFileSync(file, 'subscriptions:\n  - { id: a, email: a@example.test, scope: { customers: [slack] } }\n  - { id: b, email: "b@", timeZone: Mars/Olympus }\n  - { id: c, email: c@example.test, scope: { customers: [] } }\n');
    const r = await run(subscriptionsValidateCommand, [file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('b: email: not a valid email address');
    expect(r.err).toContain('b: timeZone: unknown IANA time zone');
    expect(r.err).toContain('c: scope: empty');
    expect(r.out).toContain('1 of 3 subscriptions valid');
  });
});
