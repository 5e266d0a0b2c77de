/**
 * References across sentences (analysis/classify/resolve-references.ts) on consecutive sentences of real
 * news pages (test/fixtures/analysis/reference-documents.json, URLs in the file and SOURCES.tsv): the
 * event told with "L'entreprise" gets the company the sentence before named; a newspaper the page cites
 * is never the antecedent; a description with nothing named before stays what it is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../analysis/classify/index.js';
import { buildWatchlistIndex, linkEntities, pairEventsWithCustomers } from '../../analysis/linking/index.js';
import type { Customer } from '../../platform/schemas/customer.js';
import { loadEventModel } from '../../app/event-model.js';
import { loadLinkModel } from '../../app/link-model.js';

interface RealDocument {
  id: string;
  url: string;
  lang: string;
  text: string;
}
const docs = JSON.parse(readFileSync(new URL('../fixtures/analysis/reference-documents.json', import.meta.url), 'utf8')) as RealDocument[];
const doc = (id: string) => docs.find((d) => d.id === id)!;
const model = loadEventModel();

function customer(id: string, name: string, extra: Partial<Customer> = {}): Customer {
  return { id, name, aliases: [], registerIds: [], domains: [], country: 'CH', industry: '', tags: [], ...extra };
}

describe('a definite description refers back to the company named before', () => {
  it('"L\'entreprise a été déclarée en faillite" is the bankruptcy of Schläfli & Maurer, named in the sentence before, with the reason', () => {
    const d = doc('graphiline-schlaefli');
    const ev = classifyDocument({ text: d.text, lang: d.lang }, { model }).events.find((e) => e.type === 'insolvency');
    expect(ev?.subject).toBe('Schläfli & Maurer');
    expect(ev?.subjectKind).toBe('name');
    expect(d.text.slice(ev!.subjectSpan!.start, ev!.subjectSpan!.end)).toBe('Schläfli & Maurer');
    expect(ev?.cues).toContain('subject: "L\'entreprise" refers to Schläfli & Maurer, named in the sentence before');
  });

  it('the watched company gets the event as its subject; a second watched company the page names gets nothing', () => {
    const d = doc('graphiline-schlaefli');
    const index = buildWatchlistIndex([customer('schlaefli', 'Schläfli & Maurer AG'), customer('syndicom', 'Syndicom')], loadLinkModel());
    const matches = linkEntities(index, { text: d.text });
    const c = classifyDocument({ text: d.text, lang: d.lang, linked: matches }, { model });
    const paired = pairEventsWithCustomers(index, { text: d.text }, c.events, matches).filter((p) => p.type === 'insolvency');
    expect(paired.map((p) => [p.customerId, p.binding, p.ambiguous])).toEqual([['schlaefli', 'subject', false]]);
  });

  it('the same page with the naming sentence as its title resolves to the title', () => {
    const d = doc('graphiline-schlaefli');
    const [first, ...rest] = d.text.split('. ');
    const ev = classifyDocument({ title: first!, text: rest.join('. '), lang: d.lang }, { model }).events.find((e) => e.type === 'insolvency');
    expect(ev?.subject).toBe('Schläfli & Maurer');
    expect(ev?.cues.some((c) => c.endsWith('named in the title'))).toBe(true);
  });
});

describe('what is not an antecedent', () => {
  it('the newspaper a page cites ("Wie die Mitteldeutsche Zeitung berichtet") is not the company that filed', () => {
    const d = doc('lr-online-annaburg');
    const ev = classifyDocument({ text: d.text, lang: d.lang }, { model }).events.find((e) => e.type === 'insolvency');
    expect(ev?.subject).toBe('das Unternehmen');
    expect(ev?.subjectKind).toBe('reference');
  });

  it('a description in the first sentence, with nothing before it, stays a reference', () => {
    const d = doc('suedkurier-ostrach');
    const ev = classifyDocument({ text: d.text, lang: d.lang }, { model }).events.find((e) => e.type === 'insolvency');
    expect(ev?.subject).toBe('das Traditionsunternehmen');
    expect(ev?.subjectKind).toBe('reference');
  });

  it('each test document is a real page', () => {
    for (const d of docs) expect(d.url).toMatch(/^https:\/\//);
  });
});
