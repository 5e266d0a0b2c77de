/**
 * A worker thread of `ledger score` (ledger-score-parallel.ts, on platform/worker-pool.ts): reads pieces of a ledger file
 * that start and end at a row, and assesses and encodes every customer that lies wholly inside a
 * piece. The first and the last customer of a piece may go on in the neighbouring pieces: their
 * rows go back to the main thread, which joins them.
 */
import { isMainThread } from 'node:worker_threads';
import type { LineRow } from '../../collectors/ledger/group-customers.js';
import { LedgerRecordReader, type LedgerReaderState, type LedgerReadOptions } from '../../collectors/ledger/parse-ledger.js';
import type { LedgerIssue } from '../../collectors/ledger/read-ledger-file.js';
import { CsvTokenizer, type CsvDelimiter } from '../../platform/csv.js';
import { LineBuffer } from '../../platform/text-sink.js';
import { serveWorkerTasks } from '../../platform/worker-task.js';
import { groupScorer, type ScoreSettings } from './ledger-score-core.js';

export interface WorkerSetup {
  settings: ScoreSettings;
  options: LedgerReadOptions;
  delimiter: CsvDelimiter;
  state: LedgerReaderState;
}

export interface PieceTask {
  seq: number;
  text: string;
  firstLine: number;
  /** The file's first piece: its reader finds the header itself. */
  first: boolean;
}

export interface PieceResult {
  seq: number;
  /** The first customer's rows (it may have begun in the piece before). */
  head?: LineRow[];
  /** The last customer's rows when the piece holds more than one (it may go on in the next piece). */
  tail?: LineRow[];
  /** Customers in between, in order, and their encoded lines. */
  ids: string[];
  bytes: Uint8Array;
  issues: LedgerIssue[];
  /** The piece ended inside quotes, or its reader learned the decimal mark: only a whole-file read is exact. */
  inexact?: string;
}

/** Text handed to the tokenizer at a time: a piece's rows then die young (see read-ledger-file.ts). */
const SLICE = 1 << 16;

/** A piece of the file → its result; customers are assessed as soon as their last row is read. */
export function scorePiece(setup: WorkerSetup, task: PieceTask, score = groupScorer(setup.settings)): PieceResult {
  const issues: LedgerIssue[] = [];
  const out = new LineBuffer();
  const ids: string[] = [];
  let head: LineRow[] | undefined;
  let current: LineRow[] | undefined;
  let currentId = '';
  const onRow = (line: number, row: LineRow['row']) => {
    if (current && row.customerId === currentId) {
      current.push({ line, row });
      return;
    }
    if (current) {
      if (!head) head = current;
      else {
        const r = score(current);
        out.writeLine(r.line);
        for (const i of r.issues) issues.push(i);
        ids.push(currentId);
      }
    }
    current = [{ line, row }];
    currentId = row.customerId;
  };
  const onIssue = (i: LedgerIssue) => issues.push(i);
  const reader = task.first ? new LedgerRecordReader(setup.options, onRow, onIssue) : LedgerRecordReader.resume(setup.options, setup.state, onRow, onIssue);
  const tokenizer = new CsvTokenizer(setup.delimiter, (r) => reader.push(r), task.firstLine);
  for (let at = 0; at < task.text.length; at += SLICE) tokenizer.push(task.text.slice(at, at + SLICE));
  tokenizer.end();
  if (task.first) reader.end();
  for (const e of tokenizer.errors) issues.push(e);
  let inexact: string | undefined;
  if (tokenizer.errors.length > 0) inexact = 'a quoted field runs past the piece';
  else if (reader.state?.decimal !== setup.state.decimal) inexact = 'the decimal mark was learned inside the piece';
  const done = { seq: task.seq, ids, bytes: out.take(), issues, ...(inexact ? { inexact } : {}) };
  if (!head) return current ? { ...done, head: current } : done;
  return current ? { ...done, head, tail: current } : { ...done, head };
}

if (!isMainThread) {
  serveWorkerTasks<{ setup: WorkerSetup; score: ReturnType<typeof groupScorer> }, never, PieceTask, PieceResult>({
    setup(data) {
      const setup = data as WorkerSetup;
      return { setup, score: groupScorer(setup.settings) };
    },
    onState() {},
    run: ({ setup, score }, task) => scorePiece(setup, task, score),
    transfer: (result) => [result.bytes.buffer as ArrayBuffer],
  });
}
