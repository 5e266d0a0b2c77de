import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

/**
 * ISO 20022 bank-to-customer messages as Swiss and European banks send them (Swiss Payment
 * Standards, SPS): camt.054 debit/credit notifications, camt.053 statements and camt.052 reports,
 * versions .001.02 to .001.08. Only booked, not reversed credits are payments from customers; each
 * transaction of a batch booking (Sammelgutschrift) is one payment with the entry's booking date,
 * which is when the money arrived. Pure: text in, credits out.
 */
export interface BankCredit {
  /** The bank's reference of the transaction (or entry and position): stable across re-imports. */
  entryRef: string;
  /** Booking date: when the customer's money arrived. */
  bookingDate: string;
  valueDate?: string;
  amount: number;
  currency: string;
  /** Structured creditor reference (QRR, SCOR / RF, ISR) without spaces. */
  reference?: string;
  referenceType?: string;
  /** Unstructured remittance text, end-to-end id and the entry's additional information. */
  text: string;
  debtorName?: string;
}

export interface CamtParseResult {
  kind: 'camt.052' | 'camt.053' | 'camt.054';
  account?: string;
  credits: BankCredit[];
  /** Entries that are no customer payments: debits, pending or reversed bookings. */
  skipped: number;
}

export class CamtError extends Error {}

export function parseCamt(text: string): CamtParseResult {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('<')) throw new CamtError('not XML');
  const ns = /urn:iso:std:iso:20022:tech:xsd:(camt\.05[234])\.\d{3}\.\d{2}/.exec(body.slice(0, 2000));
  if (!ns) throw new CamtError('not an ISO 20022 camt.052, camt.053 or camt.054 message (no camt namespace)');
  if (!/<\/(\w+:)?Document>\s*$/.test(body)) throw new CamtError('truncated: the message does not end with </Document>');
  const $ = load(body, { xml: { xmlMode: true } });
  const kind = ns[1] as CamtParseResult['kind'];
  const account = text1($, $('Acct > Id > IBAN').first()) || text1($, $('Acct > Id > Othr > Id').first()) || undefined;
  const credits: BankCredit[] = [];
  let skipped = 0;
  $('Ntry').each((entryIndex, el) => {
    const ntry = $(el);
    const cdt = text1($, child(ntry, 'CdtDbtInd'));
    const status = text1($, child(ntry, 'Sts').children('Cd')) || text1($, child(ntry, 'Sts'));
    const reversal = text1($, child(ntry, 'RvslInd')) === 'true';
    if (cdt !== 'CRDT' || (status !== '' && status !== 'BOOK') || reversal) {
      skipped++;
      return;
    }
    const bookingDate = (text1($, child(ntry, 'BookgDt').children('Dt')) || text1($, child(ntry, 'BookgDt').children('DtTm'))).slice(0, 10);
    const valueDate = (text1($, child(ntry, 'ValDt').children('Dt')) || text1($, child(ntry, 'ValDt').children('DtTm'))).slice(0, 10) || undefined;
    const entryAmount = amountOf($, child(ntry, 'Amt'));
    const entryRef = text1($, child(ntry, 'AcctSvcrRef')) || text1($, child(ntry, 'NtryRef')) || `entry-${entryIndex + 1}`;
    const entryInfo = text1($, child(ntry, 'AddtlNtryInf'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(bookingDate)) {
      skipped++;
      return;
    }
    const txs = ntry.find('NtryDtls TxDtls').toArray().map((t) => $(t));
    const withAmount = txs.filter((t) => (amountOf($, txAmount(t))?.value ?? 0) > 0);
    if (withAmount.length <= 1) {
      // One transaction (or none with an amount): the entry is the payment, in the account's currency as booked.
      if (entryAmount && entryAmount.value > 0) {
        const tx = txs[0];
        credits.push({
          entryRef,
          bookingDate,
          ...(valueDate ? { valueDate } : {}),
          amount: entryAmount.value,
          currency: entryAmount.currency,
          ...(tx ? remittance($, tx) : {}),
          text: [tx ? textOf($, tx) : '', entryInfo].filter(Boolean).join(' '),
          ...(tx && debtorOf($, tx) ? { debtorName: debtorOf($, tx) } : {}),
        });
      }
      return;
    }
    withAmount.forEach((tx, i) => {
      const amt = amountOf($, txAmount(tx))!;
      const ref = text1($, tx.children('Refs').children('AcctSvcrRef'));
      credits.push({
        entryRef: ref ? `${entryRef}/${ref}` : `${entryRef}#${i + 1}`,
        bookingDate,
        ...(valueDate ? { valueDate } : {}),
        amount: amt.value,
        currency: amt.currency,
        ...remittance($, tx),
        text: [textOf($, tx), entryInfo].filter(Boolean).join(' '),
        ...(debtorOf($, tx) ? { debtorName: debtorOf($, tx) } : {}),
      });
    });
  });
  return { kind, ...(account ? { account } : {}), credits, skipped };
}

function child(el: Cheerio<Element>, name: string): Cheerio<Element> {
  return el.children(name);
}

function text1($: CheerioAPI, el: Cheerio<Element>): string {
  return el.length > 0 ? $(el[0]!).text().trim() : '';
}

function txAmount(tx: Cheerio<Element>): Cheerio<Element> {
  const direct = tx.children('Amt');
  return direct.length > 0 ? direct : tx.find('AmtDtls TxAmt Amt');
}

function amountOf($: CheerioAPI, el: Cheerio<Element>): { value: number; currency: string } | undefined {
  if (el.length === 0) return undefined;
  const value = Number(text1($, el));
  if (!Number.isFinite(value)) return undefined;
  return { value, currency: (el.attr('Ccy') ?? '').toUpperCase() };
}

function remittance($: CheerioAPI, tx: Cheerio<Element>): { reference?: string; referenceType?: string } {
  const cri = tx.find('RmtInf Strd CdtrRefInf').first();
  const ref = text1($, cri.children('Ref')).replace(/\s+/g, '');
  if (!ref) return {};
  const type = text1($, cri.find('Tp CdOrPrtry Prtry')) || text1($, cri.find('Tp CdOrPrtry Cd'));
  return { reference: ref, ...(type ? { referenceType: type } : {}) };
}

function textOf($: CheerioAPI, tx: Cheerio<Element>): string {
  const parts = [
    ...tx.find('RmtInf Ustrd').toArray().map((u) => $(u).text().trim()),
    text1($, tx.children('Refs').children('EndToEndId')),
  ];
  return parts.filter((p) => p !== '' && p !== 'NOTPROVIDED').join(' ');
}

function debtorOf($: CheerioAPI, tx: Cheerio<Element>): string | undefined {
  const dbtr = tx.find('RltdPties Dbtr').first();
  return text1($, dbtr.find('Pty > Nm')) || text1($, dbtr.children('Nm')) || undefined;
}
