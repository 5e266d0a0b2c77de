import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../platform/store/sqlite/sqlite.store.js';
import { tempDir } from '../alerts/support/deps.js';
import { CUSTOMERS, loadFeedItems, makeSubscription, signalFromItem } from '../alerts/support/fixtures.js';
import { startSmtp, type TestSmtp } from '../alerts/support/smtp.js';
import { waitFor } from '../helpers.js';

const run = promisify(execFile);
const SCRIPT = path.join(import.meta.dirname, '..', 'alerts', 'support', 'alerter-process.ts');
const TSX = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
const T0 = '2026-11-22T09:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const RESEND_AFTER_MS = 10 * 60_000;
const messageIdOf = (raw: string) => /^Message-ID: (<[^>]+>)/im.exec(raw)?.[1];

let smtp: TestSmtp;
beforeEach(async () => {
  smtp = await startSmtp();
});
afterEach(async () => {
  await smtp.close();
});

/**
 * The outcome of an SMTP transaction is unknown when the sender dies after sending DATA and
 * before the server's reply. Bonitor records the attempt before DATA; the entry stays "sending";
 * a restart does not resend it at once, only after resendUnconfirmedAfterMs, and then with an
 * X-Bonitor-Retry header and the same Message-ID.
 */
describe('kill -9 while the SMTP server holds DATA', () => {
  it('leaves the mail "sending", resends it only after the delay, with X-Bonitor-Retry and the same Message-ID', async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    await store.upsertCustomers(CUSTOMERS);
    for (const item of (await loadFeedItems('en_google-alerts.atom')).slice(0, 3)) await store.upsertSignal(signalFromItem(item, CUSTOMERS[0]!.id, 'layoffs'));
    await store.close();
    const subs = [makeSubscription({ id: 'crash', email: 'crash@example.test', scope: { all: true } })];
    const args = (owner: string, at: string) => [SCRIPT, dir, smtp.url, owner, at, JSON.stringify(subs), String(RESEND_AFTER_MS)];

    smtp.holdData(true);
    // node itself, not the tsx wrapper: SIGKILL must hit the process that holds the connection.
    const victim = spawn(process.execPath, ['--import', 'tsx', ...args('victim', T0)], { stdio: 'ignore' });
    const exited = new Promise((resolve) => victim.on('exit', resolve));
    await waitFor(() => smtp.held.length === 1, 60_000, 'the server to hold the DATA of the digest');
    victim.kill('SIGKILL');
    await exited;
    smtp.holdData(false);
    const firstId = messageIdOf(smtp.held[0]!);
    expect(firstId).toMatch(/^<[0-9a-f]+\.test-installation@bonitor\.test>$/);

    const key = `digest:crash:${T0.slice(0, 10)}`;
    const read = async () => {
      const s = openSqliteStore(dir);
      try {
        return (await s.outbox.list(10)).find((e) => e.key.startsWith('digest:crash:'));
      } finally {
        await s.close();
      }
    };
    const stuck = await read();
    expect(stuck, `outbox entry like ${key}`).toMatchObject({ status: 'sending', attempts: 1, attemptStartedAt: T0 });

    // A restart within the delay sends nothing: the first attempt may well have arrived.
    expect(JSON.parse((await run(TSX, args('restart-1', later(5)))).stdout)).toEqual({ planned: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(0);
    expect((await read())!.status).toBe('sending');

    // After it: sent again, marked as a retry, under the same Message-ID.
    expect(JSON.parse((await run(TSX, args('restart-2', later(11)))).stdout)).toEqual({ planned: 0, sent: 1 });
    expect(smtp.mails).toHaveLength(1);
    const resent = smtp.mails[0]!;
    expect(resent.messageId && `<${resent.messageId.replace(/^<|>$/g, '')}>`).toBe(firstId);
    expect(resent.headers.get('x-bonitor-retry')).toBe(`2; unconfirmed-attempt=${T0}`);
    expect(await read()).toMatchObject({ status: 'sent', attempts: 2 });

    expect(JSON.parse((await run(TSX, args('restart-3', later(30)))).stdout)).toEqual({ planned: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(1);
  }, 180_000);
});
