import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerImportCommand } from '../../app/cli/ledger.command.js';
import { openApp, type App } from '../../app/compose.js';
import { startScorer } from '../../app/roles/pipeline.roles.js';
import { computeLedgerFeatures } from '../../analysis/scoring/ledger-features.js';
import { matchBankPayments } from '../../collectors/ledger/match-bank-payments.js';
import { parseCamt } from '../../collectors/ledger/parse-camt.js';
import { loadConfig } from '../../platform/config/load.js';
import { UserError } from '../../platform/errors.js';
import { silentLogger } from '../../platform/log.js';
import { keepBankPayments, type LedgerRow } from '../../platform/schemas/index.js';
import { tempDir } from '../helpers.js';

const fixture = (name: string) => new URL(`../fixtures/ledger/${name}`, import.meta.url).pathname;
const camt054 = readFileSync(fixture('ch_postfinance_camt054_qrr.xml'), 'utf8');

function inv(id: string, customerId: string, amount: number, extra: Partial<LedgerRow> = {}): LedgerRow {
  return { customerId, invoiceId: id, issueDate: '2020-05-01', dueDate: '2020-05-31', amount, currency: 'CHF', paidAmount: 0, dunningLevel: 0, collection: false, ...extra };
}

describe('camt.054 and camt.053 as banks send them', () => {
  it('reads each QR payment of a PostFinance batch credit with the booking date and its reference', () => {
    const r = parseCamt(camt054);
    expect(r).toMatchObject({ kind: 'camt.054', account: 'CH2909000000250094239', skipped: 0 });
    expect(r.credits.map((c) => [c.bookingDate, c.amount, c.currency, c.reference, c.referenceType, c.debtorName])).toEqual([
      ['2020-06-18', 778.29, 'CHF', '539115429773825311971477453', 'QRR', 'Bernasconi Maria'],
      ['2020-06-18', 913.93, 'CHF', '662437765447746478179744715', 'QRR', 'Bernasconi Maria'],
    ]);
  });

  it('reads a camt.053 statement: credits only, booking date from DtTm, the booked amount of an FX entry', () => {
    const r = parseCamt(readFileSync(fixture('iso20022_business_sample_camt053.xml'), 'utf8'));
    expect(r.kind).toBe('camt.053');
    expect(r.skipped).toBe(1); // the batch debit
    expect(r.credits.map((c) => [c.bookingDate, c.amount, c.currency, c.debtorName ?? ''])).toEqual([
      ['2010-10-18', 105678.5, 'SEK', 'MUELLER'],
      ['2010-10-18', 30000, 'SEK', ''],
    ]);
  });

  it('refuses a truncated download and a file that is no camt message', () => {
    expect(() => parseCamt(readFileSync(fixture('ch_postfinance_camt054_qrr.truncated.xml'), 'utf8'))).toThrow(/truncated/);
    expect(() => parseCamt('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"></Document>')).toThrow(/not an ISO 20022 camt/);
    expect(() => parseCamt('customer_id,amount')).toThrow(/not XML/);
  });

  it('matches by QR reference, by invoice number, by amount and customer, and reports the rest', () => {
    const credits = parseCamt(camt054).credits;
    const byText = { ...credits[0]!, reference: undefined, text: 'Zahlung Rechnung RE-2020-17 danke', entryRef: 'x1' };
    const byAmount = { ...credits[0]!, reference: undefined, text: '', entryRef: 'x2', amount: 450 };
    const stranger = { ...credits[0]!, reference: '000000000000000000000000999', text: '', debtorName: 'Someone Else', entryRef: 'x3', amount: 12 };
    const invoices = [
      inv('RE-2020-11', 'K1', 913.93, { paymentReference: '66 24377 65447 74647 81797 44715', customerName: 'Bernasconi Maria' }),
      inv('RE-2020-17', 'K1', 778.29, { customerName: 'Bernasconi Maria' }),
      inv('RE-2020-18', 'K1', 450, { customerName: 'Bernasconi Maria' }),
      inv('RE-2020-19', 'K2', 450, { customerName: 'Other AG' }),
    ];
    const r = matchBankPayments([credits[1]!, byText, byAmount, stranger], invoices);
    expect(r.matches.map((m) => [m.invoice.invoiceId, m.rule])).toEqual([
      ['RE-2020-11', 'reference'],
      ['RE-2020-17', 'invoice_number'],
      ['RE-2020-18', 'amount_and_customer'],
    ]);
    expect(r.unmatched.map((c) => c.entryRef)).toEqual(['x3']);
    const paid = r.updated.find((x) => x.invoiceId === 'RE-2020-11')!;
    expect(paid).toMatchObject({ paidAmount: 913.93, paidDate: '2020-06-18', payments: [{ date: '2020-06-18', amount: 913.93, source: 'bank' }] });
    // The same file again adds nothing.
    expect(matchBankPayments([credits[1]!], [paid]).updated[0]!.payments).toHaveLength(1);
  });

  it('matches by amount and customer also when the customer took the stated Skonto or a credit note reduced the invoice', () => {
    const base = parseCamt(camt054).credits[0]!;
    const credit = (entryRef: string, amount: number, bookingDate: string) => ({ ...base, reference: undefined, text: '', debtorName: 'Bernasconi Maria', entryRef, amount, bookingDate });
    const invoices = [
      // 2 % within 10 days stated on the invoice: 1,234.55 less 2 % = 1,209.86 (or 1,209.85 rounded to 5 Rappen).
      inv('RE-1', 'K1', 1234.55, { customerName: 'Bernasconi Maria', issueDate: '2020-06-01', dueDate: '2020-07-01', discountPercent: 2, discountDays: 10 }),
      // 800 invoiced, 150 credited by a credit note naming it: the customer pays 650.
      inv('RE-2', 'K1', 800, { customerName: 'Bernasconi Maria' }),
      inv('GS-2', 'K1', -150, { customerName: 'Bernasconi Maria', reference: 'RE-2' }),
    ];
    const r = matchBankPayments([credit('s1', 1209.85, '2020-06-09'), credit('c1', 650, '2020-06-20')], invoices);
    expect(r.matches.map((m) => [m.credit.entryRef, m.invoice.invoiceId, m.rule])).toEqual([
      ['s1', 'RE-1', 'amount_and_customer'],
      ['c1', 'RE-2', 'amount_and_customer'],
    ]);
    // The discounted amount after the discount period is not this invoice's payment: reported, not guessed.
    expect(matchBankPayments([credit('s2', 1209.85, '2020-06-25')], invoices).unmatched.map((c) => c.entryRef)).toEqual(['s2']);
  });

  it('reads a payment short by up to the cash-discount share within the discount period as settled with Skonto, also when the export states none', () => {
    const [c778, c914] = parseCamt(camt054).credits; // booked 2020-06-18
    const invoices = [
      // 932.58 less 2 % = 913.93, paid before the due date: an unstated Skonto
      inv('RE-21', 'K1', 932.58, { issueDate: '2020-06-01', dueDate: '2020-06-30', paymentReference: '662437765447746478179744715' }),
      // 800 paid with 778.29 (2.7 % short) but after the due date: a short payment, the rest stays open
      inv('RE-22', 'K1', 800, { issueDate: '2020-05-01', dueDate: '2020-06-10', paymentReference: '539115429773825311971477453' }),
    ];
    const r = matchBankPayments([c778!, c914!], invoices);
    expect(r.matches.map((m) => [m.invoice.invoiceId, m.shortfall])).toEqual([
      ['RE-22', { amount: 21.71, share: 21.71 / 800, discount: false }],
      ['RE-21', { amount: 18.65, share: 18.65 / 932.58, discount: true }],
    ]);
    // The settlement reads the stored rows the same way: RE-21 settled in full with a discount, RE-22's rest open.
    const f = computeLedgerFeatures(r.updated, new Date('2020-07-01T00:00:00Z'));
    expect(f.discountCount).toBe(1);
    expect(f.evidence.discount).toEqual(['RE-21']);
    expect(f.exposure).toBe(21.71);
    // A stated Skonto of 1 % allows no 2 % shortfall; a configured share of 1.5 % neither.
    const stated = matchBankPayments([c914!], [{ ...invoices[0]!, discountPercent: 1 }]);
    expect(stated.matches[0]!.shortfall).toMatchObject({ discount: false });
    expect(matchBankPayments([c914!], [invoices[0]!], { maxDiscountShare: 0.015 }).matches[0]!.shortfall).toMatchObject({ discount: false });
    // Paid in full: nothing short.
    expect(matchBankPayments([c914!], [{ ...invoices[0]!, amount: 913.93 }]).matches[0]!.shortfall).toBeUndefined();
  });

  it('camt.053 (the ISO 20022 sample statement): the invoice number in the end-to-end id, 2 % short within the period, settled with Skonto', () => {
    const [mueller] = parseCamt(readFileSync(fixture('iso20022_business_sample_camt053.xml'), 'utf8')).credits; // SEK 105,678.50 on 2010-10-18
    // 107,835.20 less 2 % = 105,678.50; due 2010-10-31
    const invoice = inv('RA12345', 'K-MUELLER', 107835.2, { currency: 'SEK', issueDate: '2010-10-01', dueDate: '2010-10-31', customerName: 'Mueller AB' });
    const r = matchBankPayments([mueller!], [invoice]);
    expect(r.matches.map((m) => [m.rule, m.shortfall?.discount, m.shortfall?.amount])).toEqual([['invoice_number', true, 2156.7]]);
    const f = computeLedgerFeatures(r.updated, new Date('2010-11-15T00:00:00Z'));
    expect(f).toMatchObject({ exposure: 0, discountCount: 1, paidOnTimeCount: 1, unpaidShare: 0 });
    // The same money booked after the due date: short, the rest stays open and overdue.
    const late = matchBankPayments([mueller!], [{ ...invoice, dueDate: '2010-10-15' }]);
    expect(late.matches[0]!.shortfall).toMatchObject({ discount: false, amount: 2156.7 });
    expect(computeLedgerFeatures(late.updated, new Date('2010-11-15T00:00:00Z'))).toMatchObject({ exposure: 2156.7, discountCount: 0 });
  });

  it("the bank's booking date decides the delay, and a later ledger re-import keeps it", () => {
    const ledger = inv('RE-1', 'K1', 913.93, { paidDate: '2020-07-20', paidAmount: 913.93, paymentReference: '662437765447746478179744715' });
    const withBank = matchBankPayments(parseCamt(camt054).credits, [ledger]).updated[0]!;
    const asOf = new Date('2020-08-01T00:00:00Z');
    expect(computeLedgerFeatures([ledger], asOf).worstDelayDays).toBe(50);
    expect(computeLedgerFeatures([withBank], asOf).worstDelayDays).toBe(18);
    const reimported = keepBankPayments(withBank, ledger);
    expect(computeLedgerFeatures([reimported], asOf).worstDelayDays).toBe(18);
  });
});

