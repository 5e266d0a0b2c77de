import type { RegisterEntry, CompanyStatus } from '../../platform/registers/register-entry.js';
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
  /** Whether the company still trades, per the register (worst of all registers asked). */
  status?: CompanyStatus;
  /** The register's own words for the status, and which register said it. */
  statusDetail?: string;
  registerName?: string;
  dissolvedOn?: string;
  accountsOverdue?: boolean;
  confirmationStatementOverdue?: boolean;
  hasInsolvencyHistory?: boolean;
  hasBeenLiquidated?: boolean;
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

const STATUS_RANK: Record<CompanyStatus, number> = { unknown: 0, active: 1, insolvent: 3, in_liquidation: 4, struck_off: 5, dissolved: 5 };
/** Registers asked first win for descriptive facts: the commercial register over the UID register. */
const PRECEDENCE = ['zefix', 'companies-house', 'edgar', 'uid-register', 'de-register', 'de-insolvency', 'shab'];

/** Pure: the entries the registers returned for one company → its register facts (the worst status wins). */
export function registerFactsFrom(entries: readonly RegisterEntry[]): RegisterFacts | undefined {
  if (entries.length === 0) return undefined;
  const sorted = [...entries].sort((a, b) => PRECEDENCE.indexOf(a.register) - PRECEDENCE.indexOf(b.register));
  const worst = [...sorted].sort((a, b) => STATUS_RANK[b.status] - STATUS_RANK[a.status])[0]!;
  const pick = <K extends keyof RegisterEntry>(k: K) => sorted.find((e) => e[k] !== undefined)?.[k];
  const founded = sorted.map((e) => e.foundedOn).filter((d): d is string => !!d).sort()[0];
  const capital = pick('capital');
  const signatoryChanges = [...new Set(sorted.flatMap((e) => e.officerChanges.map((c) => `${c.date}|${c.kind}|${c.name}`)))].map((k) => k.split('|')[0]!);
  const addressChanges = [...new Set(sorted.flatMap((e) => e.addressChanges))];
  const any = (k: 'accountsOverdue' | 'confirmationStatementOverdue' | 'hasInsolvencyHistory' | 'hasBeenLiquidated') => sorted.some((e) => e[k] === true) || undefined;
  const facts: RegisterFacts = {
    ...(founded ? { foundedOn: founded } : {}),
    ...(pick('legalForm') ? { legalForm: pick('legalForm') as string } : {}),
    ...(capital ? { capital: (capital as { amount: number }).amount } : {}),
    signatoryChanges,
    addressChanges,
    sourceUrl: (worst.status !== 'unknown' ? worst : sorted[0]!).url,
    status: worst.status,
    ...(worst.statusDetail ? { statusDetail: worst.statusDetail } : {}),
    registerName: worst.register,
    ...(worst.dissolvedOn ? { dissolvedOn: worst.dissolvedOn } : {}),
  };
  for (const k of ['accountsOverdue', 'confirmationStatementOverdue', 'hasInsolvencyHistory', 'hasBeenLiquidated'] as const) {
    if (any(k)) facts[k] = true;
  }
  return facts;
}

export interface RegisterOverride {
  grade: 'E';
  /** Decline outright (the company is gone or being wound up); otherwise full prepayment. */
  decline: boolean;
  reason: { en: string; de: string };
  /** What is on record, for the terms reasons ("Dissolution is on record"). */
  label: { en: string; de: string };
  evidence: string[];
}

const STATUS_WORDS: Partial<Record<CompanyStatus, { en: string; de: string; label: { en: string; de: string } }>> = {
  dissolved: { en: 'dissolved', de: 'aufgelöst/gelöscht', label: { en: 'Dissolution in the register', de: 'Die Löschung im Register' } },
  struck_off: { en: 'struck off the register', de: 'im Register gelöscht', label: { en: 'Striking off the register', de: 'Die Löschung im Register' } },
  in_liquidation: { en: 'in liquidation', de: 'in Liquidation', label: { en: 'Liquidation in the register', de: 'Die Liquidation laut Register' } },
  insolvent: { en: 'in insolvency proceedings', de: 'in einem Insolvenzverfahren', label: { en: 'Insolvency proceedings in the register', de: 'Das Insolvenzverfahren laut Register' } },
};

/**
 * Pure: the hard register overrides. Dissolved, struck off, in liquidation or in insolvency
 * proceedings → E and decline; liquidated before or with insolvency history → E with full
 * prepayment (the company trades again, but a creditor has lost money to it before).
 */
export function registerOverride(facts: RegisterFacts | undefined): RegisterOverride | undefined {
  if (!facts) return undefined;
  const evidence = facts.sourceUrl ? [facts.sourceUrl] : [];
  const words = facts.status ? STATUS_WORDS[facts.status] : undefined;
  if (words) {
    const when = facts.dissolvedOn ? ` since ${facts.dissolvedOn}` : '';
    const whenDe = facts.dissolvedOn ? ` seit ${facts.dissolvedOn}` : '';
    return { grade: 'E', decline: true, reason: { en: `The register lists the company as ${words.en}${when}`, de: `Laut Register ist die Firma ${words.de}${whenDe}` }, label: words.label, evidence };
  }
  if (facts.hasBeenLiquidated || facts.hasInsolvencyHistory) {
    return {
      grade: 'E',
      decline: false,
      reason: facts.hasBeenLiquidated
        ? { en: 'The register shows the company has been liquidated before', de: 'Laut Register wurde die Firma bereits einmal liquidiert' }
        : { en: 'The register shows an insolvency history', de: 'Laut Register gab es bereits ein Insolvenzverfahren' },
      label: { en: 'Insolvency history', de: 'Frühere Insolvenz' },
      evidence,
    };
  }
  return undefined;
}

/** Fixed log-odds for late register filings (not fitted: a user's ledger history rarely has them). */
export const OVERDUE_FILING_LOGIT = { accounts: 1.0, confirmationStatement: 0.5 } as const;

export interface RegisterRisk {
  name: string;
  logit: number;
  evidence: string[];
  en: string;
  de: string;
}

/** Pure: register facts that count as risk beyond the scorecard features: overdue accounts and returns. */
export function registerRisks(facts: RegisterFacts | undefined): RegisterRisk[] {
  if (!facts) return [];
  const evidence = facts.sourceUrl ? [facts.sourceUrl] : [];
  const out: RegisterRisk[] = [];
  if (facts.accountsOverdue) out.push({ name: 'register_accounts_overdue', logit: OVERDUE_FILING_LOGIT.accounts, evidence, en: 'Annual accounts are overdue at the register.', de: 'Der Jahresabschluss ist beim Register überfällig.' });
  if (facts.confirmationStatementOverdue) out.push({ name: 'register_confirmation_overdue', logit: OVERDUE_FILING_LOGIT.confirmationStatement, evidence, en: 'The confirmation statement is overdue at the register.', de: 'Die jährliche Bestätigung ist beim Register überfällig.' });
  return out;
}
