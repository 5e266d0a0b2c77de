import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../analysis/classify/index.js';
import { buildWatchlistIndex, linkEntities, pairEventsWithCustomers } from '../../analysis/linking/index.js';
import type { Customer } from '../../platform/schemas/customer.js';
import { loadLinkModel } from '../../app/link-model.js';

function customer(id: string, name: string, extra: Partial<Customer> = {}): Customer {
  return { id, name, aliases: [], registerIds: [], domains: [], country: 'CH', industry: '', tags: [], ...extra };
}

const index = buildWatchlistIndex([
  customer('mueller', 'Müller Bau GmbH & Co. KG', { country: 'DE' }),
  customer('nestle', 'Nestlé S.A.'),
  customer('orange', 'Orange SA', { country: 'FR' }),
  customer('rysaffe', 'Rysaffe Administrateurs Sàrl', { registerIds: ['CHE-114.723.217'] }),
  customer('alpha', 'Alpha Metallbau AG'),
  customer('beta', 'Beta Logistik GmbH'),
], loadLinkModel());

/** Link, extract with the linked customers as mentions, bind: the analyzer's path. */
function pair(doc: { title?: string; text: string; rubric?: string; registerIds?: { uid?: string[] } }) {
  const matches = linkEntities(index, doc);
  const c = classifyDocument({ ...doc, linked: matches });
  return pairEventsWithCustomers(index, doc, c.events, matches);
}

describe('pairEventsWithCustomers', () => {
  it('gives the event to the customer that is its subject, and nothing to a bystander named elsewhere', () => {
    const paired = pair({
      title: 'Zulieferer unter Druck',
      text: 'Über die Müller Bau GmbH & Co. KG wurde am Montag der Konkurs eröffnet. Auch Nestlé bezog Bauleistungen von der Firma, ist aber nicht betroffen.',
    });
    expect(paired.map((p) => [p.customerId, p.type, p.ambiguous, p.role, p.binding])).toEqual([['mueller', 'insolvency', false, 'debtor', 'subject']]);
  });

  it('never gives the debtor’s event to the creditor that enforces it', () => {
    const paired = pair({ text: 'Die Alpha Metallbau AG hat gegen die Beta Logistik GmbH die Betreibung eingeleitet.' });
    expect(paired.map((p) => [p.customerId, p.type, p.role])).toEqual([['beta', 'debt_enforcement', 'debtor']]);
  });

  it('binds a reference ("die Firma") to the company the document is about', () => {
    const paired = pair({ title: 'Orange SA meldet sich beim Gericht', text: 'Die Firma ist zahlungsunfähig.' });
    expect(paired).toMatchObject([{ customerId: 'orange', ambiguous: false, binding: 'document' }]);
  });

  it('gives a register notice to the entity it is filed under', () => {
    const event = { type: 'insolvency' as const, severity: 'critical' as const, confidence: 0.9, evidence: 'Konkurseröffnung', role: 'debtor' as const };
    const notice = pairEventsWithCustomers(index, { text: 'x', registerIds: { uid: ['CHE-114.723.217'] }, rubric: 'KK01' }, [event]);
    expect(notice).toMatchObject([{ customerId: 'rysaffe', ambiguous: false, confidence: 0.9, binding: 'register' }]);
  });
});
