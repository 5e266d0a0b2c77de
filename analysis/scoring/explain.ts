import type { LedgerFeatures } from './ledger-features.js';
import type { RegisterFeatures } from './register-features.js';
import type { FeatureName } from './weights.js';
import { formatAmount } from './recommend-terms.js';

export interface Explanation {
  evidence: string[];
  en: string;
  de: string;
}

const MAX_EVIDENCE = 10;

export interface ExplainContext {
  ledger: LedgerFeatures;
  register?: RegisterFeatures;
  industry?: string;
  industryRisk?: number;
  industryEvidence?: string[];
  currency: string;
}

/** Words and evidence for one scorecard feature, in English and German. */
export function explainFeature(name: FeatureName, c: ExplainContext): Explanation {
  const l = c.ledger;
  const d = (x: number) => Math.round(x);
  const money = (x: number) => `${c.currency} ${formatAmount(x)}`;
  const ev = (ids: string[]) => ids.slice(0, MAX_EVIDENCE);
  switch (name) {
    case 'days_beyond_terms':
      return {
        evidence: ev(l.evidence.late),
        en: `Pays on average ${d(l.daysBeyondTerms)} days beyond terms (amount-weighted, open invoices included).`,
        de: `Zahlt im Schnitt ${d(l.daysBeyondTerms)} Tage nach Fälligkeit (betragsgewichtet, offene Rechnungen eingeschlossen).`,
      };
    case 'payment_trend':
      return l.trendDays >= 0
        ? {
            evidence: [],
            en: `Paying later recently: ${d(l.recentDaysBeyondTerms ?? 0)} days beyond terms in the last 90 days vs ${d(l.olderDaysBeyondTerms ?? 0)} before.`,
            de: `Zahlt zuletzt später: ${d(l.recentDaysBeyondTerms ?? 0)} Tage Verzug in den letzten 90 Tagen gegenüber ${d(l.olderDaysBeyondTerms ?? 0)} davor.`,
          }
        : {
            evidence: [],
            en: `Paying faster recently: ${d(l.recentDaysBeyondTerms ?? 0)} days beyond terms in the last 90 days vs ${d(l.olderDaysBeyondTerms ?? 0)} before.`,
            de: `Zahlt zuletzt schneller: ${d(l.recentDaysBeyondTerms ?? 0)} Tage Verzug in den letzten 90 Tagen gegenüber ${d(l.olderDaysBeyondTerms ?? 0)} davor.`,
          };
    case 'share_paid_late':
      return {
        evidence: ev(l.evidence.late),
        en: `${Math.round(l.shareLate * 100)} % of ${l.maturedCount} due invoices paid late or still unpaid.`,
        de: `${Math.round(l.shareLate * 100)} % von ${l.maturedCount} fälligen Rechnungen verspätet bezahlt oder offen.`,
      };
    case 'worst_delay':
      return {
        evidence: ev(l.evidence.worst),
        en: `Worst delay ${d(l.worstDelayDays)} days beyond terms.`,
        de: `Grösster Zahlungsverzug ${d(l.worstDelayDays)} Tage.`,
      };
    case 'oldest_overdue':
      return {
        evidence: ev(l.evidence.overdue),
        en: `Oldest open invoice is ${d(l.oldestOverdueDays)} days past due.`,
        de: `Älteste offene Rechnung ist seit ${d(l.oldestOverdueDays)} Tagen überfällig.`,
      };
    case 'overdue_share':
      return {
        evidence: ev(l.evidence.overdue),
        en: `${money(l.openOverdueAmount)} of ${money(l.exposure)} open is overdue (${Math.round(l.overdueShare * 100)} % weighted by days overdue).`,
        de: `${money(l.openOverdueAmount)} von ${money(l.exposure)} offenen Posten sind überfällig (${Math.round(l.overdueShare * 100)} % gewichtet nach Verzugstagen).`,
      };
    case 'dunning_level':
      return {
        evidence: ev(l.evidence.dunning),
        en: `Reached dunning level ${l.maxDunningLevel} of 3.`,
        de: `Mahnstufe ${l.maxDunningLevel} von 3 erreicht.`,
      };
    case 'collection_cases':
      return {
        evidence: ev(l.evidence.collection),
        en: `${l.collectionCases} invoice(s) handed to debt collection.`,
        de: `${l.collectionCases} Rechnung(en) an das Inkasso übergeben.`,
      };
    case 'written_off':
      return {
        evidence: ev(l.evidence.writtenOff),
        en: `${l.writeOffCount} invoice(s) written off as uncollectable (${money(l.writtenOffAmount)} lost).`,
        de: `${l.writeOffCount} Rechnung(en) als uneinbringlich abgeschrieben (${money(l.writtenOffAmount)} Verlust).`,
      };
    case 'payment_track_record':
      return {
        evidence: [`${l.paidOnTimeCount} invoices paid on time`],
        en: `Good payment history: ${l.paidOnTimeCount} invoices paid on time.`,
        de: `Gute Zahlungshistorie: ${l.paidOnTimeCount} Rechnungen pünktlich bezahlt.`,
      };
    case 'no_payment_history':
      return {
        evidence: [],
        en: 'No payment history yet (new customer).',
        de: 'Noch keine Zahlungserfahrung (Neukunde).',
      };
    case 'business_volume':
      return {
        evidence: [`${money(l.monthlyVolume)} invoiced per month`],
        en: `Business volume: ${money(l.monthlyVolume)} invoiced per month on average.`,
        de: `Geschäftsvolumen: durchschnittlich ${money(l.monthlyVolume)} pro Monat fakturiert.`,
      };
    case 'company_age': {
      const y = c.register?.ageYears ?? 0;
      return {
        evidence: c.register?.evidence ?? [],
        en: `Young company: registered ${y.toFixed(1)} years ago.`,
        de: `Junges Unternehmen: vor ${y.toFixed(1)} Jahren eingetragen.`,
      };
    }
    case 'legal_form':
      return {
        evidence: c.register?.evidence ?? [],
        en: 'Legal form with little liable capital.',
        de: 'Rechtsform mit wenig haftendem Kapital.',
      };
    case 'low_capital':
      return {
        evidence: c.register?.evidence ?? [],
        en: 'Low registered capital.',
        de: 'Geringes eingetragenes Kapital.',
      };
    case 'register_changes':
      return {
        evidence: c.register?.evidence ?? [],
        en: `${c.register?.changesLast12Months ?? 0} change(s) of signatories or address in the last 12 months.`,
        de: `${c.register?.changesLast12Months ?? 0} Änderung(en) bei Zeichnungsberechtigten oder Adresse in den letzten 12 Monaten.`,
      };
    case 'industry_risk': {
      const code = c.industry ? ` ${c.industry}` : '';
      const index = (c.industryRisk ?? 0).toFixed(2);
      return {
        evidence: [...(c.industry ? [`industry ${c.industry}`] : []), ...(c.industryEvidence ?? [])],
        en: `Industry${code} under stress (risk index ${index}).`,
        de: `Branche${code} unter Druck (Risikoindex ${index}).`,
      };
    }
  }
}

export const EVENT_LABEL: Record<string, { en: string; de: string }> = {
  insolvency: { en: 'insolvency', de: 'Insolvenz/Konkurs' },
  debt_restructuring: { en: 'composition moratorium / restructuring', de: 'Nachlassstundung/Sanierungsverfahren' },
  liquidation: { en: 'liquidation', de: 'Liquidation' },
  debt_enforcement: { en: 'debt enforcement', de: 'Betreibung/Zwangsvollstreckung' },
  payment_delay: { en: 'reported payment delays', de: 'gemeldete Zahlungsverzüge' },
  financial_distress: { en: 'financial distress', de: 'finanzielle Schwierigkeiten' },
  layoffs: { en: 'layoffs', de: 'Stellenabbau' },
  legal_dispute: { en: 'legal dispute', de: 'Rechtsstreit' },
  management_change: { en: 'management change', de: 'Wechsel in der Geschäftsleitung' },
  ownership_change: { en: 'ownership change', de: 'Eigentümerwechsel' },
  positive: { en: 'positive news', de: 'positive Meldungen' },
};
