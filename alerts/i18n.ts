import type { EventType, Severity, TermsKind } from '../platform/schemas/index.js';

export type MailLanguage = 'de' | 'en' | 'fr';

export interface MailStrings {
  locale: string;
  frequency: Record<'daily' | 'weekly' | 'monthly' | 'instant', string>;
  subjectDigest: (freq: string, items: number, customers: number, date: string) => string;
  subjectQuiet: (freq: string, date: string) => string;
  subjectInstant: (names: string) => string;
  subjectHealth: (source: string, recovered: boolean) => string;
  greeting: (name: string) => string;
  intro: (freq: string, date: string) => string;
  introInstant: string;
  allQuiet: string;
  grade: string;
  score: string;
  newAssessment: string;
  reasons: string;
  terms: string;
  sources: string;
  check: string;
  industries: string;
  industry: string;
  health: string;
  healthLine: (failures: number, lastSuccess: string) => string;
  healthRecovered: (source: string) => string;
  healthFailing: (source: string, failures: number) => string;
  unsubscribe: string;
  more: (k: number) => string;
  unsubscribeCli: (id: string) => string;
  events: Record<EventType, string>;
  severities: Record<Severity, string>;
  termKinds: Record<TermsKind, string>;
  netDays: (n: number) => string;
  advance: (p: number) => string;
  limit: string;
}

