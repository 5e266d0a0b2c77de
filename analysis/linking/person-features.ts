import { AGE_SUFFIXES, AS_WORDS, GENDER_PRONOUNS, LIFE_VERBS, OWNED_FIRM, PERSON_PRONOUNS, PERSON_ROLES_AFTER, PERSON_VERBS, POSSESSIVES, ROLES, TITLES } from './cue-words.js';
import { gapBefore, isCapitalised, rawToken, type DocumentContext } from './document-context.js';
import { put } from './feature-catalogue.js';
import { FIRST_NAMES, PARTICLES, SPACE_ONLY } from './feature-words.js';
import type { NameSpan } from './find-candidates.js';
import type { FeatureValues } from './link-model.js';
import type { CustomerProfile } from './watchlist-index.js';

// "Meier, who", "Schindler, der", "Bosch, dessen": a relative pronoun for a person.
const PERSON_RELATIVE = new Set(['who', 'whom', 'whose', 'der', 'dessen']);
// "(1861 - 1942)", "(54)", ", 54,": life dates and ages.
const LIFE_DATES = /^\s*(?:,\s*\d{2}\s*,|\(\s*\d{2}\s*\)|\(\s*(?:\*\s*)?\d{4}\s*[-–]\s*(?:\d{4})?\s*\))/;

/** Cues that the words name a person: a first name, title or role before, person verbs and pronouns, life dates after. */
export function addPersonCues(ctx: DocumentContext, span: NameSpan, profile: CustomerProfile, f: FeatureValues): void {
  const { norms } = ctx.tokens;
  const prev = span.start - 1;
  if (prev >= 0) {
    const gap = gapBefore(ctx, span.start);
    const prevRaw = rawToken(ctx, prev);
    const prevNorm = norms[prev]!;
    if (TITLES.has(prevNorm) && /^\.?\s+$/.test(gap)) put(f, 'title_before');
    // A two-letter role is an abbreviation in capitals ("AD Rossi"); "ad Astaldi" is a preposition.
    else if (ROLES.has(prevNorm) && SPACE_ONLY.test(gap) && (prevNorm.length > 2 || prevRaw === prevRaw.toUpperCase())) put(f, 'role_before');
    else if (SPACE_ONLY.test(gap) && isCapitalised(prevRaw) && FIRST_NAMES.has(prevNorm) && !profile.nameTokens.has(prevNorm)) put(f, 'first_name_before');
    else if (/^\.\s*$/.test(gap) && /^\p{Lu}$/u.test(prevRaw)) put(f, 'initial_before');
    else if (PARTICLES.has(prevRaw) && SPACE_ONLY.test(gap) && prev > 0 && SPACE_ONLY.test(gapBefore(ctx, prev))) {
      // "Léonard de Vinci", "Ursula von der Leyen": a first name, then a particle of a family name.
      const first = norms[prev - 1]!;
      if (isCapitalised(rawToken(ctx, prev - 1)) && FIRST_NAMES.has(first) && !profile.nameTokens.has(first)) put(f, 'first_name_before');
    }
  }
  if (prev >= 0 && ageBefore(ctx, prev)) put(f, 'age_before');
  for (let k = Math.max(0, span.start - 2); k < Math.min(norms.length, span.end + 3); k++) {
    if (k >= span.start && k < span.end) continue;
    if (PERSON_VERBS.has(norms[k]!)) put(f, 'person_verb_near');
    if (LIFE_VERBS.has(norms[k]!) || (norms[k] === 'welt' && k > 0 && norms[k - 1] === 'zur')) put(f, 'life_verb_near');
  }
  for (let k = span.end; k < Math.min(norms.length, span.end + 8); k++) {
    if (PERSON_PRONOUNS.has(norms[k]!)) {
      put(f, 'person_pronoun_near');
      break;
    }
    if (GENDER_PRONOUNS.has(norms[k]!)) {
      put(f, 'gender_pronoun_near');
      break;
    }
  }
  const after = ctx.text.slice(ctx.tokens.ends[span.end - 1], ctx.tokens.ends[span.end - 1]! + 16);
  if (LIFE_DATES.test(after)) put(f, 'age_after');
  if (span.end < norms.length && /^\s*,\s*$/.test(gapBefore(ctx, span.end)) && PERSON_RELATIVE.has(norms[span.end]!)) put(f, 'person_relative_after');
  if (roleAfter(ctx, span.end)) put(f, 'role_after');
  if (ownsFirmAfter(ctx, span.end)) put(f, 'owner_after');
}

/** "der einunddreißigjährige Schindler", "der 45-jährige Meier", "the 45-year-old Smith": an age right before the name. */
function ageBefore(ctx: DocumentContext, prev: number): boolean {
  const norm = ctx.tokens.norms[prev]!;
  if (!SPACE_ONLY.test(gapBefore(ctx, prev + 1))) return false;
  if (AGE_SUFFIXES.some((x) => norm.endsWith(x))) return true;
  return norm === 'old' && prev > 0 && ctx.tokens.norms[prev - 1] === 'year' && gapBefore(ctx, prev) === '-';
}

// "Bolloré parvient à faire de son entreprise un conglomérat", "Hamm took his company": the one who owns or runs a firm is a person.
const OWNER_WINDOW = 8;

function ownsFirmAfter(ctx: DocumentContext, at: number): boolean {
  const { norms } = ctx.tokens;
  for (let k = at; k < Math.min(norms.length - 1, at + OWNER_WINDOW); k++) {
    if (!POSSESSIVES.has(norms[k]!) || !/^\s+$/.test(gapBefore(ctx, k + 1))) continue;
    // "seine eigene Firma", "son ancienne entreprise": one word may stand between.
    if (OWNED_FIRM.has(norms[k + 1]!) || (k + 2 < norms.length && OWNED_FIRM.has(norms[k + 2]!))) return true;
  }
  return false;
}

/** "Gerloff als Insolvenzverwalter", "Meier as chief executive", "Rossi come amministratore delegato": the role a person plays. */
function roleAfter(ctx: DocumentContext, at: number): boolean {
  const { norms } = ctx.tokens;
  if (at + 1 >= norms.length || !AS_WORDS.has(norms[at]!) || !SPACE_ONLY.test(gapBefore(ctx, at)) || !SPACE_ONLY.test(gapBefore(ctx, at + 1))) return false;
  // "as" written "AS" is a legal form, not the English word.
  if (rawToken(ctx, at) !== rawToken(ctx, at).toLowerCase()) return false;
  // "als neuer Insolvenzverwalter", "as its chief executive": one word may stand between.
  for (let k = at + 1; k < Math.min(norms.length, at + 3); k++) {
    const norm = norms[k]!;
    if (PERSON_ROLES_AFTER.has(norm) || (ROLES.has(norm) && norm.length > 2)) return true;
  }
  return false;
}
