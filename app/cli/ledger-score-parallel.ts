import { createReadStream } from 'node:fs';
import type { LineRow } from '../../collectors/ledger/group-customers.js';
import { decodeChunks } from '../../collectors/ledger/decode-text.js';
import { LedgerRecordReader } from '../../collectors/ledger/parse-ledger.js';
import { isBexioJson } from '../../collectors/ledger/parse-bexio.js';
import { isDatevExtf } from '../../collectors/ledger/parse-datev.js';
import type { LedgerIssue, ReadLedgerFileOptions } from '../../collectors/ledger/read-ledger-file.js';
import { CsvTokenizer, detectDelimiter, lastRecordEnd } from '../../platform/csv.js';
import type { TextSink } from '../../platform/text-sink.js';
import { silentLogger, type Logger } from '../../platform/log.js';
import { createWorkerPool, type WorkerPool } from '../../platform/worker-pool.js';
import { workerModule } from '../worker-entry.js';
import { groupScorer, type ScoreSettings } from './ledger-score-core.js';
import type { PieceResult, PieceTask, WorkerSetup } from './ledger-score.worker.js';

export interface ParallelScoreInput {
  file: string;
  options: ReadLedgerFileOptions;
  settings: ScoreSettings;
  /** Worker threads assessing customers (the main thread reads, cuts and joins). */
  threads: number;
  out: TextSink;
  onIssue: (issue: LedgerIssue) => void;
  /** Bytes per piece handed to a worker (default 1 MiB; tests make it small to cut customers often). */
  pieceBytes?: number;
  /** Where the pool logs a lost worker (silent by default: the command reports its own failure). */
  log?: Logger;
}

/** Done, or why the file must be read as a whole instead (nothing of this run may be kept then). */
export type ParallelScoreOutcome = { done: true; scored: number } | { done: false; reason: string; reportedUpTo: number };

/**
 * `ledger score` of a file sorted by customer on several cores. The main thread decodes the file
 * and cuts it into pieces at row ends; worker threads read the rows of a piece, assess every
 * customer wholly inside it and encode their lines; the main thread writes the pieces' lines in
 * file order and assesses the customers cut by a piece's end itself, from the rows both pieces
 * hand back. The output is byte for byte the one-thread output (test/scoring/ledger-parallel.test.ts).
 * A file that turns out not to be sorted, or one that only a whole read gets exactly right (the
 * decimal mark first shown after its head, stray quotes, bare CR line ends), returns not done.
 */
