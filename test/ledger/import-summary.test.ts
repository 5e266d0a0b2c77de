import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerImportCommand } from '../../app/cli/ledger.command.js';
import { openApp, type App } from '../../app/compose.js';
import { loadConfig } from '../../platform/config/load.js';
import { silentLogger } from '../../platform/log.js';
import { tempDir } from '../helpers.js';

const fixture = (name: string) => new URL(`../fixtures/ledger/${name}`, import.meta.url).pathname;

/**
 * Issue 13's "done when": whatever the accounting package wrote, the import summary lists every
 * field Bonitor mapped and every adjustment it made, before anything is stored (--dry-run).
 */
describe('the import summary of each accounting format lists what was mapped and adjusted', () => {
  const tmp = tempDir('bonitor-import-summary-');
  let app: App;
  beforeAll(async () => {
    app = await openApp(loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir, BONITOR_DEMO: 'false' } }).config, silentLogger, { now: () => new Date('2026-04-01T06:00:00Z') });
  });
  afterAll(async () => {
    await app.close();
    tmp.cleanup();
  });

  async function dryRun(args: string[]) {
    const stdout = new PassThrough();
    const out: string[] = [];
    stdout.on('data', (d) => out.push(String(d)));
    const code = await ledgerImportCommand.run([...args, '--dry-run'], { io: { stdin: new PassThrough(), stdout, stderr: new PassThrough() }, config: app.config, app: async () => app });
    return { code, stdout: out.join('') };
  }

  it('a DATEV Buchungsstapel (the real example batch): the DATEV fields used, the year taken from the period, due dates from the terms', async () => {
    const r = await dryRun([fixture('datev_extf_buchungsstapel_ledermann.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('read as: DATEV Buchungsstapel of client 456 for 2016-06-01 to 2016-06-30 (utf-8): 2 postings, 1 on debtor accounts (1 others left aside)');
    expect(r.stdout).toContain('columns: Konto / Gegenkonto (ohne BU-Schlüssel) (the debtor account) → customer_id, Belegfeld 1 → invoice_id, Belegdatum → issue_date and payment dates');
    expect(r.stdout).toContain('Skonto → discount_amount');
    expect(r.stdout).toContain("2 Belegdatum without a year (TTMM) dated in the batch's period");
    expect(r.stdout).toContain("1 invoices without WKZ Umsatz in the batch's currency");
    expect(r.stdout).toContain('1 due dates from the payment terms');
    expect(r.stdout).toContain('dry run: nothing stored');
    expect(await app.store.ledgerCustomerIds()).toEqual([]);
  });

  it("bexio's invoices and payments: bexio's fields, drafts and cancelled left out, the Skonto payment, the credit voucher", async () => {
    const r = await dryRun([fixture('bexio_kb_invoice_handmade.json'), '--payments', fixture('bexio_kb_invoice_payments_handmade.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('read as: bexio invoices (API v2 JSON): 4 invoices (2 drafts or cancelled left out), 2 with dated payments, 1 paid without payment dates');
    expect(r.stdout).toContain('columns: contact_id → customer_id, contact_address (first line) → customer_name, document_nr → invoice_id, is_valid_from → issue_date, is_valid_to → due_date, total → amount');
    expect(r.stdout).toContain('is_cash_discount → discount');
    expect(r.stdout).toContain('adjustments: 2 drafts or cancelled invoices skipped; currency CHF assumed (no currency column); 1 invoices settled with a cash discount (108 in total); 1 credit notes (1 on the invoice they name, 0 netted per customer)');
  });

  it('a payments file (Windows-1252, German headers): how many payments went to invoices, and the ones no invoice took', async () => {
    const ledger = path.join(tmp.dir, 'op.csv');
    const payments = path.join(tmp.dir, 'zahlungen.csv');
    writeFileSync(ledger, 'Kundennummer;Kunde;Rechnungsnummer;Rechnungsdatum;Fälligkeit;Betrag;Währung\nK1;Müller AG;RE-1;01.03.2026;31.03.2026;1000.00;CHF\nK1;Müller AG;RE-2;01.03.2026;31.03.2026;500.00;CHF\n');
    writeFileSync(payments, Buffer.from('Kundennummer;Rechnungsnummer;Zahlungsdatum;Betrag\nK1;RE-1;10.03.2026;400.00\nK1;RE-1;25.03.2026;580.00\nK1;RE-2;20.03.2026;200.00\nK9;RE-77;02.03.2026;50.00\n', 'latin1'));
    const r = await dryRun([ledger, '--payments', payments]);
    expect(r.code).toBe(0);
    // RE-1: 980 of 1,000 in two payments before the due date — a 2 % Skonto.
    expect(r.stdout).toContain('adjustments: 1 invoices settled with a cash discount (20 in total)');
    expect(r.stdout).toContain(`payments file ${payments}: 4 payments read, 3 would go to 2 invoices as their partial payments; 1 for invoices not in the export left out (customer/invoice): K9/RE-77`);
  });
});
