import { describe, expect, it } from 'vitest';
import { renderTable, rowFailed, suiteExitCode, tallyMails, type Outcome, type Row } from './report.js';

const nothingLost = { documents: 0, signals: 0, ledgerRows: 0, mails: 0, deadLetters: 0, backlog: 0 };
const outcome = (o: Partial<Outcome> = {}): Outcome => ({ settled: true, lost: { ...nothingLost }, sentTwice: 0, markedRetry: 0, health: '200 ok', ...o });

describe('tallyMails', () => {
  it('counts each copy after the first of a Message-ID, and which of them said they were retries', () => {
    const t = tallyMails([
      { messageId: '<a@x>', retry: false, to: ['One@Example.org'] },
      { messageId: '<b@x>', retry: false, to: ['two@example.org'] },
      { messageId: '<a@x>', retry: true, to: ['one@example.org'] },
      { messageId: '<b@x>', retry: false, to: ['two@example.org'] },
      { messageId: '<c@x>', retry: true, to: ['three@example.org'] }, // a retry whose first attempt never arrived: not a duplicate
    ]);
    expect(t).toMatchObject({ sentTwice: 2, markedRetry: 1 });
    expect([...t.recipients].sort()).toEqual(['one@example.org', 'three@example.org', 'two@example.org']);
  });

  it('never counts mails without a Message-ID as duplicates of each other', () => {
    expect(tallyMails([{ retry: false, to: [] }, { retry: false, to: [] }]).sentTwice).toBe(0);
  });
});

describe('rowFailed and the exit code', () => {
  it('passes a recovered row that lost nothing, and resends that carry X-Bonitor-Retry', () => {
    expect(rowFailed({ fault: 'f', bus: 'embedded', outcome: outcome() })).toBe(false);
    expect(rowFailed({ fault: 'f', bus: 'embedded', outcome: outcome({ sentTwice: 3, markedRetry: 3 }) })).toBe(false);
  });

  it('fails anything lost, any unmarked resend, no recovery, or a broken scenario', () => {
    expect(rowFailed({ fault: 'f', bus: 'b', outcome: outcome({ lost: { ...nothingLost, ledgerRows: 1 } }) })).toBe(true);
    expect(rowFailed({ fault: 'f', bus: 'b', outcome: outcome({ sentTwice: 2, markedRetry: 1 }) })).toBe(true);
    expect(rowFailed({ fault: 'f', bus: 'b', outcome: outcome({ settled: false, health: '503 down' }) })).toBe(true);
    expect(rowFailed({ fault: 'f', bus: 'b', error: 'timed out waiting for /health to turn 503' })).toBe(true);
    expect(rowFailed({ fault: 'f', bus: 'b' })).toBe(true);
  });

  it('judges a row by its own resends, not those of earlier rows', () => {
    // Earlier rows saw 5 marked resends; this one adds one without the header.
    const row: Row = { fault: 'f', bus: 'b', before: { sentTwice: 5, markedRetry: 5 }, outcome: outcome({ sentTwice: 6, markedRetry: 5 }) };
    expect(rowFailed(row)).toBe(true);
    expect(rowFailed({ ...row, outcome: outcome({ sentTwice: 5, markedRetry: 5 }) })).toBe(false);
  });

  it('does not fail the suite for a skipped row, and fails it for any failed one', () => {
    const ok: Row = { fault: 'a', bus: 'embedded', outcome: outcome() };
    const skipped: Row = { fault: 'disk full', bus: 'embedded', skipped: 'not root' };
    expect(suiteExitCode([ok, skipped])).toBe(0);
    expect(suiteExitCode([ok, skipped, { fault: 'b', bus: 'kafka', outcome: outcome({ lost: { ...nothingLost, documents: 2 } }) }])).toBe(1);
  });
});

describe('renderTable', () => {
  it('prints fault, bus, what was lost, what was sent twice, time to recover and the result, then the notes', () => {
    const table = renderTable([
      { fault: 'SIGKILL alerter', bus: 'embedded', before: { sentTwice: 1, markedRetry: 1 }, outcome: outcome({ sentTwice: 4, markedRetry: 4 }), recoverS: 2.04, note: 'killed after 5 of 30' },
      { fault: 'SIGKILL scorer', bus: 'kafka', outcome: outcome({ settled: false, health: '503 down', lost: { ...nothingLost, ledgerRows: 7, backlog: 7 } }) },
      { fault: 'disk full', bus: 'embedded', skipped: 'not root' },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| fault +\| bus +\| lost +\| sent twice +\| time to recover +\| result +\|$/);
    expect(lines[1]).toMatch(/^\|-+\|-+\|-+\|-+\|-+\|-+\|$/);
    expect(lines[2]).toMatch(/\| SIGKILL alerter +\| embedded \| nothing +\| 3, all with X-Bonitor-Retry +\| 2\.0 s +\| ok +\|/);
    expect(lines[3]).toMatch(/\| 7 ledger rows, 7 unhandled messages \| nothing +\| - +\| FAILED: not recovered \(health 503 down\)/);
    expect(lines[4]).toMatch(/\| disk full +\| embedded \| - +\| - +\| - +\| skipped: not root/);
    expect(lines.slice(-1)[0]).toBe('- SIGKILL alerter (embedded): killed after 5 of 30');
    // Every row is as wide as the header: the table reads as Markdown and in a terminal.
    expect(new Set(lines.slice(0, 5).map((l) => l.length)).size).toBe(1);
  });
});