describe('bonitor ledger import <camt.xml>', () => {
  const tmp = tempDir('bonitor-camt-');
  let app: App;
  beforeAll(async () => {
    app = await openApp(loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir, BONITOR_DEMO: 'false' } }).config, silentLogger, { now: () => new Date('2020-07-01T00:00:00Z') });
  });
  afterAll(async () => {
    await app.close();
    tmp.cleanup();
  });

  async function run(args: string[]) {
    const stdout = new PassThrough();
    const out: string[] = [];
    stdout.on('data', (d) => out.push(String(d)));
    let code: number;
    try {
      code = await ledgerImportCommand.run(args, { io: { stdin: new PassThrough(), stdout, stderr: new PassThrough() }, config: app.config, app: async () => app });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      return { code: e.exitCode, stdout: e.message };
    }
    return { code, stdout: out.join('') };
  }

  it('imports the ledger, then the bank notification: QR payments land on their invoices with the booking date', async () => {
    const csv = path.join(tmp.dir, 'op.csv');
    writeFileSync(csv, 'Kundennummer;Kunde;Rechnungsnummer;Rechnungsdatum;Fälligkeit;Betrag;Währung;QR-Referenz\nK1;Bernasconi Maria;RE-11;01.05.2020;31.05.2020;913.93;CHF;66 24377 65447 74647 81797 44715\nK1;Bernasconi Maria;RE-17;01.05.2020;31.05.2020;778.29;CHF;53 91154 29773 82531 19714 77453\n');
    expect((await run([csv])).code).toBe(0);
    const scorer = await startScorer(app);
    await scorer.idle();
    const dry = await run([fixture('ch_postfinance_camt054_qrr.xml'), '--dry-run']);
    expect(dry.stdout).toContain('camt.054 for CH2909000000250094239: 2 customer payments');
    expect(dry.stdout).toContain('matched 2: 2 by payment reference');
    expect(dry.stdout).toContain('dry run');
    const bank = await run([fixture('ch_postfinance_camt054_qrr.xml')]);
    expect(bank.stdout).toContain('2 invoices got the bank');
    await scorer.idle();
    await scorer.stop();
    const rows = await app.store.ledgerForCustomer('K1');
    expect(rows.map((r) => [r.invoiceId, r.paidDate, r.paidAmount])).toEqual([
      ['RE-11', '2020-06-18', 913.93],
      ['RE-17', '2020-06-18', 778.29],
    ]);
    expect((await run([fixture('ch_postfinance_camt054_qrr.truncated.xml')])).code).toBe(2);
  });
});

