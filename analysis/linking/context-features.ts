import { COUNTRY_LANGUAGES } from './cue-words.js';
import { flagsAround, type DocumentContext } from './document-context.js';
import { put } from './feature-catalogue.js';
import type { NameSpan } from './find-candidates.js';
import type { FeatureValues } from './link-model.js';
import type { CustomerProfile } from './watchlist-index.js';
import { ACADEMIC, BUSINESS, HISTORIC, SPORTS } from './word-cues.js';

const WINDOW = 15;

/** What the words around the mention are about: business, sports, research, history, the customer's industry. */
export function addWindowCues(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile, f: FeatureValues): void {
  const { norms } = ctx.tokens;
  const from = Math.max(0, span.start - WINDOW);
  const to = Math.min(norms.length, span.end + WINDOW);
  let industry = false;
  if (profile.industryWords) {
    for (let k = from; k < to && !industry; k++) if ((k < span.start || k >= span.end) && profile.industryWords.has(norms[k]!)) industry = true;
  }
  const flags = flagsAround(ctx, from, to, span.start, span.end);
  if (flags & BUSINESS) put(f, 'business_near');
  if (!profile.sports && flags & SPORTS) put(f, 'sports_near');
  if (flags & ACADEMIC) put(f, 'academic_near');
  if (flags & HISTORIC) put(f, 'historic_year_near');
  if (industry) put(f, 'industry_near');
}

/** What the whole document says against what the watchlist entry knows: country, language, its ids, how often it is named. */
export function addDocumentCues(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile, customerId: string, competitors: number, f: FeatureValues): void {
  if (profile.country !== '') {
    const own = ctx.countries.get(profile.country) ?? 0;
    let others = 0;
    for (const [country, n] of ctx.countries) if (country !== profile.country) others += n;
    if (own > 0) put(f, 'country_match');
    else if (others > 0) put(f, 'country_other');
    const langs = COUNTRY_LANGUAGES[profile.country];
    if (langs && ctx.lang !== '') put(f, langs.includes(ctx.lang) ? 'language_match' : 'language_other');
  }
  if (ctx.identified.has(customerId)) put(f, 'id_in_document');
  if ((ctx.mentionCounts.get(customerId) ?? 0) >= 2) put(f, 'repeated');
  if (ctx.tokens.starts[span.start]! < ctx.titleEnd) put(f, 'in_title');
  if (competitors > 0) put(f, 'competing');
}