const en: MailStrings = {
  locale: 'en-GB',
  frequency: { daily: 'daily', weekly: 'weekly', monthly: 'monthly', instant: 'instant' },
  subjectDigest: (f, i, c, d) => `Bonitor ${f} digest ${d}: ${i} ${i === 1 ? 'item' : 'items'} on ${c} ${c === 1 ? 'customer' : 'customers'}`,
  subjectQuiet: (f, d) => `Bonitor ${f} digest ${d}: all quiet`,
  subjectInstant: (n) => `Bonitor alert: ${n}`,
  subjectHealth: (s, r) => (r ? `Bonitor: source ${s} works again` : `Bonitor: source ${s} is failing`),
  greeting: (n) => (n ? `Hello ${n},` : 'Hello,'),
  intro: (f, d) => `your ${f} Bonitor digest for ${d}.`,
  introInstant: 'something important happened to customers you follow:',
  allQuiet: 'All quiet: nothing new about your customers since the last digest.',
  grade: 'Grade',
  score: 'Score',
  newAssessment: 'first assessment',
  reasons: 'Why',
  terms: 'Recommended terms',
  sources: 'Sources',
  check: 'Open the check',
  industries: 'Industries',
  industry: 'Industry',
  health: 'Source health',
  healthLine: (n, s) => `${n} consecutive failures, last success ${s}`,
  healthRecovered: (s) => `The source ${s} works again.`,
  healthFailing: (s, n) => `The source ${s} failed ${n} times in a row. Alerts may miss news until it works again.`,
  unsubscribe: 'Unsubscribe',
  more: (k) => `… and ${k} more (see the check page)`,
  unsubscribeCli: (id) => `To unsubscribe, ask your administrator to run: bonitor subscriptions remove ${id}`,
  events: {
    insolvency: 'Insolvency',
    debt_restructuring: 'Debt restructuring',
    liquidation: 'Liquidation',
    debt_enforcement: 'Debt enforcement',
    payment_delay: 'Payment delays',
    financial_distress: 'Financial distress',
    layoffs: 'Layoffs',
    legal_dispute: 'Legal dispute',
    management_change: 'Management change',
    ownership_change: 'Ownership change',
    positive: 'Positive news',
  },
  severities: { positive: 'positive', low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
  termKinds: {
    open_account: 'open account',
    short_terms: 'shorter terms',
    partial_prepayment: 'partial prepayment',
    prepayment: 'prepayment',
    card_only: 'card only',
    decline: 'decline',
  },
  netDays: (n) => `net ${n} days`,
  advance: (p) => `${p}% in advance`,
  limit: 'limit',
};

const de: MailStrings = {
  locale: 'de-CH',
  frequency: { daily: 'tägliche', weekly: 'wöchentliche', monthly: 'monatliche', instant: 'sofortige' },
  subjectDigest: (f, i, c, d) => `Bonitor-Übersicht ${d}: ${i} ${i === 1 ? 'Meldung' : 'Meldungen'} zu ${c} ${c === 1 ? 'Kunde' : 'Kunden'}`,
  subjectQuiet: (_f, d) => `Bonitor-Übersicht ${d}: alles ruhig`,
  subjectInstant: (n) => `Bonitor-Warnung: ${n}`,
  subjectHealth: (s, r) => (r ? `Bonitor: Quelle ${s} funktioniert wieder` : `Bonitor: Quelle ${s} fällt aus`),
  greeting: (n) => (n ? `Guten Tag ${n},` : 'Guten Tag,'),
  intro: (f, d) => `hier ist Ihre ${f} Bonitor-Übersicht vom ${d}.`,
  introInstant: 'bei Kunden, die Sie beobachten, ist etwas Wichtiges passiert:',
  allQuiet: 'Alles ruhig: seit der letzten Übersicht gibt es nichts Neues zu Ihren Kunden.',
  grade: 'Note',
  score: 'Score',
  newAssessment: 'erste Bewertung',
  reasons: 'Gründe',
  terms: 'Empfohlene Konditionen',
  sources: 'Quellen',
  check: 'Prüfung öffnen',
  industries: 'Branchen',
  industry: 'Branche',
  health: 'Zustand der Quellen',
  healthLine: (n, s) => `${n} Fehler in Folge, zuletzt erfolgreich ${s}`,
  healthRecovered: (s) => `Die Quelle ${s} funktioniert wieder.`,
  healthFailing: (s, n) => `Die Quelle ${s} ist ${n}-mal in Folge fehlgeschlagen. Bis sie wieder funktioniert, können Meldungen fehlen.`,
  unsubscribe: 'Abmelden',
  more: (k) => `… und ${k} weitere (siehe Prüfung)`,
  unsubscribeCli: (id) => `Zum Abmelden bitten Sie Ihre Administration: bonitor subscriptions remove ${id}`,
  events: {
    insolvency: 'Insolvenz / Konkurs',
    debt_restructuring: 'Nachlassstundung / Sanierung',
    liquidation: 'Liquidation / Löschung',
    debt_enforcement: 'Betreibung / Zwangsvollstreckung',
    payment_delay: 'Zahlungsverzug',
    financial_distress: 'Finanzielle Schwierigkeiten',
    layoffs: 'Stellenabbau',
    legal_dispute: 'Rechtsstreit',
    management_change: 'Wechsel in der Geschäftsleitung',
    ownership_change: 'Eigentümerwechsel',
    positive: 'Positive Meldung',
  },
  severities: { positive: 'positiv', low: 'gering', medium: 'mittel', high: 'hoch', critical: 'kritisch' },
  termKinds: {
    open_account: 'offene Rechnung',
    short_terms: 'kürzeres Zahlungsziel',
    partial_prepayment: 'Teil-Vorauszahlung',
    prepayment: 'Vorauskasse',
    card_only: 'nur Kartenzahlung',
    decline: 'ablehnen',
  },
  netDays: (n) => `${n} Tage netto`,
  advance: (p) => `${p} % im Voraus`,
  limit: 'Limite',
};

const fr: MailStrings = {
  locale: 'fr-CH',
  frequency: { daily: 'quotidien', weekly: 'hebdomadaire', monthly: 'mensuel', instant: 'immédiat' },
  subjectDigest: (f, i, c, d) => `Bonitor, résumé ${f} du ${d} : ${i} ${i === 1 ? 'information' : 'informations'} sur ${c} ${c === 1 ? 'client' : 'clients'}`,
  subjectQuiet: (f, d) => `Bonitor, résumé ${f} du ${d} : rien à signaler`,
  subjectInstant: (n) => `Alerte Bonitor : ${n}`,
  subjectHealth: (s, r) => (r ? `Bonitor : la source ${s} fonctionne à nouveau` : `Bonitor : la source ${s} est en panne`),
  greeting: (n) => (n ? `Bonjour ${n},` : 'Bonjour,'),
  intro: (f, d) => `voici votre résumé ${f} Bonitor du ${d}.`,
  introInstant: 'un événement important concerne des clients que vous suivez :',
  allQuiet: 'Rien à signaler : aucune nouvelle sur vos clients depuis le dernier résumé.',
  grade: 'Note',
  score: 'Score',
  newAssessment: 'première évaluation',
  reasons: 'Raisons',
  terms: 'Conditions recommandées',
  sources: 'Sources',
  check: 'Ouvrir la vérification',
  industries: 'Secteurs',
  industry: 'Secteur',
  health: 'État des sources',
  healthLine: (n, s) => `${n} échecs consécutifs, dernier succès ${s}`,
  healthRecovered: (s) => `La source ${s} fonctionne à nouveau.`,
  healthFailing: (s, n) => `La source ${s} a échoué ${n} fois de suite. Des informations peuvent manquer jusqu'à son rétablissement.`,
  unsubscribe: 'Se désabonner',
  more: (k) => `… et ${k} de plus (voir la vérification)`,
  unsubscribeCli: (id) => `Pour vous désabonner, demandez à votre administrateur : bonitor subscriptions remove ${id}`,
  events: {
    insolvency: 'Faillite / insolvabilité',
    debt_restructuring: 'Sursis concordataire / restructuration',
    liquidation: 'Liquidation / radiation',
    debt_enforcement: 'Poursuite',
    payment_delay: 'Retards de paiement',
    financial_distress: 'Difficultés financières',
    layoffs: 'Suppressions d’emplois',
    legal_dispute: 'Litige',
    management_change: 'Changement de direction',
    ownership_change: 'Changement de propriétaire',
    positive: 'Bonne nouvelle',
  },
  severities: { positive: 'positif', low: 'faible', medium: 'moyen', high: 'élevé', critical: 'critique' },
  termKinds: {
    open_account: 'facture ouverte',
    short_terms: 'délai de paiement réduit',
    partial_prepayment: 'acompte partiel',
    prepayment: 'paiement anticipé',
    card_only: 'carte uniquement',
    decline: 'refuser',
  },
  netDays: (n) => `${n} jours net`,
  advance: (p) => `${p} % d’avance`,
  limit: 'limite',
};

export const STRINGS: Record<MailLanguage, MailStrings> = { de, en, fr };

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A digest round formats the same few dates thousands of times. */
const formattedDates = new Map<string, string>();

/** A calendar date in the subscriber's locale and time zone (formatters are cached: building one is slow). */
export function formatDate(iso: string, s: MailStrings, timeZone: string): string {
  const key = `${s.locale}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(s.locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(key, f);
  }
  const memoKey = `${key}|${iso}`;
  let out = formattedDates.get(memoKey);
  if (out === undefined) {
    out = f.format(new Date(iso));
    if (formattedDates.size > 50_000) formattedDates.clear();
    formattedDates.set(memoKey, out);
  }
  return out;
}
