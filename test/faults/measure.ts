import type { ParsedMail } from 'mailparser';
import { GROUPS } from '../../app/topics.js';
import { PROBE_GROUP } from '../../app/http/metrics.js';
import { deadLetterTopic, TOPICS } from '../../platform/schemas/index.js';
import type { Deployment } from './deployment.js';

/** What a scenario expects to find once the deployment has recovered. */
export interface Expected {
  /** Documents that must be stored (and analysed). */
  docIds: Set<string>;
  /** Ledger rows `customer:invoice` that must be stored. */
  ledgerRows: Set<string>;
  /** Subscriptions that must have received their digest. */
  mailTo: Set<string>;
}

export interface Outcome {
  /** Everything is where it belongs and /health says ok. */
  settled: boolean;
  lost: { documents: number; signals: number; ledgerRows: number; mails: number; deadLetters: number; backlog: number };
  /** Mails the SMTP server received more than once (same Message-ID). */
  sentTwice: number;
  /** Of those resends, how many carried X-Bonitor-Retry (the documented crash-during-DATA case). */
  markedRetry: number;
  health: string;
}

const TOPICS_WATCHED = [TOPICS.documents, TOPICS.signals, TOPICS.ledger, TOPICS.assessments, TOPICS.sourceHealth];

export const totalLost = (o: Outcome) => Object.values(o.lost).reduce((a, b) => a + b, 0);

/** Reads the deployment's store, bus and the SMTP server's mailbox against what must be there. */
export async function measure(d: Deployment, expected: Expected, mails: ParsedMail[]): Promise<Outcome> {
  const store = d.store();
  const bus = await d.bus();
  // The analyzer stores each document it analysed: a stored document was analysed.
  let documents = 0;
  for (const id of expected.docIds) if (!(await store.getDocument(id))) documents++;
  const byCustomer = new Map<string, Set<string>>();
  for (const key of expected.ledgerRows) {
    const [customer] = key.split(':');
    if (!byCustomer.has(customer!)) byCustomer.set(customer!, new Set((await store.ledgerForCustomer(customer!)).map((r) => `${r.customerId}:${r.invoiceId}`)));
  }
  let ledgerRows = 0;
  for (const key of expected.ledgerRows) if (!byCustomer.get(key.split(':')[0]!)!.has(key)) ledgerRows++;

  const received = new Map<string, number>();
  let markedRetry = 0;
  const mailedTo = new Set<string>();
  for (const m of mails) {
    const id = m.messageId ?? '';
    received.set(id, (received.get(id) ?? 0) + 1);
    if (m.headers.get('x-bonitor-retry')) markedRetry++;
    for (const to of [m.to].flat()) for (const a of to?.value ?? []) if (a.address) mailedTo.add(a.address);
  }
  const sentTwice = [...received.values()].reduce((n, c) => n + (c - 1), 0);
  let missingMails = 0;
  for (const to of expected.mailTo) if (!mailedTo.has(to)) missingMails++;

  let deadLetters = 0;
  for (const t of TOPICS_WATCHED) deadLetters += await bus.lag(PROBE_GROUP, deadLetterTopic(t)).catch(() => 0);
  const backlog =
    (await bus.lag(GROUPS.analyzer, TOPICS.documents)) +
    (await bus.lag(GROUPS.scorer, TOPICS.signals)) +
    (await bus.lag(GROUPS.scorer, TOPICS.ledger)) +
    (await store.dirtyCustomers(1000)).length;
  const health = await d.health();
  const lost = { documents, signals: 0, ledgerRows, mails: missingMails, deadLetters, backlog };
  const quiet = Object.values(lost).every((n) => n === 0) && health.status === 200 && health.body.status === 'ok';
  // Last, the expensive one: every signal the analyzer published is stored.
  if (quiet) lost.signals = await signalsNotStored(d);
  const settled = quiet && lost.signals === 0;
  return { settled, lost, sentTwice, markedRetry: Math.min(markedRetry, sentTwice), health: health.status === 0 ? 'no answer' : `${health.status} ${health.body.status}` };
}

/** Signals on the signals topic (read by a group of its own, from the beginning) that the store does not have. */
async function signalsNotStored(d: Deployment): Promise<number> {
  const bus = await d.bus();
  const store = d.store();
  const onTopic = new Set<string>();
  const reader = await bus.subscribe<void>({
    group: `fault-suite-reader-${Date.now()}`,
    topics: [TOPICS.signals],
    fromBeginning: true,
    handler: async (messages) =>
      messages.map((m) => {
        const id = (m.value as { payload?: { id?: string } }).payload?.id;
        if (id) onTopic.add(id);
        return { kind: 'ok' as const, value: undefined };
      }),
  });
  await reader.idle();
  await reader.stop();
  const stored = new Set<string>();
  for (let seq = 0; ; ) {
    const page = await store.signalsSince(seq, 5000);
    if (page.length === 0) break;
    for (const { seq: s, signal } of page) {
      seq = Math.max(seq, s);
      stored.add(signal.id);
    }
  }
  return [...onTopic].filter((id) => !stored.has(id)).length;
}

/** Polls until the deployment has settled or `timeoutMs` passed; returns the last outcome and when it settled. */
export async function waitSettled(d: Deployment, expected: Expected, mails: ParsedMail[], timeoutMs: number): Promise<{ outcome: Outcome; at: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await measure(d, expected, mails);
    if (outcome.settled || Date.now() > deadline) return { outcome, at: Date.now() };
    await new Promise((r) => setTimeout(r, 500));
  }
}
