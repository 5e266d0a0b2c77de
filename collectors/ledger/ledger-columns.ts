/**
 * Which column of an export is which ledger field: header names in German, French, Italian
 * and English as accounting packages write them, plus the user's own mapping (`--map
 * column=field`, `ledger.columns` in the config) for everything else. Header names are compared
 * folded: lower case, umlauts and accents spelled out or dropped, punctuation and spaces ignored.
 */
export const LEDGER_FIELDS = [
  'customer_id',
  'customer_name',
  'invoice_id',
  'issue_date',
  'due_date',
  'terms_days',
  'amount',
  'currency',
  'paid_date',
  'paid_amount',
  'dunning_level',
  'collection',
  'reference',
  'payment_reference',
  'discount_percent',
  'discount_days',
  'discount_amount',
  'written_off',
  'disputed',
  'status',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

const SYNONYMS: Record<LedgerField, string[]> = {
  customer_id: [
    'customer_id', 'customerid', 'customer_no', 'customer_number', 'customer_nr', 'client_id', 'debtor', 'debtor_no', 'debtor_id', 'account_no',
    'kundennummer', 'kundennr', 'kunden_nr', 'kunde_nr', 'kundenid', 'debitor', 'debitornummer', 'debitorennummer', 'debitor_nr', 'debitorennr', 'kontonummer_debitor',
    'n_client', 'no_client', 'numero_client', 'num_client', 'code_client', 'id_client', 'client_no', 'n_debiteur', 'numero_debiteur', 'debiteur',
    'n_cliente', 'numero_cliente', 'codice_cliente', 'id_cliente', 'debitore',
  ],
  customer_name: [
    'customer_name', 'customername', 'name', 'company', 'company_name', 'debtor_name',
    'kunde', 'kundenname', 'name_kunde', 'firma', 'firmenname', 'debitorname', 'debitorenname', 'name_debitor', 'kontakt', 'adressat',
    'client', 'nom_client', 'nom', 'raison_sociale', 'nom_debiteur', 'societe',
    'cliente', 'nome_cliente', 'nome', 'ragione_sociale', 'ditta',
  ],
  invoice_id: [
    'invoice_id', 'invoiceid', 'invoice', 'invoice_no', 'invoice_number', 'invoice_nr', 'document_no', 'document_number', 'document_id',
    'rechnungsnummer', 'rechnungsnr', 'rechnung_nr', 're_nr', 'renr', 'rechnung', 'belegnummer', 'belegnr', 'beleg_nr', 'beleg', 'belegfeld_1', 'belegfeld1',
    'op_nummer', 'op_nr', 'opnr', 'dokumentnummer', 'dokument_nr', 'fakturanummer',
    'n_facture', 'no_facture', 'numero_facture', 'num_facture', 'facture', 'n_piece', 'numero_piece', 'no_piece', 'piece',
    'n_fattura', 'numero_fattura', 'fattura', 'numero_documento', 'n_documento',
  ],
  issue_date: [
    'issue_date', 'invoice_date', 'date', 'document_date', 'issued', 'issued_on',
    'rechnungsdatum', 'belegdatum', 'datum', 're_datum', 'redatum', 'fakturadatum', 'buchungsdatum', 'dokumentdatum',
    'date_facture', 'date_de_facture', 'date_document', 'date_piece', 'date_d_emission', 'date_emission',
    'data_fattura', 'data_documento', 'data', 'data_emissione',
  ],
  due_date: [
    'due_date', 'due', 'due_on', 'payment_due', 'duedate', 'due_date_net',
    'faelligkeit', 'faelligkeitsdatum', 'faellig_am', 'faellig', 'falligkeit', 'fallig_am', 'nettofaelligkeit', 'faellig_netto', 'zahlbar_bis', 'zahlungstermin',
    'zugeordnete_faelligkeit', 'echeance', 'date_echeance', 'date_d_echeance', 'echeance_le', 'scadenza', 'data_scadenza', 'data_di_scadenza',
  ],
  terms_days: [
    'terms_days', 'payment_terms', 'terms', 'net_days', 'zahlungsziel', 'zahlungsziel_tage', 'ziel', 'zahlungsfrist', 'netto_tage', 'nettotage',
    'delai_de_paiement', 'delai_paiement', 'conditions_de_paiement', 'termini_di_pagamento', 'termine_di_pagamento', 'giorni',
  ],
  amount: [
    'amount', 'invoice_amount', 'total', 'gross_amount', 'amount_gross', 'gross', 'invoice_total',
    'betrag', 'rechnungsbetrag', 'brutto', 'bruttobetrag', 'betrag_brutto', 'summe', 'total_brutto', 'umsatz', 'betrag_chf', 'betrag_eur', 'forderung',
    'montant', 'montant_ttc', 'montant_facture', 'montant_brut', 'total_ttc', 'importo', 'importo_fattura', 'totale', 'importo_lordo',
  ],
  currency: ['currency', 'ccy', 'curr', 'currency_code', 'waehrung', 'wahrung', 'whg', 'wkz', 'waehrungscode', 'devise', 'monnaie', 'valuta', 'divisa'],
  paid_date: [
    'paid_date', 'payment_date', 'paid_on', 'date_paid', 'paid_at', 'settled_on', 'cleared_on',
    'zahlungsdatum', 'bezahlt_am', 'zahldatum', 'zahlungseingang_am', 'eingangsdatum', 'ausgeglichen_am', 'ausgleichsdatum', 'valuta_datum',
    'date_paiement', 'date_de_paiement', 'paye_le', 'date_reglement', 'regle_le', 'data_pagamento', 'pagato_il', 'data_incasso',
  ],
  paid_amount: [
    'paid_amount', 'paid', 'amount_paid', 'payment_amount', 'payments', 'received', 'amount_received',
    'bezahlt', 'bezahlter_betrag', 'zahlbetrag', 'zahlungsbetrag', 'gezahlt', 'eingang', 'zahlungseingang', 'bezahlt_betrag', 'ausgeglichen',
    'montant_paye', 'paye', 'regle', 'montant_regle', 'importo_pagato', 'pagato', 'incassato',
  ],
  dunning_level: [
    'dunning_level', 'dunning', 'reminder_level', 'reminders', 'mahnstufe', 'mahnung', 'mahnlevel', 'mahnstufe_aktuell',
    'niveau_de_rappel', 'niveau_rappel', 'rappel', 'degre_de_rappel', 'livello_sollecito', 'sollecito', 'livello_di_sollecito',
  ],
  collection: ['collection', 'in_collection', 'debt_collection', 'inkasso', 'betreibung', 'recouvrement', 'contentieux', 'poursuite', 'incasso_crediti', 'esecuzione'],
  reference: [
    'reference', 'ref', 'credit_note_for', 'invoice_reference', 'original_invoice', 'related_invoice', 'applies_to',
    'bezug', 'referenz', 'bezugsrechnung', 'gutschrift_zu', 'zu_rechnung', 'ursprungsrechnung',
    'reference_facture', 'facture_origine', 'facture_d_origine', 'riferimento', 'fattura_di_riferimento',
  ],
  payment_reference: [
    'payment_reference', 'qr_reference', 'creditor_reference', 'rf_reference', 'esr_reference', 'isr_reference',
    'qr_referenz', 'esr_referenz', 'esr_referenznummer', 'referenznummer', 'zahlungsreferenz', 'qr_ref', 'esr_ref',
    'reference_qr', 'reference_bvr', 'no_de_reference', 'reference_de_paiement', 'riferimento_qr', 'riferimento_pagamento', 'numero_di_riferimento',
  ],
  discount_percent: [
    'discount_percent', 'cash_discount_percent', 'discount_pct', 'skonto_prozent', 'skonto_percent', 'skonto_pct', 'skontosatz', 'skonto_satz', 'skonto_in_prozent',
    'escompte_pourcent', 'taux_escompte', 'escompte_pct', 'sconto_percentuale', 'percentuale_sconto',
  ],
  discount_days: [
    'discount_days', 'cash_discount_days', 'skonto_tage', 'skontotage', 'skontofrist', 'skonto_frist', 'jours_escompte', 'delai_escompte', 'giorni_sconto',
  ],
  discount_amount: [
    'discount_amount', 'discount', 'cash_discount', 'skonto', 'skontobetrag', 'skonto_betrag', 'abzug_skonto', 'escompte', 'montant_escompte', 'sconto', 'importo_sconto',
  ],
  written_off: [
    'written_off', 'write_off', 'writeoff', 'written_off_amount', 'bad_debt', 'abgeschrieben', 'abschreibung', 'forderungsverlust', 'ausgebucht', 'debitorenverlust',
    'perte', 'perte_sur_debiteur', 'perte_sur_creance', 'passato_a_perdita', 'perdita', 'perdita_su_crediti',
  ],
  disputed: ['disputed', 'dispute', 'in_dispute', 'bestritten', 'strittig', 'reklamation', 'beanstandet', 'conteste', 'litige', 'en_litige', 'contestato', 'contestazione'],
  status: ['status', 'state', 'invoice_status', 'zustand', 'op_status', 'rechnungsstatus', 'statut', 'etat', 'stato'],
};

/** Lower case, umlauts spelled out (ä → ae) and accents dropped, every run of other characters one `_`. */
export function foldHeader(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/n°|nº|no\./g, 'n_')
    .replace(/%/g, '_pct')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const LOOKUP = new Map<string, LedgerField>();
for (const field of LEDGER_FIELDS) for (const name of SYNONYMS[field]) if (!LOOKUP.has(foldHeader(name))) LOOKUP.set(foldHeader(name), field);
// Spelled-out and dropped umlauts both occur ("Fälligkeit" → faelligkeit / falligkeit).
for (const [k, v] of [...LOOKUP]) {
  const dropped = k.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
  if (!LOOKUP.has(dropped)) LOOKUP.set(dropped, v);
}

export interface ColumnMapping {
  /** Field → cell index. */
  index: Partial<Record<LedgerField, number>>;
  /** How each mapped column was recognised, for the import summary. */
  mapped: Array<{ column: string; field: LedgerField; how: 'name' | 'synonym' | 'user' }>;
  unknown: string[];
}

/**
 * Header cells → column mapping. `user` maps header names (as written, or folded) to fields and
 * wins over synonyms; the first column recognised for a field wins over later ones.
 */
export function mapColumns(header: readonly string[], user: Readonly<Record<string, string>> = {}): ColumnMapping {
  const userFolded = new Map(Object.entries(user).map(([k, v]) => [foldHeader(k), v as LedgerField]));
  const index: ColumnMapping['index'] = {};
  const mapped: ColumnMapping['mapped'] = [];
  const unknown: string[] = [];
  header.forEach((raw, i) => {
    const column = raw.trim();
    const folded = foldHeader(column);
    const byUser = userFolded.get(folded);
    const field = byUser ?? LOOKUP.get(folded);
    if (!field) {
      if (column !== '') unknown.push(column);
      return;
    }
    if (byUser) {
      // The user's word beats a synonym that claimed the field first.
      const earlier = mapped.findIndex((m) => m.field === field && m.how !== 'user');
      if (earlier >= 0) mapped.splice(earlier, 1);
    } else if (index[field] !== undefined) {
      unknown.push(column);
      return;
    }
    index[field] = i;
    mapped.push({ column, field, how: byUser ? 'user' : folded === field ? 'name' : 'synonym' });
  });
  return { index, mapped, unknown };
}

/** How well a row works as the header: the number of distinct fields it names (title rows name none). */
export function headerScore(cells: readonly string[], user: Readonly<Record<string, string>> = {}): number {
  const m = mapColumns(cells, user);
  return Object.keys(m.index).length;
}

/** Parses `column=field` pairs of --map; unknown fields are an error naming the valid ones. */
export function parseColumnMap(pairs: readonly string[]): Record<string, LedgerField> {
  const out: Record<string, LedgerField> = {};
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=');
    const column = eq > 0 ? pair.slice(0, eq).trim() : '';
    const field = eq > 0 ? pair.slice(eq + 1).trim() : '';
    if (!column || !(LEDGER_FIELDS as readonly string[]).includes(field)) {
      throw new Error(`--map "${pair}": use column=field with a field among ${LEDGER_FIELDS.join(', ')}`);
    }
    out[column] = field as LedgerField;
  }
  return out;
}
