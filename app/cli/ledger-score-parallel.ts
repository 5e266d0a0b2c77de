import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { LineRow } from '../../collectors/ledger/group-customers.js';
import { decodeChunks } from '../../collectors/ledger/decode-text.js';
import { LedgerRecordReader } from '../../collectors/ledger/parse-ledger.js';
import { isBexioJson } from '../../collectors/ledger/parse-bexio.js';
import { isDatevExtf } from '../../collectors/ledger/parse-datev.js';
import type { LedgerIssue, ReadLedgerFileOptions } from '../../collectors/ledger/read-ledger-file.js';
import { CsvTokenizer, detectDelimiter, lastRecordEnd } from '../../platform/csv.js';
import type { TextSink } from '../../platform/text-sink.js';
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
  let pool: WorkerPool | undefined;
  let reportedUpTo = 0;
  let scored = 0;
  let open: LineRow[] | undefined;
  const seen = new Set<string>();
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
    const inFlight: Array<Promise<PieceResult>> = [];
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
        pool = new WorkerPool(input.threads, { settings: input.settings, options: input.options, delimiter: probe.tokenizer.delimiter, state });
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
    await pool?.close();
  }
}

function countLineFeeds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Worker threads running pieces round robin; a result comes back as the promise of its task. */
class WorkerPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (r: PieceResult) => void; reject: (e: Error) => void }>();
  private next = 0;
  private failed?: Error;

  constructor(size: number, setup: WorkerSetup) {
    const entry = workerEntry();
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(entry.script, { workerData: { ledgerScore: setup }, eval: entry.eval });
      w.on('message', (r: PieceResult) => {
        const p = this.waiting.get(r.seq);
        this.waiting.delete(r.seq);
        p?.resolve(r);
      });
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (this.waiting.size > 0) this.fail(new Error(`a ledger score worker exited (code ${code}) with pieces unscored`));
      });
      return w;
    });
  }

  run(task: PieceTask): Promise<PieceResult> {
    if (this.failed) return Promise.reject(this.failed);
    const worker = this.workers[this.next++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(task.seq, { resolve, reject });
      worker.postMessage(task);
    });
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const p of this.waiting.values()) p.reject(err);
    this.waiting.clear();
  }

  /** Stops every worker; results still on their way are dropped (the caller gave up on them). */
  async close(): Promise<void> {
    this.failed ??= new Error('the worker pool is closed');
    this.waiting.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * The worker's module beside this one: the compiled entry in dist/, or the TypeScript source
 * when the sources run (tests, `npm run dev`), which tsx compiles in the worker too. `import.meta`
 * is read through a variable on purpose: the build rewrites the literal `import.meta.url` to the
 * source file's location (for assets read from beside the sources), and the compiled worker lies
 * beside the bundle, not the source.
 */
function workerEntry(): { script: string | URL; eval: boolean } {
  const meta = import.meta;
  if (!meta.url.endsWith('.ts')) return { script: new URL('./ledger-score.worker.js', meta.url), eval: false };
  const source = new URL('./ledger-score.worker.ts', meta.url).href;
  return { script: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, eval: true };
}
