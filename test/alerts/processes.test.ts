import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../platform/store/sqlite/sqlite.store.js';
import { tempDir } from './support/deps.js';
import { CUSTOMERS, loadFeedItems, makeSubscription, signalFromItem } from './support/fixtures.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';

const run = promisify(execFile);
const SCRIPT = path.join(import.meta.dirname, 'support', 'alerter-process.ts');
const TSX = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

let smtp: TestSmtp;
beforeEach(async () => {
  smtp = await startSmtp();
});
afterEach(async () => {
  await smtp.close();
});

describe('two alerter processes on one SQLite store', () => {
  it('send every digest exactly once, and a restart sends nothing more', async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    await store.upsertCustomers(CUSTOMERS);
    const items = await loadFeedItems('en_google-alerts.atom');
    for (const [i, item] of items.slice(0, 12).entries()) await store.upsertSignal(signalFromItem(item, CUSTOMERS[i % 3]!.id, 'layoffs'));
    await store.close();
    const subs = Array.from({ length: 40 }, (_, i) => makeSubscription({ id: `p${i}`, email: `p${i}@example.test`, scope: { all: true } }));
    const args = (owner: string) => [SCRIPT, dir, smtp.url, owner, '2026-11-22T09:00:00Z', JSON.stringify(subs)];

    const [a, b] = await Promise.all([run(TSX, args('proc-a')), run(TSX, args('proc-b'))]);
    const ra = JSON.parse(a.stdout) as { planned: number; sent: number };
    const rb = JSON.parse(b.stdout) as { planned: number; sent: number };
    expect(ra.planned + rb.planned).toBe(40);
    expect(ra.sent + rb.sent).toBe(40);
    expect(smtp.mails).toHaveLength(40);
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(40);

    const again = JSON.parse((await run(TSX, args('proc-c'))).stdout) as { planned: number; sent: number };
    expect(again).toEqual({ planned: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(40);
  }, 60_000);
});
