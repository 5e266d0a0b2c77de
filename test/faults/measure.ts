import type { ParsedMail } from 'mailparser';
import { GROUPS } from '../../app/topics.js';
import { PROBE_GROUP } from '../../app/http/metrics.js';
import { deadLetterTopic, TOPICS } from '../../platform/schemas/index.js';
import type { Deployment } from './deployment.js';
import { tallyMails, type Outcome, type ReceivedMail } from './report.js';

/** What a scenario expects to find once the deployment has recovered. */
export interface Expected {
  /** Documents that must be stored (and analysed). */
  docIds: Set<string>;
  /** Ledger rows `customer:invoice` that must be stored. */
  ledgerRows: Set<string>;
  /** Subscriptions that must have received their digest. */
  mailTo: Set<string>;
}

const TOPICS_WATCHED = [TOPICS.documents, TOPICS.signals, TOPICS.ledger, TOPICS.assessments, TOPICS.sourceHealth];

/** What the SMTP server received, as the tally needs it. */
export const receivedMails = (mails: ParsedMail[]): ReceivedMail[] =>
  mails.map((m) => ({
    ...(m.messageId ? { messageId: m.messageId } : {}),
    retry: m.headers.has('x-bonitor-retry'),
    to: [m.to].flat().flatMap((t) => (t?.value ?? []).map((a) => a.address ?? '').filter(Boolean)),
  }));

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

  const { sentTwice, markedRetry, recipients } = tallyMails(receivedMails(mails));
  let missingMails = 0;
  for (const to of expected.mailTo) if (!recipients.has(to.toLowerCase())) missingMails++;

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
  return { settled, lost, sentTwice, markedRetry, health: health.status === 0 ? 'no answer' : `${health.status} ${health.body.status}` };
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
  let said = Date.now();
  for (;;) {
    const outcome = await measure(d, expected, mails);
    if (outcome.settled || Date.now() > deadline) return { outcome, at: Date.now() };
    if (Date.now() - said > 5_000) {
      said = Date.now();
      process.stderr.write(`[faults]   waiting: ${JSON.stringify(outcome.lost)} health ${outcome.health}\n`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
