import { describe, expect, it } from 'vitest';
import type { EventLine, LinkLine } from '../../analysis/eval/corpus-schema.js';
import { evaluateEvents, evaluateLinking, evaluateRoles, missedGoals, scoreOf } from '../../analysis/eval/evaluate.js';

const line = (id: string, text: string, events: EventLine['events'], extra: Partial<EventLine> = {}): EventLine => ({
  id,
  lang: 'en',
  text,
  url: 'https://example.org/a',
  domain: 'example.org',
  kind: 'sentence',
  events,
  mentions: [],
  modalityClass: events.length > 0 ? 'factual' : 'none',
  negativeClass: null,
  orgs: [],
  note: '',
  ...extra,
});
const ev = (type: EventLine['events'][number]['type'], subject: string | null = 'Acme') => ({ type, subject, role: 'debtor', modality: 'factual' as const });

describe('evaluation arithmetic', () => {
  it('computes precision, recall and F1, with empty classes counting as perfect', () => {
    expect(scoreOf(8, 2, 2)).toMatchObject({ precision: 0.8, recall: 0.8 });
    expect(scoreOf(8, 2, 2).f1).toBeCloseTo(0.8, 10);
    expect(scoreOf(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('scores event types per sentence, hard negatives per error class and the confusion between hard types', () => {
    const lines = [
      line('ev-0001', 'a', [ev('insolvency')]),
      line('ev-0002', 'b', [], { negativeClass: 'law', modalityClass: 'generic' }),
      line('ev-0003', 'c', [ev('liquidation')]),
      line('ev-0004', 'd', [ev('layoffs')]),
    ];
    const predicted: Record<string, EventLine['events'][number]['type'][]> = { a: ['insolvency', 'layoffs'], b: ['insolvency'], c: ['insolvency'], d: [] };
    const r = evaluateEvents(lines, (l) => predicted[l.text]!);
    expect(r.byType.insolvency).toMatchObject({ tp: 1, fp: 2, fn: 0 });
    expect(r.byType.liquidation).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(r.byType.layoffs).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(r.hardNegatives).toMatchObject({ sentences: 1, withHard: 1, share: 1 });
    expect(r.byNegativeClass.law).toEqual({ sentences: 1, withHard: 1 });
    expect(r.confusion.insolvency.insolvency).toBe(1);
    expect(r.confusion.liquidation.insolvency).toBe(1);
    expect(r.confusion.none.insolvency).toBe(1);
    expect(r.confusion.none.none).toBe(1);
    expect(r.hard.precision).toBeCloseTo(1 / 3, 10);
    expect(r.errors.map((e) => e.id)).toEqual(['ev-0001', 'ev-0002', 'ev-0003', 'ev-0004']);
  });

  it('scores clear links only, confusable-only sentences by false links and no-company sentences by any link', () => {
    const base = { lang: 'de' as const, url: 'https://example.org/b', domain: 'example.org', note: '' };
    const lines: LinkLine[] = [
      { ...base, id: 'ln-0001', text: 'Migros und Coop', expect: ['migros', 'coop'], confusable: null, orgs: ['Migros', 'Coop'] },
      { ...base, id: 'ln-0002', text: 'Thomas Meier sagte', expect: [], confusable: 'person', orgs: [] },
      { ...base, id: 'ln-0003', text: 'Es regnet', expect: [], confusable: null, orgs: [] },
      // A sentence that expects a customer names a company, though its orgs were left empty: not a no-company sentence.
      { ...base, id: 'ln-0004', text: 'Migros baut aus', expect: ['migros'], confusable: null, orgs: [] },
    ];
    const out: Record<string, { customerId: string; ambiguous: boolean }[]> = {
      'ln-0001': [{ customerId: 'migros', ambiguous: false }, { customerId: 'coop', ambiguous: true }],
      'ln-0002': [{ customerId: 'meier', ambiguous: false }],
      'ln-0003': [],
      'ln-0004': [{ customerId: 'migros', ambiguous: false }],
    };
    const r = evaluateLinking(lines, (l) => out[l.id]!);
    expect(r.overall).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(r.confusable).toMatchObject({ sentences: 1, withFalseLink: 1, precision: 0 });
    expect(r.noCompany).toMatchObject({ sentences: 1, withLink: 0, share: 0 });
    expect(r.ambiguous).toBe(1);
  });

  it('counts a role violation when the creditor receives the debtor\'s event as an alert', () => {
    const l = line('ev-0005', 'HMRC presented a winding-up petition against Acme Ltd.', [{ type: 'debt_enforcement', subject: 'Acme Ltd', role: 'respondent', modality: 'factual' }], {
      mentions: [{ type: 'debt_enforcement', subject: 'HMRC', role: 'petitioner' }],
      orgs: ['Acme Ltd', 'HMRC'],
    });
    const wrong = evaluateRoles([l], () => [
      { org: 'HMRC', type: 'debt_enforcement', ambiguous: false },
      { org: 'Acme Ltd', type: 'debt_enforcement', ambiguous: false },
    ]);
    expect(wrong.violations).toEqual([{ id: 'ev-0005', org: 'HMRC', role: 'petitioner', type: 'debt_enforcement' }]);
    expect(wrong.subjects).toEqual({ expected: 1, received: 1 });
    const right = evaluateRoles([l], () => [{ org: 'HMRC', type: 'debt_enforcement', ambiguous: true }]);
    expect(right.violations).toEqual([]);
    expect(right.heldBack).toBe(1);
    const events = evaluateEvents([l], () => ['debt_enforcement']);
    const linking = evaluateLinking([], () => []);
    expect(missedGoals(events, linking, wrong)).toHaveLength(1);
    expect(missedGoals(events, linking, right)).toEqual([]);
  });

  it('counts clear signals to a named organisation the sentence gives no event, under any of its names', () => {
    const l = line('ev-0006', 'Moody’s cut Acme Ltd (Acme) to junk, reported the Gazette.', [ev('financial_distress', 'Acme Ltd')], { orgs: ['Moody’s', 'Acme Ltd', 'Acme', 'Gazette'] });
    const report = evaluateRoles([l, line('ev-0007', 'No organisation here went bust.', [])], () => [
      { org: 'Acme', names: ['Acme Ltd', 'Acme'], type: 'financial_distress', ambiguous: false },
      { org: 'Moody’s', type: 'financial_distress', ambiguous: false },
      { org: 'Gazette', type: 'financial_distress', ambiguous: true },
    ]);
    expect(report.wrongParty).toEqual({ sentences: 1, signals: [{ id: 'ev-0006', org: 'Moody’s', type: 'financial_distress' }] });
    expect(report.sentences).toBe(0);
  });
});
