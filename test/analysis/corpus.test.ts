import { describe, expect, it } from 'vitest';
import { CORPUS_LANGS, orgKey, SPLIT_PARTS, type EventLine, type LinkLine } from '../../analysis/eval/corpus-schema.js';
import { loadCorpus, partOf } from '../../analysis/eval/load-corpus.js';
import { EVENT_TYPES, isHardEvent } from '../../platform/schemas/common.js';

// The labelled corpora of real text (analysis/eval/corpus/): what `npm run eval` measures the
// product on. These checks keep the files well-formed, split by source domain and big enough.
const corpus = loadCorpus(); // throws with every bad line listed
const events: EventLine[] = SPLIT_PARTS.flatMap((p) => corpus.events[p]);
const links: LinkLine[] = SPLIT_PARTS.flatMap((p) => corpus.linking[p]);
const twoOrg = (l: EventLine) => l.mentions.some((m) => l.orgs.includes(m.subject));

// Minimum sizes (issues 11 and 12); raised as the corpus grows, never lowered.
const MIN = {
  events: 2250,
  perLang: { de: 540, en: 700, fr: 440, it: 340 },
  perType: 75,
  hardNegatives: 680,
  twoOrg: 255,
  linking: 1880,
  distinctCompanies: 880,
  confusable: 305,
  noCompany: 305,
  watchlist: 410,
};

describe('labelled corpora of real text', () => {
  it('has unique ids, a URL on every line and the domain of that URL', () => {
    for (const lines of [events, links]) {
      const ids = lines.map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const l of lines) expect(new URL(l.url).hostname.replace(/^www\./, '')).toBe(l.domain);
    }
  });

  it('splits by source domain: every domain in exactly one part, every line in the file of its part', () => {
    const both = corpus.split.dev.filter((d) => corpus.split.heldout.includes(d));
    expect(both).toEqual([]);
    for (const part of SPLIT_PARTS) {
      for (const l of [...corpus.events[part], ...corpus.linking[part]]) expect(partOf(corpus.split, l.domain), `${l.id} ${l.domain}`).toBe(part);
    }
  });

  it('links only to customers of the watchlist, which holds the parties of the two-organisation sentences', () => {
    const ids = new Set(corpus.watchlist.map((c) => c.id));
    const missing = links.flatMap((l) => l.expect.filter((e) => !ids.has(e)).map((e) => `${l.id}: ${e}`));
    expect(missing).toEqual([]);
    const names = new Set(corpus.watchlist.flatMap((c) => [c.name, ...c.aliases].map(orgKey)));
    const parties = events.filter(twoOrg).flatMap((l) => [...l.mentions.map((m) => m.subject), ...l.events.flatMap((e) => (e.subject === null ? [] : [e.subject]))].filter((o) => l.orgs.includes(o)));
    expect(parties.filter((o) => !names.has(orgKey(o)))).toEqual([]);
    expect(corpus.watchlist.length).toBeGreaterThanOrEqual(MIN.watchlist);
  });

  it('is big enough and covers every language, event type and error class in both parts', () => {
    expect(events.length).toBeGreaterThanOrEqual(MIN.events);
    for (const lang of CORPUS_LANGS) expect(events.filter((l) => l.lang === lang).length, lang).toBeGreaterThanOrEqual(MIN.perLang[lang]);
    for (const t of EVENT_TYPES) expect(events.filter((l) => l.events.some((e) => e.type === t)).length, t).toBeGreaterThanOrEqual(MIN.perType);
    expect(events.filter((l) => l.negativeClass !== null).length).toBeGreaterThanOrEqual(MIN.hardNegatives);
    expect(events.filter(twoOrg).length).toBeGreaterThanOrEqual(MIN.twoOrg);
    for (const part of SPLIT_PARTS) {
      const lines = corpus.events[part];
      for (const lang of CORPUS_LANGS) expect(lines.some((l) => l.lang === lang), `${part} ${lang}`).toBe(true);
      expect(lines.some((l) => l.negativeClass !== null && l.events.every((e) => !isHardEvent(e.type)))).toBe(true);
      expect(lines.some(twoOrg)).toBe(true);
    }
  });

  it('has linking sentences naming many real companies, namesakes and no company at all', () => {
    expect(links.length).toBeGreaterThanOrEqual(MIN.linking);
    expect(new Set(links.flatMap((l) => l.orgs.map(orgKey))).size).toBeGreaterThanOrEqual(MIN.distinctCompanies);
    expect(links.filter((l) => l.confusable !== null).length).toBeGreaterThanOrEqual(MIN.confusable);
    expect(links.filter((l) => l.confusable === null && l.orgs.length === 0).length).toBeGreaterThanOrEqual(MIN.noCompany);
    for (const part of SPLIT_PARTS) expect(corpus.linking[part].length, part).toBeGreaterThan(0);
  });
});
