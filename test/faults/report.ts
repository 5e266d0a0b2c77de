/**
 * The fault suite's verdicts and table: pure, so the rules that decide "lost", "sent twice" and
 * the exit code are unit-tested (report.test.ts) apart from the processes they judge.
 */

/** What was not where it belongs when the suite last looked (every count must end at 0). */
export interface Lost {
  documents: number;
  signals: number;
  ledgerRows: number;
  mails: number;
  deadLetters: number;
  backlog: number;
}

export interface Outcome {
  /** Everything is where it belongs and /health says ok. */
  settled: boolean;
  lost: Lost;
  /** Copies of a mail the SMTP server had already received (same Message-ID), over the whole run. */
  sentTwice: number;
  /** Of those copies, the ones that carried X-Bonitor-Retry (the documented crash-during-DATA case). */
  markedRetry: number;
  health: string;
}

export interface Row {
  fault: string;
  bus: string;
  outcome?: Outcome;
  /** Duplicates counted before this scenario began (the row shows only its own). */
  before?: { sentTwice: number; markedRetry: number };
  recoverS?: number;
  /** What the scenario saw while the fault lasted (stop times, refusals, how much was in flight). */
  note?: string;
  error?: string;
  skipped?: string;
}

export const totalLost = (lost: Lost): number => Object.values(lost).reduce((a, b) => a + b, 0);

export interface ReceivedMail {
  messageId?: string;
  /** The message carried an X-Bonitor-Retry header. */
  retry: boolean;
  to: string[];
}

/**
 * Copies beyond the first of each Message-ID, in arrival order; a copy is allowed only when it
 * says it is a retry of an unconfirmed attempt. A mail without a Message-ID counts as unique.
 */
export function tallyMails(mails: ReceivedMail[]): { sentTwice: number; markedRetry: number; recipients: Set<string> } {
  const seen = new Set<string>();
  const recipients = new Set<string>();
  let sentTwice = 0;
  let markedRetry = 0;
  for (const m of mails) {
    for (const to of m.to) recipients.add(to.toLowerCase());
    if (!m.messageId) continue;
    if (!seen.has(m.messageId)) {
      seen.add(m.messageId);
      continue;
    }
    sentTwice++;
    if (m.retry) markedRetry++;
  }
  return { sentTwice, markedRetry, recipients };
}

/** This row's own duplicates: the run's totals minus those counted before it began. */
export function ownDuplicates(row: Row): { sentTwice: number; markedRetry: number } | undefined {
  if (!row.outcome) return undefined;
  return { sentTwice: row.outcome.sentTwice - (row.before?.sentTwice ?? 0), markedRetry: row.outcome.markedRetry - (row.before?.markedRetry ?? 0) };
}

/** A row fails when its scenario broke, anything was lost, it did not recover, or a mail went out twice without saying so. */
export function rowFailed(row: Row): boolean {
  if (row.skipped) return false;
  if (row.error) return true;
  if (!row.outcome) return true;
  const dup = ownDuplicates(row)!;
  return !row.outcome.settled || totalLost(row.outcome.lost) > 0 || dup.sentTwice > dup.markedRetry;
}

export const suiteExitCode = (rows: Row[]): 0 | 1 => (rows.some(rowFailed) ? 1 : 0);

const LOST_LABELS: Record<keyof Lost, string> = {
  documents: 'documents',
  signals: 'signals',
  ledgerRows: 'ledger rows',
  mails: 'digests',
  deadLetters: 'dead letters',
  backlog: 'unhandled messages',
};

function lostCell(row: Row): string {
  if (!row.outcome) return '-';
  const parts = (Object.keys(LOST_LABELS) as Array<keyof Lost>).filter((k) => row.outcome!.lost[k] > 0).map((k) => `${row.outcome!.lost[k]} ${LOST_LABELS[k]}`);
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}

function twiceCell(row: Row): string {
  const dup = ownDuplicates(row);
  if (!dup) return '-';
  if (dup.sentTwice === 0) return 'nothing';
  const unmarked = dup.sentTwice - dup.markedRetry;
  return unmarked === 0 ? `${dup.sentTwice}, all with X-Bonitor-Retry` : `${dup.sentTwice}, ${unmarked} without X-Bonitor-Retry`;
}

function resultCell(row: Row): string {
  if (row.skipped) return `skipped: ${row.skipped}`;
  if (row.error) return `FAILED: ${row.error.split('\n')[0]!.slice(0, 160)}`;
  if (!row.outcome) return 'FAILED';
  if (!row.outcome.settled) return `FAILED: not recovered (health ${row.outcome.health})`;
  return rowFailed(row) ? 'FAILED' : 'ok';
}

/** A Markdown table (it goes into the README as printed), then the scenarios' notes. */
export function renderTable(rows: Row[]): string {
  const header = ['fault', 'bus', 'lost', 'sent twice', 'time to recover', 'result'];
  const body = rows.map((r) => [r.fault, r.bus, lostCell(r), twiceCell(r), r.recoverS === undefined ? '-' : `${r.recoverS.toFixed(1)} s`, resultCell(r)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  const notes = rows.filter((r) => r.note);
  if (notes.length > 0) out.push('', ...notes.map((r) => `- ${r.fault} (${r.bus}): ${r.note}`));
  return out.join('\n');
}

/**
 * The suite's last line. It names rows and seconds without the shape of a test runner's closing
 * line ("13 rows in 301 s" read as pytest's "13 passed in 301s" counts no test; see test/ci-log.ts).
 */
export function suiteSummary(rows: Row[], seconds: number): string {
  const failed = rows.filter(rowFailed).length;
  return `fault suite: ${rows.length} rows, ${failed === 0 ? 'every one recovered with nothing lost' : `${failed} with a loss or no recovery`}; ${seconds.toFixed(0)} s`;
}
