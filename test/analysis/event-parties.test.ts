/**
 * Who gets the event, and when there is none: the role and modality rules of the event extractor on real sentences of
 * the development corpus (analysis/eval/corpus/events.dev.jsonl; each line carries its page URL and source domain there).
 * The party checks run the analyzer as a credit manager would: every organisation the sentence names is a watched
 * customer, and a liquidator, acquirer, auditor or adviser must not receive the debtor's event.
 */
import { devEventLine, type DevEventLine } from './support/dev-events.js';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../analysis/analyze-document.js';
import { classifyDocument } from '../../analysis/classify/index.js';
import { buildWatchlistIndex } from '../../analysis/linking/index.js';
import { loadEventModel } from '../../app/event-model.js';
import { loadLinkModel } from '../../app/link-model.js';
import { HARD_EVENT_TYPES } from '../../platform/schemas/common.js';
import type { Customer } from '../../platform/schemas/customer.js';

const HARD = new Set<string>(HARD_EVENT_TYPES);
const model = loadEventModel();
const linkModel = loadLinkModel();
const line = devEventLine;
const publishedAt = (l: DevEventLine) => (l.date ? `${l.date.slice(0, 4)}-${(l.date.slice(5, 7) || '06').padEnd(2, '0')}-15T00:00:00Z` : undefined);
const read = (id: string) => {
  const l = line(id);
  const at = publishedAt(l);
  return classifyDocument({ text: l.text, lang: l.lang, ...(at ? { publishedAt: at } : {}) }, { model });
};
const hardTypes = (id: string) => [...new Set(read(id).events.map((e) => e.type).filter((t) => HARD.has(t)))].sort();

/** The alerts each organisation of the sentence receives when all of them are watched customers. */
function alertsByOrg(id: string): Map<string, string[]> {
  const l = line(id);
  const customers: Customer[] = l.orgs.map((org, i) => ({ id: `c${i}`, name: org, aliases: [], registerIds: [], domains: [], country: '', industry: '', tags: [] }));
  const fetchedAt = publishedAt(l) ?? '2026-01-01T12:00:00Z';
  const doc = { id: l.id, sourceId: 'corpus', kind: 'news' as const, url: l.url, title: '', text: l.text, language: l.lang, publishedAt: publishedAt(l), fetchedAt };
  const out = new Map<string, string[]>(l.orgs.map((o) => [o, []]));
  for (const s of analyzeDocument(doc, buildWatchlistIndex(customers, linkModel), new Date(fetchedAt), { eventModel: model })) {
    const org = s.customerId === undefined ? undefined : l.orgs[Number(s.customerId.slice(1))];
    if (org !== undefined && !s.ambiguous) out.get(org)!.push(s.type);
  }
  return out;
}

describe('parties: only the one that suffers the event gets it', () => {
  it('"The Official Assignee acting as liquidator of X … against auditor Y": the liquidator and the auditor get no insolvency', () => {
    const alerts = alertsByOrg('ev-6011');
    expect(alerts.get('Official Assignee')!.filter((t) => HARD.has(t))).toEqual([]);
    expect(alerts.get('BDO Spicers')!.filter((t) => HARD.has(t))).toEqual([]);
    expect(alerts.get('Capital + Merchant Finance')).toContain('insolvency');
  });

  it('"sold to the new company, X": the buyer named in apposition is not the company sold', () => {
    expect(alertsByOrg('ev-6002').get('Internacionale UK Ltd')).not.toContain('ownership_change');
  });

  it('"X was approached by a client … to take over the assets of a chain of restaurants, that had fallen into insolvency": the relative clause is about the chain, not X', () => {
    expect(alertsByOrg('ev-6015').get('Gannons')!.filter((t) => HARD.has(t))).toEqual([]);
    const rejected = read('ev-6015').rejected.find((e) => e.type === 'insolvency');
    expect(rejected?.cues.join(' ')).toMatch(/relative clause hangs on another noun/);
  });

  it('a law firm engaged "as general bankruptcy counsel" gets no bankruptcy', () => {
    expect(hardTypes('ev-6030')).toEqual([]);
    for (const [, types] of alertsByOrg('ev-6030')) expect(types.filter((t) => HARD.has(t))).toEqual([]);
  });
});

describe('owners, buyers and debts: the direction of the relation decides', () => {
  it('"Hostmore, the owners of TGI Fridays has gone into administration": the owner is in administration, not the chain it owns', () => {
    const alerts = alertsByOrg('ev-0986');
    expect(alerts.get('Hostmore')).toContain('insolvency');
    expect(alerts.get('TGI Fridays')).not.toContain('insolvency');
  });

  it('"Liverpool owners FSG put club up for sale": the owner sells, it is not sold', () => {
    expect(alertsByOrg('ev-1140').get('FSG')).not.toContain('ownership_change');
  });

  it('"Carillion owes suppliers … £2bn": the one that owes is the debtor', () => {
    const delay = read('ev-1081').events.find((e) => e.type === 'payment_delay');
    expect(delay?.subject).toBe('Carillion');
    expect(delay?.role).toBe('debtor');
  });
});

describe('petitions and requests: asked for is not opened', () => {
  it('German: a creditor that "hat … die Eröffnung des Insolvenzverfahrens über das Vermögen der Schuldnerin beantragt" enforces a claim', () => {
    for (const id of ['ev-6055', 'ev-0321']) {
      const hard = read(id).events.filter((e) => HARD.has(e.type));
      expect(hard.map((e) => e.type), id).toEqual(['debt_enforcement']);
      expect(hard[0]!.role, id).toBe('respondent');
    }
  });

  it('Italian: "l\'istanza di liquidazione giudiziale" filed is an insolvency filing, not yet a liquidation', () => {
    expect(hardTypes('ev-1282')).toEqual(['insolvency']);
  });
});

describe('no specific fact: law, trends, conditions, history, reports', () => {
  it('a bare plural "Winding-Up petitions" is talk of petitions in general', () => {
    expect(hardTypes('ev-6024')).toEqual([]);
  });

  it('"a list of 16 US retailers and restaurant chains that have filed for bankruptcy and sought Chapter 11 protection": a kind of company, not the publisher named before it', () => {
    expect(hardTypes('ev-0668')).toEqual([]);
  });

  it('what the law allows ("Dagegen ist es nicht zulässig, durch einen Insolvenzantrag …") and a question to the reader about "la tua azienda" are no event', () => {
    expect(hardTypes('ev-0879')).toEqual([]);
    expect(hardTypes('ev-1194')).toEqual([]);
  });

  it('a German sentence opening with its verb ("Erklärt ein Finanzamt … seinen Insolvenzantrag für erledigt, …") is a condition', () => {
    expect(hardTypes('ev-6054')).toEqual([]);
  });

  it('"bounce back from a bankruptcy filing" tells an event that is over', () => {
    expect(hardTypes('ev-6027')).toEqual([]);
  });

  it('"Offenbar haben diverse Parteien Betreibungen … eingereicht" and a court that defers its ruling ("sursis à statuer") are hedged: distress, not the hard event', () => {
    expect(hardTypes('ev-1416')).toEqual([]);
    expect(alertsByOrg('ev-1416').get('Neuchâtel Xamax')).toEqual(['financial_distress']);
    expect(hardTypes('ev-1704')).toEqual([]);
  });
});
