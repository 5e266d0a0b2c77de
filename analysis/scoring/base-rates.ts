import { sectionOfCode } from '../industry/index.js';

/**
 * Published rates the untrained scorecard rests on (sources and dates in the README, "Where the
 * untrained PDs come from"). Not fitted: a user's own history rarely covers enough industries.
 */

/**
 * Company insolvencies per 10,000 companies by NACE section, Germany, first three quarters of 2024
 * (Destatis): all sections 47; transport and storage 91, construction 72, other business services
 * (e.g. temporary work agencies) 70, accommodation and food 64. Sections the statistic does not
 * single out count as average (ratio 1): a customer is never made to look better than the average
 * by an industry we have no published rate for.
 */
const INSOLVENCIES_PER_10000 = { all: 47, H: 91, F: 72, N: 70, I: 64 } as const;

export interface IndustryBaseRate {
  section: string;
  /** Sector insolvency rate over the all-sector rate. */
  ratio: number;
  /** ln(ratio): what the sector adds to the log-odds of default. */
  logit: number;
}

/** Pure: the industry's published insolvency frequency relative to the average, for a NOGA / NACE code. */
export function industryBaseRate(industry: string | undefined): IndustryBaseRate | undefined {
  const section = industry ? sectionOfCode(industry) : undefined;
  if (!section || !(section in INSOLVENCIES_PER_10000)) return undefined;
  const rate = INSOLVENCIES_PER_10000[section as keyof typeof INSOLVENCIES_PER_10000];
  const ratio = Math.round((rate / INSOLVENCIES_PER_10000.all) * 100) / 100;
  return { section, ratio, logit: Math.log(ratio) };
}