export async function scoreInParallel(input: ParallelScoreInput): Promise<ParallelScoreOutcome> {
  const { out, onIssue } = input;
  const score = groupScorer(input.settings);
  const stream = createReadStream(input.file, { highWaterMark: input.pieceBytes ?? 1 << 20 });
  let pool: WorkerPool<PieceTask, PieceResult> | undefined;
  let reportedUpTo = 0;
  let scored = 0;
  let open: LineRow[] | undefined;
  const seen = new Set<string>();
  const inFlight: Array<Promise<PieceResult>> = [];
  const report = (i: LedgerIssue) => {
    if (i.line > reportedUpTo) reportedUpTo = i.line;
    onIssue(i);
  };
  /** A customer whose rows are all known; false when it came back after another customer (not sorted). */
  const finish = async (group: LineRow[]): Promise<boolean> => {
    const id = group[0]!.row.customerId;
    if (seen.has(id)) return false;
    seen.add(id);
    const r = score(group);
    for (const i of r.issues) report(i);
    scored++;
    await out.writeLine(r.line);
    return true;
  };
  const take = async (r: PieceResult): Promise<string | undefined> => {
    if (r.inexact) return r.inexact;
    for (const i of r.issues) report(i);
    if (r.head) {
      if (open && open[0]!.row.customerId === r.head[0]!.row.customerId) for (const item of r.head) open.push(item);
      else {
        if (open && !(await finish(open))) return 'not sorted by customer';
        open = r.head;
      }
    }
    if (!r.tail) return undefined;
    if (open && !(await finish(open))) return 'not sorted by customer';
    for (const id of r.ids) {
      if (seen.has(id)) return 'not sorted by customer';
      seen.add(id);
    }
    scored += r.ids.length;
    await out.writeBytes(r.bytes);
    open = r.tail;
    return undefined;
  };
  try {
    let rest = '';
    let line = 1;
    let seq = 0;
    // The head of the file (header, title rows, the rows the decimal mark is learned from) is read
    // here first, and goes to a worker as the first piece once the readers of later pieces can
    // start from what it taught.
    let head = '';
    let probe: { reader: LedgerRecordReader; tokenizer: CsvTokenizer } | undefined;
    const send = async (text: string): Promise<string | undefined> => {
      if (text.indexOf('\r') >= 0 && /\r(?!\n)/.test(text)) return 'bare CR line ends';
      if (!pool) {
        // DATEV batches and bexio JSON are assembled whole (readLedgerFileGroups).
        if (!probe && (isBexioJson(text) || isDatevExtf(text.split(/\r?\n/, 1)[0] ?? ''))) return 'not a CSV export';
        if (!probe) {
          const reader = new LedgerRecordReader(input.options, () => {}, () => {});
          probe = { reader, tokenizer: new CsvTokenizer(detectDelimiter(text.slice(0, 65_536)), (r) => reader.push(r)) };
        }
        probe.tokenizer.push(text);
        head += text;
        const state = probe.reader.state;
        if (!state) return undefined;
        const workerData: WorkerSetup = { settings: input.settings, options: input.options, delimiter: probe.tokenizer.delimiter, state };
        const entry = workerModule('ledger-score.worker', new URL('./ledger-score.worker.ts', import.meta.url));
        pool = createWorkerPool({ name: 'ledger-score', ...entry, size: input.threads, workerData, log: input.log ?? silentLogger });
        text = head;
        head = '';
      }
      const task: PieceTask = { seq, text, firstLine: line, first: seq === 0 };
      seq++;
      inFlight.push(pool.run(task));
      line += countLineFeeds(text);
      while (inFlight.length > input.threads * 2) {
        const why = await take(await inFlight.shift()!);
        if (why) return why;
      }
      return undefined;
    };
    for await (const text of decodeChunks(stream)) {
      let piece: string;
      if (rest.indexOf('"') < 0) {
        // The text read starts outside quotes: it is searched alone, not joined to the rest first
        // (searching a joined string copies it whole first).
        const cut = lastRecordEnd(text);
        if (cut < 0) {
          rest += text;
          continue;
        }
        piece = rest === '' ? text.slice(0, cut) : rest + text.slice(0, cut);
        rest = text.slice(cut);
      } else {
        const all = rest + text;
        const cut = lastRecordEnd(all);
        if (cut < 0) {
          rest = all;
          continue;
        }
        piece = all.slice(0, cut);
        rest = all.slice(cut);
      }
      const why = await send(piece);
      if (why) return { done: false, reason: why, reportedUpTo };
    }
    if (rest !== '') {
      const why = await send(rest);
      if (why) return { done: false, reason: why, reportedUpTo };
    }
    if (!pool) return { done: false, reason: 'the file is read whole before its rows can be read in pieces (no header, or too few rows)', reportedUpTo };
    while (inFlight.length > 0) {
      const why = await take(await inFlight.shift()!);
      if (why) return { done: false, reason: why, reportedUpTo };
    }
    if (open && !(await finish(open))) return { done: false, reason: 'not sorted by customer', reportedUpTo };
    return { done: true, scored };
  } finally {
    stream.destroy();
    // Pieces still on their way when the run gives up fail as the pool closes: nobody waits for them.
    for (const piece of inFlight) piece.catch(() => {});
    await pool?.close();
  }
}

function countLineFeeds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
