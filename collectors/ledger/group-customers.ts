import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { LedgerRow } from '../../platform/schemas/index.js';
import { TextSink } from '../../platform/text-sink.js';

export interface LineRow {
  line: number;
  row: LedgerRow;
}

/**
 * Rows of a file sorted by customer → one group per customer as soon as it is complete, so a
 * ledger of any size is scored or imported with one customer in memory at a time. When a
 * customer comes back after another started, the file is not sorted: `unsorted` turns true and
 * the caller starts over with an ExternalSorter.
 */
export class ContiguousGrouper {
  unsorted = false;
  private current: LineRow[] = [];
  private currentId: string | undefined;
  private readonly done = new Set<string>();

  /** Adds a row; returns the previous customer's group when this row starts a new customer. */
  push(item: LineRow): LineRow[] | undefined {
    const id = item.row.customerId;
    if (id === this.currentId) {
      this.current.push(item);
      return undefined;
    }
    if (this.done.has(id)) this.unsorted = true;
    const finished = this.current;
    if (this.currentId !== undefined) this.done.add(this.currentId);
    this.currentId = id;
    this.current = [item];
    return finished.length > 0 ? finished : undefined;
  }

  end(): LineRow[] | undefined {
    const finished = this.current;
    this.current = [];
    return finished.length > 0 ? finished : undefined;
  }
}

/**
 * Sorts rows by customer on disk when the file is not sorted: runs of `runSize` rows are sorted
 * in memory and written as JSON lines to a temporary folder, then merged; memory stays at one
 * run plus one line per run.
 */
export class ExternalSorter {
  private run: LineRow[] = [];
  private readonly runs: string[] = [];
  private dir?: string;

  constructor(private readonly runSize = 200_000) {}

  async push(item: LineRow): Promise<void> {
    this.run.push(item);
    if (this.run.length >= this.runSize) await this.flush();
  }

  /** Every customer's rows, customers in id order, rows in file order. */
  async *groups(): AsyncGenerator<LineRow[]> {
    try {
      if (this.runs.length === 0) {
        // Everything fitted into one run: no disk needed.
        this.run.sort(byCustomerThenLine);
        yield* groupSorted(this.run);
        return;
      }
      await this.flush();
      const readers = this.runs.map((file) => createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }), crlfDelay: Infinity })[Symbol.asyncIterator]());
      const heads: Array<LineRow | undefined> = await Promise.all(readers.map(async (r) => parseLine((await r.next()).value)));
      let group: LineRow[] = [];
      for (;;) {
        let min = -1;
        for (let i = 0; i < heads.length; i++) if (heads[i] && (min < 0 || byCustomerThenLine(heads[i]!, heads[min]!) < 0)) min = i;
        if (min < 0) break;
        const item = heads[min]!;
        heads[min] = parseLine((await readers[min]!.next()).value);
        if (group.length > 0 && group[0]!.row.customerId !== item.row.customerId) {
          yield group;
          group = [];
        }
        group.push(item);
      }
      if (group.length > 0) yield group;
    } finally {
      if (this.dir) await rm(this.dir, { recursive: true, force: true });
    }
  }

  private async flush(): Promise<void> {
    if (this.run.length === 0) return;
    this.dir ??= await mkdtemp(path.join(os.tmpdir(), 'bonitor-ledger-sort-'));
    const file = path.join(this.dir, `run-${this.runs.length}.jsonl`);
    this.run.sort(byCustomerThenLine);
    const out = new TextSink(createWriteStream(file));
    for (const item of this.run) {
      const busy = out.writeLine(JSON.stringify([item.line, item.row]));
      if (busy) await busy;
    }
    await out.end();
    this.runs.push(file);
    this.run = [];
  }
}

function parseLine(line: string | undefined): LineRow | undefined {
  if (line === undefined || line === '') return undefined;
  const [l, row] = JSON.parse(line) as [number, LedgerRow];
  return { line: l, row };
}

function byCustomerThenLine(a: LineRow, b: LineRow): number {
  const x = a.row.customerId;
  const y = b.row.customerId;
  return x < y ? -1 : x > y ? 1 : a.line - b.line;
}

function* groupSorted(items: LineRow[]): Generator<LineRow[]> {
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    if (i === items.length || items[i]!.row.customerId !== items[start]!.row.customerId) {
      yield items.slice(start, i);
      start = i;
    }
  }
}
