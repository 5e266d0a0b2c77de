/**
 * The CSV tokenizer shared by the watchlist and ledger imports.
 *
 * Real exports from accounting packages and spreadsheets differ in ways that matter: a
 * byte-order mark, `;` (Excel in German/French locales) or a tab (Excel's "Unicode text")
 * instead of `,`, CRLF, title lines above the header. The delimiter is the one used most in the
 * first lines outside quotes. Quoted fields may contain delimiters, doubled quotes and line
 * breaks; `line` is the 1-based line on which a row starts, for line-numbered errors.
 *
 * `CsvTokenizer` takes text in chunks of any size and hands out rows as soon as they are
 * complete, so a two-gigabyte file never exists as one string (bench/ledger.bench.ts measures
 * it against csv-parse and a bare line split).
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvError {
  line: number;
  reason: string;
}

export interface ParsedCsv {
  header: string[];
  rows: CsvRow[];
  delimiter: CsvDelimiter;
  /** Structural problems, such as a quote that is never closed (the rest of the file became one cell). */
  errors: CsvError[];
}

/** Whole text → header (first non-blank row) and rows; for small files such as the watchlist. */
export function parseCsv(text: string): ParsedCsv {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(src.slice(0, 65_536));
  const all: CsvRow[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (row) => {
    if (!isBlankRow(row.cells)) all.push(row);
  });
  tokenizer.push(src);
  tokenizer.end();
  const first = all.shift();
  return { header: first ? first.cells.map((h) => h.trim()) : [], rows: all, delimiter, errors: tokenizer.errors };
}

export function isBlankRow(cells: string[]): boolean {
  for (const c of cells) if (c.length > 0 && (c.charCodeAt(0) > 32 || c.trim() !== '')) return false;
  return true;
}

/** The delimiter used most often outside quotes in the first lines (title lines above a header count little). */
export function detectDelimiter(head: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < head.length && lines < 30; i++) {
    const c = head[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n') lines++;
    else if (c === ',' || c === ';' || c === '\t') counts[c]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/**
 * The index after the last line break of `text` that lies outside quotes (−1 when there is none),
 * `text` starting outside quotes: where a file can be cut into pieces that tokenize on their own.
 * Quotes are counted, not parsed; a stray quote inside a cell can make a cut fall inside a quoted
 * field, which the tokenizer of that piece then reports as a quote left open.
 */
export function lastRecordEnd(text: string): number {
  let q = text.indexOf('"');
  if (q < 0) return text.lastIndexOf('\n') + 1 || -1;
  // Quote positions split the text into stretches that are alternately outside and inside quotes.
  const quotes: number[] = [];
  while (q >= 0) {
    quotes.push(q);
    q = text.indexOf('"', q + 1);
  }
  let end = text.length;
  for (let k = quotes.length; k >= 0; k--) {
    const start = k === 0 ? 0 : quotes[k - 1]! + 1;
    if (k % 2 === 0) {
      const nl = text.lastIndexOf('\n', end - 1);
      if (nl >= start) return nl + 1;
    }
    end = start - 1;
  }
  return -1;
}

/**
 * Incremental tokenizer: `push` text as it arrives, rows are handed to `onRow` as soon as they
 * are complete; `end` flushes the last row and reports a quote left open.
 */
export class CsvTokenizer {
  readonly errors: CsvError[] = [];
  private rest = '';
  private line: number;

  /** `firstLine`: the file's line number of the first text pushed (a piece of a file read in parallel). */
  constructor(
    readonly delimiter: CsvDelimiter,
    private readonly onRow: (row: CsvRow) => void,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** The line the next row starts on. */
  get nextLine(): number {
    return this.line;
  }

  push(chunk: string): void {
    const src = this.rest === '' ? chunk : this.rest + chunk;
    this.rest = '';
    const delimiter = this.delimiter;
    if (src.indexOf('"') < 0) {
      // Fastest path: a chunk without any quote is split into lines and cells at once.
      const lines = src.split('\n');
      this.rest = lines.pop()!;
      const onRow = this.onRow;
      let line = this.line;
      for (const l of lines) {
        const text = l.length > 0 && l.charCodeAt(l.length - 1) === 13 ? l.slice(0, -1) : l;
        onRow({ line: line++, cells: text.split(delimiter) });
      }
      this.line = line;
      return;
    }
    let i = 0;
    const n = src.length;
    while (i < n) {
      const end = src.indexOf('\n', i);
      if (end < 0) {
        this.rest = src.slice(i);
        return;
      }
      const lineEnd = end > i && src.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const text = src.slice(i, lineEnd);
      if (text.indexOf('"') < 0) {
        // Fast path: most lines of real exports have no quotes and are split at once.
        this.onRow({ line: this.line, cells: text.split(delimiter) });
        this.line++;
        i = end + 1;
        continue;
      }
      const next = this.quotedRow(src, i, false);
      if (next < 0) {
        this.rest = src.slice(i);
        return;
      }
      i = next;
    }
  }

  end(): void {
    if (this.rest === '') return;
    const src = this.rest;
    this.rest = '';
    this.quotedRow(src, 0, true);
  }

  /** Reads one row with quotes starting at `start`; returns the index after it, or −1 when more text is needed. */
  private quotedRow(src: string, start: number, final: boolean): number {
    const delimiter = this.delimiter;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let breaks = 0;
    let i = start;
    const n = src.length;
    while (i < n) {
      const c = src[i]!;
      if (quoted) {
        if (c === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          if (i + 1 >= n && !final) return -1; // cannot tell "" from " yet
          quoted = false;
        } else if (c === '\r') {
          // A CR inside quotes followed by LF is one line break, kept as \n.
          if (src[i + 1] === '\n') i++;
          breaks++;
          cell += '\n';
        } else {
          if (c === '\n') breaks++;
          cell += c;
        }
        i++;
        continue;
      }
      if (c === '"' && cell.trim() === '') {
        quoted = true;
        cell = '';
      } else if (c === delimiter) {
        cells.push(cell);
        cell = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && src[i + 1] === '\n') i++;
        cells.push(cell);
        this.onRow({ line: this.line, cells });
        this.line += breaks + 1;
        return i + 1;
      } else cell += c;
      i++;
    }
    if (!final) return -1;
    if (quoted) {
      this.errors.push({ line: this.line, reason: 'a quoted field opened on this line is never closed' });
      // Keep the row out: its last cell swallowed the rest of the file and would be garbage.
      return n;
    }
    cells.push(cell);
    this.onRow({ line: this.line, cells });
    this.line += breaks + 1;
    return n;
  }
}
