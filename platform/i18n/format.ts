/**
 * Numbers, money, percentages, dates and plurals from Intl for one locale: one convention per
 * page, mail or report. Intl objects are slow to build, so each formatter is made once per
 * locale (and time zone) and kept.
 */
export interface PluralForms {
  one: string;
  other: string;
  /** Languages with more categories may add them (two, few, many); `other` is the fallback. */
  [category: string]: string;
}

export interface Formatter {
  readonly locale: string;
  /** Whole units with the ISO code: "CHF 1'235" (de-CH), "1.235 CHF" (de-DE), "1 235 CHF" (fr-CH). */
  money(amount: number, currency: string): string;
  /** With cents, for single invoices: "CHF 1'234.50". */
  moneyExact(amount: number, currency: string): string;
  number(n: number, fractionDigits?: number): string;
  /** A share 0..1 as a percentage: "80 %" (de-CH), "80%" (en-GB). */
  percent(share: number, fractionDigits?: number): string;
  /** A calendar date: "6 Dec 2026", "06.12.2026"; in `timeZone` (default UTC). */
  date(iso: string, timeZone?: string): string;
  /** Short month name of a YYYY-MM key. */
  month(ym: string): string;
  /** The plural form for n in this locale's rules. */
  plural(n: number, forms: PluralForms): string;
  /** n and its word: "1 day", "3 Tage", "1 Rechnung". */
  count(n: number, forms: PluralForms): string;
}

const formatters = new Map<string, Formatter>();

export function formatterFor(locale: string): Formatter {
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = createFormatter(locale)));
  return f;
}

function createFormatter(locale: string): Formatter {
  const numbers = new Map<number, Intl.NumberFormat>();
  const num = (digits: number) => {
    let nf = numbers.get(digits);
    if (!nf) numbers.set(digits, (nf = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return nf;
  };
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (currency: string, digits: number) => {
    const key = `${currency}|${digits}`;
    let nf = moneyFormats.get(key);
    if (!nf) {
      // A currency Intl does not know (a typo in an export) is still shown, as the number and the code.
      nf = /^[A-Z]{3}$/.test(currency)
        ? new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: digits, maximumFractionDigits: digits })
        : new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      moneyFormats.set(key, nf);
    }
    return nf;
  };
  const percents = new Map<number, Intl.NumberFormat>();
  const dates = new Map<string, Intl.DateTimeFormat>();
  const dateFormat = (timeZone: string) => {
    let df = dates.get(timeZone);
    if (!df) dates.set(timeZone, (df = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone })));
    return df;
  };
  const formattedDates = new Map<string, string>();
  // Built on first use: modules make their speakers at import time, and a CLI command that
  // never formats should not pay for Intl (tens of milliseconds of start-up).
  let months: Intl.DateTimeFormat | undefined;
  let plurals: Intl.PluralRules | undefined;
  const pluralOf = new Map<number, string>();
  const plural = (n: number, forms: PluralForms) => {
    let category = pluralOf.get(n);
    if (category === undefined) {
      category = (plurals ??= new Intl.PluralRules(locale)).select(n);
      if (pluralOf.size < 1000) pluralOf.set(n, category);
    }
    return forms[category] ?? forms.other;
  };
  // Scoring writes its reasons in several languages for every assessment: whole numbers below
  // 1000 look the same in every locale here (no grouping), and whole percentages follow one
  // pattern per locale, so those skip Intl, which is slow per call. Money strings are memoised.
  const small = (n: number) => Number.isInteger(n) && n > -1000 && n < 1000;
  let percentPattern: string | undefined;
  const wholePercent = (n: number) => (percentPattern ??= new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(0.5).replace('50', '\u0000')).replace('\u0000', String(n));
  const moneyMemo = new Map<string, string>();
  const wholeMoney = new Map<string, WholeFormat | null>();
  return {
    locale,
    money(amount, currency) {
      const whole = Math.round(amount) + 0;
      let fast = wholeMoney.get(currency);
      if (fast === undefined) wholeMoney.set(currency, (fast = learnWholeFormat(moneyFormat(currency, 0))));
      if (fast && whole > -1e15 && whole < 1e15) return formatWhole(fast, whole);
      const key = `${currency}${whole}`;
      let out = moneyMemo.get(key);
      if (out === undefined) {
        out = moneyFormat(currency, 0).format(whole);
        if (moneyMemo.size > 20_000) moneyMemo.clear();
        moneyMemo.set(key, out);
      }
      return out;
    },
    moneyExact: (amount, currency) => moneyFormat(currency, 2).format(amount),
    number: (n, digits = 0) => (digits === 0 && small(n) ? String(n) : num(digits).format(n)),
    percent(share, digits = 0) {
      const whole = share * 100;
      if (digits === 0 && Number.isInteger(Math.round(whole * 1e6) / 1e6) && small(Math.round(whole))) return wholePercent(Math.round(whole));
      let pf = percents.get(digits);
      if (!pf) percents.set(digits, (pf = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })));
      return pf.format(share);
    },
    date(iso, timeZone = 'UTC') {
      // A digest round formats the same few dates thousands of times.
      const key = `${timeZone}|${iso}`;
      let out = formattedDates.get(key);
      if (out === undefined) {
        const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
        out = Number.isNaN(d.getTime()) ? iso : dateFormat(timeZone).format(d);
        if (formattedDates.size > 20_000) formattedDates.clear();
        formattedDates.set(key, out);
      }
      return out;
    },
    month: (ym) => (months ??= new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })).format(new Date(`${ym}-01T00:00:00Z`)),
    plural,
    count: (n, forms) => `${small(n) ? String(n) : num(Number.isInteger(n) ? 0 : 1).format(n)} ${plural(n, forms)}`,
  };
}

/** How a locale writes whole amounts: sign and currency around the digits, and the group separator. */
interface WholeFormat {
  prefix: string;
  suffix: string;
  negPrefix: string;
  negSuffix: string;
  group: string;
}

/**
 * Learns a whole-number format from Intl once (scoring writes amounts for every customer of a
 * 100,000-customer ledger, and Intl.NumberFormat#format is slow per call); `null` when the
 * locale groups other than by threes or the learned pattern does not reproduce Intl exactly.
 */
function learnWholeFormat(nf: Intl.NumberFormat): WholeFormat | null {
  const pos = /^(\D*)1(\D*)234(\D*)567(\D*)$/.exec(nf.format(1234567));
  const neg = /^(\D*)1\D*234\D*567(\D*)$/.exec(nf.format(-1234567));
  if (!pos || !neg || pos[2] === '' || pos[2] !== pos[3]) return null;
  const f: WholeFormat = { prefix: pos[1]!, group: pos[2]!, suffix: pos[4]!, negPrefix: neg[1]!, negSuffix: neg[2]! };
  for (const n of [0, 5, -5, 999, 1000, -1000, 12_345, 100_000, -250_000, 9_999_999, 123_456_789_012]) {
    if (formatWhole(f, n) !== nf.format(n)) return null;
  }
  return f;
}

function formatWhole(f: WholeFormat, n: number): string {
  const digits = String(n < 0 ? -n : n);
  let grouped = digits;
  if (digits.length > 3) {
    const head = digits.length % 3 || 3;
    grouped = digits.slice(0, head);
    for (let i = head; i < digits.length; i += 3) grouped += f.group + digits.slice(i, i + 3);
  }
  return n < 0 ? f.negPrefix + grouped + f.negSuffix : f.prefix + grouped + f.suffix;
}
