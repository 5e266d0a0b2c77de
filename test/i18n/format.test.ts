import { describe, expect, it } from 'vitest';
import { describeFactor, formatterFor, speaker } from '../../platform/i18n/index.js';

const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers, money and dates per locale (Intl)', () => {
  it('writes 1234.5 the way each market reads it', () => {
    expect(formatterFor('de-CH').number(1234.5, 2)).toBe("1'234.50");
    expect(formatterFor('de-DE').number(1234.5, 2)).toBe('1.234,50');
    expect(sp(formatterFor('fr-CH').number(1234.5, 2))).toBe('1 234,50');
    expect(formatterFor('en-GB').number(1234.5, 2)).toBe('1,234.50');
  });

  it('puts the currency code where each locale puts it', () => {
    expect(sp(formatterFor('de-CH').money(28771, 'CHF'))).toBe("CHF 28'771");
    expect(sp(formatterFor('de-DE').money(28771, 'EUR'))).toBe('28.771 EUR');
    expect(sp(formatterFor('en-GB').money(84101.4, 'GBP'))).toBe('GBP 84,101');
    expect(sp(formatterFor('de-CH').moneyExact(1234.5, 'CHF'))).toBe("CHF 1'234.50");
  });

  it('dates and percentages', () => {
    expect(formatterFor('de-CH').date('2026-11-23')).toBe('23. Nov. 2026');
    expect(formatterFor('en-GB').date('2026-11-23')).toBe('23 Nov 2026');
    expect(sp(formatterFor('de-DE').percent(0.8))).toBe('80 %');
    expect(formatterFor('de-CH').percent(0.8)).toBe('80%');
    expect(formatterFor('en-GB').percent(0.8)).toBe('80%');
  });
});

describe('plurals', () => {
  it('says "1 day" and "1 Rechnung", "2 days" and "2 Rechnungen"', () => {
    const oldest = (lang: 'en' | 'de' | 'fr' | 'it', days: number) => describeFactor({ code: 'oldest_overdue', params: { days } }, speaker(lang));
    expect(oldest('en', 1)).toBe('The oldest open invoice is 1 day past due.');
    expect(oldest('en', 12)).toBe('The oldest open invoice is 12 days past due.');
    expect(oldest('de', 1)).toBe('Die älteste offene Rechnung ist seit einem Tag überfällig.');
    expect(oldest('de', 12)).toBe('Die älteste offene Rechnung ist seit 12 Tagen überfällig.');
    const track = (lang: 'en' | 'de' | 'fr' | 'it', count: number) => describeFactor({ code: 'payment_track_record', params: { count } }, speaker(lang));
    expect(track('de', 1)).toBe('Gute Zahlungshistorie: 1 Rechnung pünktlich bezahlt.');
    expect(track('de', 7)).toBe('Gute Zahlungshistorie: 7 Rechnungen pünktlich bezahlt.');
    expect(track('en', 1)).toBe('Good payment history: 1 invoice paid on time.');
    expect(track('fr', 1)).toBe('Bon historique de paiement : 1 facture payée à temps.');
    expect(track('it', 7)).toBe('Buona storia dei pagamenti: 7 fatture pagate puntualmente.');
    const collection = describeFactor({ code: 'collection_cases', params: { count: 1 } }, speaker('de'));
    expect(collection).toBe('1 Rechnung an das Inkasso übergeben.');
  });

  it('falls back to the stored English or German text for assessments made before codes', () => {
    expect(describeFactor({ description: 'old text', descriptionDe: 'alter Text' }, speaker('de'))).toBe('alter Text');
    expect(describeFactor({ description: 'old text', descriptionDe: 'alter Text' }, speaker('fr'))).toBe('old text');
  });
});

describe('whole money amounts without Intl per call', () => {
  it('writes exactly what Intl writes, in every locale and currency, including ones grouped otherwise (en-IN) or with other digits (ar-EG)', () => {
    for (const locale of ['de-CH', 'fr-CH', 'it-CH', 'en-GB', 'de-DE', 'de-AT', 'fr-FR', 'en-US', 'pl-PL', 'es-ES', 'en-IN', 'ar-EG']) {
      const f = formatterFor(locale);
      for (const currency of ['CHF', 'EUR', 'GBP', 'JPY', 'XYZ', 'chf']) {
        const intl = /^[A-Z]{3}$/.test(currency)
          ? new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: 0, maximumFractionDigits: 0 })
          : new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 0 });
        for (const amount of [0, 1, -1, 12.4, 12.6, -0.4, 999, 1000, 1234, -1234, 10454, 31000, 99_999.5, 1e6, -7_654_321, 123_456_789, 1e17]) {
          expect(f.money(amount, currency), `${locale} ${currency} ${amount}`).toBe(intl.format(Math.round(amount) + 0));
        }
      }
    }
  });
});
