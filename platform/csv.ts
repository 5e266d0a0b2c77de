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
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(src);
  const { rows: records, errors } = tokenizeCsv(src, delimiter);
  const first = records.find((r) => !isBlank(r.cells));
  if (!first) return { header: [], rows: [], delimiter, errors };
  const header = first.cells.map((h) => h.trim());
  const rows = records.filter((r) => r !== first && r.line > first.line && !isBlank(r.cells));
  return { header, rows, delimiter, errors };
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

function tokenizeCsv(src: string, delimiter: string): { rows: CsvRow[]; errors: ParsedCsv['errors'] } {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < src.length) {
    // Fast path: a whole line without quotes is split at once (most rows of real exports).
    if (!quoted && cell === '' && cells.length === 0) {
      let end = src.indexOf('\n', i);
      if (end < 0) end = src.length;
      const lineText = src.charCodeAt(end - 1) === 13 ? src.slice(i, end - 1) : src.slice(i, end);
      if (!lineText.includes('"') && !lineText.includes('\r')) {
        rows.push({ line: rowLine, cells: lineText.split(delimiter) });
        i = end + 1;
        line++;
        rowLine = line;
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
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
    i++;
  }
  const errors: ParsedCsv['errors'] = [];
  if (quoted) {
    errors.push({ line: rowLine, reason: 'a quoted field opened on this line is never closed' });
    // Keep the row out: its last cell swallowed the rest of the file and would be garbage.
    return { rows, errors };
  }
  if (cell !== '' || cells.length > 0) endRow();
  return { rows, errors };
}
