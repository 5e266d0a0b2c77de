/**
 * Register ids as people type them, recognised and written canonically. A bare number of up
 * to eight digits may be a UK company number or an SEC CIK: both are returned and both
 * registers are asked.
 */
export type RegisterIdKind = 'uid' | 'companyNumber' | 'cik' | 'hrb';

export interface ParsedRegisterId {
  kind: RegisterIdKind;
  /** Canonical form: "CHE-123.456.789", "08957400", "0001045810", "HRB 731772". */
  value: string;
  /** German registers: the court (Amtsgericht) when given, "Ulm". */
  court?: string;
}

/** Swiss UID check digit: weights 5 4 3 2 7 6 5 4 over the first eight digits, mod 11. */
export function isValidUid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const weights = [5, 4, 3, 2, 7, 6, 5, 4];
  const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[8]);
}

export function formatUid(digits: string): string {
  return `CHE-${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}`;
}

export function formatCompanyNumber(raw: string): string {
  const m = /^([A-Z]{2})?(\d+)$/i.exec(raw.trim());
  if (!m) return raw.trim().toUpperCase();
  const prefix = (m[1] ?? '').toUpperCase();
  return prefix + m[2]!.padStart(8 - prefix.length, '0');
}

export function formatCik(raw: string): string {
  return raw.replace(/\D/g, '').padStart(10, '0');
}

const UK_PREFIXES = /^(SC|NI|OC|SO|NC|R0|IP|SP|RC|SR|LP|SL|NL|FC|SF|NF|GE|GS|GN|ES|NO|AC|SA|NA|NP|NZ|IC|SI|NV|RS|SZ|CE|CS|PC)\d{6}$/i;

/** Every register id the text can be read as ([] for a name). */
export function parseRegisterId(text: string): ParsedRegisterId[] {
  const q = text.trim().replace(/\s+/g, ' ');
  const uid = /^CHE[-\s.]?(\d{3})[.\s]?(\d{3})[.\s]?(\d{3})(?:\s*(?:MWST|TVA|IVA|HR|RC))?$/i.exec(q);
  if (uid) return [{ kind: 'uid', value: formatUid(uid[1]! + uid[2]! + uid[3]!) }];
  const cik = /^CIK[:\s#-]*(\d{1,10})$/i.exec(q);
  if (cik) return [{ kind: 'cik', value: formatCik(cik[1]!) }];
  const hrb = /^(HR[AB]|GnR|PR|VR)\s?(\d{1,7})(?:\s?([A-Z]{1,2}))?(?:[\s,]+(?:(?:Amtsgericht|AG)\s+)?([A-Za-zÄÖÜäöüß][\wÄÖÜäöüß .()-]*))?$/i.exec(q);
  if (hrb) {
    const value = `${hrb[1]!.toUpperCase()} ${hrb[2]}${hrb[3] ? ` ${hrb[3].toUpperCase()}` : ''}`;
    return [{ kind: 'hrb', value, ...(hrb[4] ? { court: hrb[4].trim() } : {}) }];
  }
  const compact = q.replace(/\s/g, '');
  if (UK_PREFIXES.test(compact)) return [{ kind: 'companyNumber', value: compact.toUpperCase() }];
  if (/^\d{9,10}$/.test(compact)) return [{ kind: 'cik', value: formatCik(compact) }];
  if (/^\d{8}$/.test(compact)) return [{ kind: 'companyNumber', value: compact }, { kind: 'cik', value: formatCik(compact) }];
  if (/^\d{5,7}$/.test(compact)) return [{ kind: 'companyNumber', value: formatCompanyNumber(compact) }, { kind: 'cik', value: formatCik(compact) }];
  return [];
}

/** The register ids of a watchlist entry (its `registerIds` column), each read as above. */
export function parseRegisterIds(ids: readonly string[]): ParsedRegisterId[] {
  const out: ParsedRegisterId[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    for (const p of parseRegisterId(id)) {
      const key = `${p.kind}:${p.value}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(p);
      }
    }
  }
  return out;
}
