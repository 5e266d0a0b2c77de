import type { RegisterIds } from '../../platform/schemas/index.js';
import { normaliseCik } from './edgar.js';
import { companyNumbersIn } from './gazette.js';
import { normaliseUid } from './shab.js';

const UID = /\bCHE[-‐ ]?\d{3}\.?\d{3}\.?\d{3}\b/g;
const HRB = /\bHR\s?([AB])\s?(\d{1,6})(?:\s?([A-Z]{1,3}))?\b/g;
const CIK = /\bCIK[:#\s]*(\d{1,10})\b/gi;
const LEI = /\bLEI[:\s]*([A-Z0-9]{18}\d{2})\b/g;

/**
 * Register identifiers stated in a register notice's text (CHE-UID, HRB, UK company number,
 * CIK, LEI), so linking can match exactly. Only used for register sources: a news article
 * mentioning a number does not make it the subject.
 */
export function registerIdsIn(text: string): RegisterIds | undefined {
  const uid = unique([...text.matchAll(UID)].map((m) => normaliseUid(m[0])));
  const hrb = unique([...text.matchAll(HRB)].map((m) => `HR${m[1]} ${m[2]}${m[3] ? ` ${m[3]}` : ''}`));
  const companyNumber = companyNumbersIn(text);
  const cik = unique([...text.matchAll(CIK)].map((m) => normaliseCik(m[1]!)));
  const lei = unique([...text.matchAll(LEI)].map((m) => m[1]!));
  const ids: RegisterIds = {
    ...(uid.length ? { uid } : {}),
    ...(hrb.length ? { hrb } : {}),
    ...(companyNumber.length ? { companyNumber } : {}),
    ...(cik.length ? { cik } : {}),
    ...(lei.length ? { lei } : {}),
  };
  return Object.keys(ids).length > 0 ? ids : undefined;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
