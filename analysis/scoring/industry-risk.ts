import type { Signal } from '../../platform/schemas/signal.js';
import { DEFAULT_SIGNAL_MODEL, type SignalModel } from './weights.js';
import { sectionOfCode } from '../industry/index.js';

const DAY_MS = 86_400_000;
/** Load at which the index reaches 1 − 1/e ≈ 0.63: about one confirmed insolvency in the sector. */
const SATURATION = 4;

export interface IndustryRisk {
  /** 0 (calm) … 1 (industry in crisis). */
  index: number;
  /** Source links of the signals behind it, strongest first. */
  evidence: string[];
  signalCount: number;
}

/**
 * NOGA / NACE codes match when one is a prefix of the other ("47" covers "47.11" and "4711"),
 * or when a section letter covers the division ("F" covers "43.2": news is linked to sections).
 */
export function industryMatches(customerIndustry: string, signalIndustry: string): boolean {
  const a = customerIndustry.replace(/[.\s]/g, '');
  const b = signalIndustry.replace(/[.\s]/g, '');
  if (a === '' || b === '') return false;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  const [sa, sb] = [sectionOfCode(a), sectionOfCode(b)];
  return sa !== undefined && sa === sb && (/^[A-U]$/i.test(a) || /^[A-U]$/i.test(b));
}

/**
 * Pure: the industry risk index from signals about an industry. Unlike reports about one
 * company, these are usually different events (several firms of a sector failing), so their
 * weights add up, with decay and confidence, and saturate smoothly towards 1.
 */
export function computeIndustryRisk(
  industry: string,
  signals: readonly Signal[],
  asOf: Date,
  model: SignalModel = DEFAULT_SIGNAL_MODEL,
  sourceCredibility: Readonly<Record<string, number>> = {},
): IndustryRisk {
  const now = asOf.getTime();
  const weighted: Array<{ url: string; load: number }> = [];
  for (const s of signals) {
    if (s.ambiguous || !s.industry || !industryMatches(industry, s.industry)) continue;
    const age = (now - Date.parse(s.occurredAt)) / DAY_MS;
    if (age < 0 || age > model.maxAgeDays) continue;
    const strength = s.confidence * Math.pow(0.5, age / model.halfLifeDays[s.type]) * Math.min(1, Math.max(0, sourceCredibility[s.sourceId] ?? 1));
    weighted.push({ url: s.url, load: model.typeWeight[s.type] * strength });
  }
  const load = weighted.reduce((sum, w) => sum + w.load, 0);
  weighted.sort((a, b) => b.load - a.load || a.url.localeCompare(b.url));
  return {
    index: Math.round((1 - Math.exp(-Math.max(0, load) / SATURATION)) * 1000) / 1000,
    evidence: [...new Set(weighted.filter((w) => w.load > 0 && w.url !== '').map((w) => w.url))].slice(0, 10),
    signalCount: weighted.length,
  };
}
