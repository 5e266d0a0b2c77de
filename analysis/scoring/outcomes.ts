export interface OutcomesParseResult {
  outcomes: Map<string, boolean>;
  errors: Array<{ line: number; reason: string }>;
}

const TRUE = new Set(['1', 'true', 'yes', 'ja']);
const FALSE = new Set(['0', 'false', 'no', 'nein']);

/** Outcomes CSV `customer_id,defaulted` (0/1; comma or semicolon); bad lines are reported, not fatal. */
export function parseOutcomesCsv(text: string): OutcomesParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const sep = (lines[0] ?? '').includes(';') ? ';' : ',';
  const header = (lines[0] ?? '').split(sep).map((h) => h.trim().toLowerCase());
  const idCol = header.indexOf('customer_id');
  const outCol = header.indexOf('defaulted');
  const outcomes = new Map<string, boolean>();
  const errors: OutcomesParseResult['errors'] = [];
  if (idCol < 0 || outCol < 0) {
    errors.push({ line: 1, reason: 'header must name the columns customer_id and defaulted' });
    return { outcomes, errors };
  }
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const cells = raw.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    const id = cells[idCol] ?? '';
    const value = (cells[outCol] ?? '').toLowerCase();
    if (id === '') return void errors.push({ line, reason: 'customer_id is empty' });
    if (!TRUE.has(value) && !FALSE.has(value)) return void errors.push({ line, reason: `defaulted must be 0 or 1, got "${value}"` });
    if (outcomes.has(id)) return void errors.push({ line, reason: `customer ${id} appears twice` });
    outcomes.set(id, TRUE.has(value));
  });
  return { outcomes, errors };
}
