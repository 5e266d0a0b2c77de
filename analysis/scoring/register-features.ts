import { toDay } from './ledger-features.js';

/** What the commercial register says about a company; every field is optional. */
export interface RegisterFacts {
  /** Date of registration, YYYY-MM-DD. */
  foundedOn?: string;
  /** Legal form as written in the register: "GmbH", "AG", "UG (haftungsbeschränkt)", "Ltd", "Einzelunternehmen"… */
  legalForm?: string;
  /** Share capital in the register's currency. */
  capital?: number;
  /** Dates (YYYY-MM-DD) of changes to the persons authorised to sign. */
  signatoryChanges?: string[];
  /** Dates (YYYY-MM-DD) of changes of the registered address. */
  addressChanges?: string[];
  /** Link to the register entry, used as evidence. */
  sourceUrl?: string;
}

/** Register facts as bounded scorecard inputs (0 = no concern) plus the words behind them. */
export interface RegisterFeatures {
  companyAge: number;
  legalForm: number;
  lowCapital: number;
  recentChanges: number;
  ageYears?: number;
  changesLast12Months: number;
  evidence: string[];
}

/**
 * Legal forms by how much a creditor can recover: minimal-capital forms first. Unknown
 * forms count as 0, so a missing register entry never makes a customer look worse.
 */
const LEGAL_FORM_RISK: Array<[RegExp, number]> = [
  [/\bug\b|unternehmergesellschaft|haftungsbeschr/i, 1],
  [/einzel(unternehmen|firma|kaufmann)|sole trader|entreprise individuelle|\be\.k\./i, 0.5],
  [/\bltd\b|limited\b/i, 0.5],
  [/gmbh|s[àa]rl|\bkg\b|\bohg\b|llp|genossenschaft|coop/i, 0.25],
  [/\bag\b|\bsa\b|\bplc\b|\bse\b|aktiengesellschaft/i, 0],
];

/** Pure: register facts as of asOf. Changes after asOf are not known yet and are ignored. */
export function computeRegisterFeatures(facts: RegisterFacts | undefined, asOf: Date): RegisterFeatures | undefined {
  if (!facts) return undefined;
  const today = Math.floor(asOf.getTime() / 86_400_000);
  const evidence: string[] = facts.sourceUrl ? [facts.sourceUrl] : [];

  let companyAge = 0;
  let ageYears: number | undefined;
  if (facts.foundedOn) {
    ageYears = Math.max(0, (today - toDay(facts.foundedOn)) / 365.25);
    // Young companies fail far more often; the first two years are the riskiest.
    companyAge = ageYears < 2 ? 1 : ageYears < 5 ? 0.5 : 0;
  }

  let legalForm = 0;
  if (facts.legalForm) {
    legalForm = LEGAL_FORM_RISK.find(([re]) => re.test(facts.legalForm!))?.[1] ?? 0;
  }

  let lowCapital = 0;
  if (facts.capital !== undefined) lowCapital = facts.capital < 5000 ? 1 : facts.capital < 20000 ? 0.5 : 0;

  const recent = (dates: string[] | undefined) =>
    (dates ?? []).filter((d) => {
      const age = today - toDay(d);
      return age >= 0 && age <= 365;
    }).length;
  const changes = recent(facts.signatoryChanges) + recent(facts.addressChanges);
  const recentChanges = changes >= 2 ? 1 : changes === 1 ? 0.5 : 0;

  return { companyAge, legalForm, lowCapital, recentChanges, ageYears, changesLast12Months: changes, evidence };
}
