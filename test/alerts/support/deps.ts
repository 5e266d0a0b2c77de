import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMailer } from '../../../alerts/mailer.js';
import type { Subscription } from '../../../platform/config/subscriptions.js';
import type { AlertStore, DigestDeps, Mailer } from '../../../alerts/types.js';
import { silentLogger } from '../../../platform/log.js';
import type { Delivery } from '../../../platform/schemas/index.js';

export const SECRET = 'test-unsubscribe-secret';

const openMailers: Mailer[] = [];

/** Closes the SMTP pools the tests opened, so the test server can shut down at once. */
export async function closeMailers(): Promise<void> {
  await Promise.all(openMailers.splice(0).map((m) => m.close()));
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'bonitor-alerts-'));
}

export function makeDeps(
  store: AlertStore,
  subs: Subscription[],
  opts: { smtpUrl?: string; outboxDir?: string; mailer?: Mailer; owner?: string; deliveries?: Delivery[] } = {},
): DigestDeps {
  const mailer =
    opts.mailer ??
    createMailer({ smtpUrl: opts.smtpUrl, outboxDir: opts.outboxDir ?? tempDir(), from: 'Bonitor <alerts@bonitor.test>', timeoutMs: 2000 });
  openMailers.push(mailer);
  return {
    store,
    subscriptions: { listSubscriptions: async () => subs },
    mailer,
    logger: silentLogger,
    unsubscribeSecret: SECRET,
    installationId: 'test-installation',
    publicUrl: 'https://bonitor.example.test',
    owner: opts.owner,
    retry: { baseMs: 1000, maxMs: 60_000, maxAttempts: 5 },
    onDelivery: opts.deliveries ? (d) => void opts.deliveries!.push(d) : undefined,
  };
}
