/**
 * A small CSV tokenizer shared by the watchlist and ledger imports.
 *
 * Real exports from accounting packages and spreadsheets differ in three ways that matter:
 * a UTF-8 byte-order mark, `;` instead of `,` (Excel in German/French locales), and CRLF.
 * The delimiter is detected from the header line (outside quotes), so a `;` inside a quoted
 * header name does not confuse it. Quoted fields may contain delimiters, doubled quotes and
 * line breaks; `line` is the 1-based line on which a row starts, for line-numbered errors.
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  header: string[];
  rows: CsvRow[];
  delimiter: ',' | ';';
  /** Structural problems, such as a quote that is never closed (the rest of the file became one cell). */
  errors: Array<{ line: number; reason: string }>;
}

export function parseCsv(text: string): ParsedCsv {
  const stream = streamCsv(text);
  const rows = [...stream.rows];
  return { header: stream.header, rows, delimiter: stream.delimiter, errors: stream.errors };
}

/** Like parseCsv, but rows are produced one at a time (a two-million-row ledger never holds all its cells at once). */
export interface CsvStream {
  header: string[];
  delimiter: ',' | ';';
  rows: Iterable<CsvRow>;
  /** Filled while `rows` is iterated. */
  errors: ParsedCsv['errors'];
}

export function streamCsv(text: string): CsvStream {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(src);
  const errors: ParsedCsv['errors'] = [];
  const records = tokenizeCsv(src, delimiter, errors);
  // next() by hand: breaking out of a for…of would close the generator.
  let first: CsvRow | undefined;
  for (let n = records.next(); !n.done; n = records.next()) {
    if (!isBlank(n.value.cells)) {
      first = n.value;
      break;
    }
  }
  const header = first ? first.cells.map((h) => h.trim()) : [];
  function* rest(): Generator<CsvRow> {
    if (!first) return;
    for (let n = records.next(); !n.done; n = records.next()) if (!isBlank(n.value.cells)) yield n.value;
  }
  return { header, delimiter, rows: rest(), errors };
}

function isBlank(cells: string[]): boolean {
  return cells.length === 0 || (cells.length === 1 && cells[0]!.trim() === '');
}

/** Counts `,` and `;` in the first line outside quotes; ties and no delimiter fall back to `,`. */
function detectDelimiter(src: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (commas + semicolons > 0) break; // skip leading blank lines
    } else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function* tokenizeCsv(src: string, delimiter: string, errors: ParsedCsv['errors']): Generator<CsvRow> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = (): CsvRow => {
    cells.push(cell);
    const row = { line: rowLine, cells };
    cells = [];
    cell = '';
    return row;
  };
  while (i < src.length) {
    // Fast path: a whole line without quotes is split at once (most rows of real exports).
    if (!quoted && cell === '' && cells.length === 0) {
      let end = src.indexOf('\n', i);
      if (end < 0) end = src.length;
      const lineText = src.charCodeAt(end - 1) === 13 ? src.slice(i, end - 1) : src.slice(i, end);
      if (!lineText.includes('"') && !lineText.includes('\r')) {
        const row = { line: rowLine, cells: lineText.split(delimiter) };
        i = end + 1;
        line++;
        rowLine = line;
        yield row;
        continue;
      }
    }
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        // A CR inside quotes followed by LF is one line break, kept as \n.
        if (c === '\r') {
          if (src[i + 1] === '\n') i++;
          line++;
          cell += '\n';
        } else cell += c;
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
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      const row = endRow();
      line++;
      rowLine = line;
      i++;
      yield row;
      continue;
    } else cell += c;
    i++;
  }
  if (quoted) {
    errors.push({ line: rowLine, reason: 'a quoted field opened on this line is never closed' });
    // Keep the row out: its last cell swallowed the rest of the file and would be garbage.
    return;
  }
  if (cell !== '' || cells.length > 0) yield endRow();
}