describe('bonitor ledger import <camt.xml> with payments short by the Skonto', () => {
  const tmp = tempDir('bonitor-camt-skonto-');
  let app: App;
  beforeAll(async () => {
    app = await openApp(loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir, BONITOR_DEMO: 'false' } }).config, silentLogger, { now: () => new Date('2020-07-01T00:00:00Z') });
  });
  afterAll(async () => {
    await app.close();
    tmp.cleanup();
  });

  async function run(args: string[]) {
    const stdout = new PassThrough();
    const out: string[] = [];
    stdout.on('data', (d) => out.push(String(d)));
    const code = await ledgerImportCommand.run(args, { io: { stdin: new PassThrough(), stdout, stderr: new PassThrough() }, config: app.config, app: async () => app });
    return { code, stdout: out.join('') };
  }

  it('settles the invoice paid 2 % short in time with a discount, says so in the summary, and leaves the late short payment open', async () => {
    const csv = path.join(tmp.dir, 'op.csv');
    writeFileSync(
      csv,
      'Kundennummer;Kunde;Rechnungsnummer;Rechnungsdatum;Fälligkeit;Betrag;Währung;QR-Referenz\n' +
        'K7;Bernasconi Maria;RE-21;01.06.2020;30.06.2020;932.58;CHF;66 24377 65447 74647 81797 44715\n' +
        'K7;Bernasconi Maria;RE-22;01.05.2020;10.06.2020;800.00;CHF;53 91154 29773 82531 19714 77453\n',
    );
    expect((await run([csv])).code).toBe(0);
    const scorer = await startScorer(app);
    await scorer.idle();
    const dry = await run([fixture('ch_postfinance_camt054_qrr.xml'), '--dry-run']);
    expect(dry.stdout).toContain('would settle with a cash discount (paid within the discount period, short by at most 3.0 % or the stated Skonto): 1 — RE-21 CHF 18.65 (2.0 %)');
    expect(dry.stdout).toContain('paid short, the rest stays open (more than the discount, or after the discount period): 1 — RE-22 CHF 21.71 (2.7 %)');
    const bank = await run([fixture('ch_postfinance_camt054_qrr.xml')]);
    expect(bank.stdout).toContain('settled with a cash discount (paid within the discount period, short by at most 3.0 % or the stated Skonto): 1 — RE-21');
    await scorer.idle();
    await scorer.stop();
    const rows = await app.store.ledgerForCustomer('K7');
    const f = computeLedgerFeatures(rows, new Date('2020-07-01T00:00:00Z'));
    expect(f.evidence.discount).toEqual(['RE-21']);
    expect(f.exposure).toBe(21.71);
    // The scorer re-assessed the customer from the stored bank payments: only RE-22's rest is open.
    const assessment = await app.store.latestAssessment('K7');
    expect(assessment?.exposure).toMatchObject({ open: 21.71, overdue: 21.71 });
  });
});
