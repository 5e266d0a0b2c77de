import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../analysis/classify/index.js';
import { loadLinkModel } from '../../app/link-model.js';
import { buildWatchlistIndex, linkEntities } from '../../analysis/linking/index.js';
import type { Customer } from '../../platform/schemas/customer.js';

const MODEL = loadLinkModel();

/** Items of three captured feeds (see test/fixtures/analysis/SOURCES.tsv): title and description, markup removed. */
function feedItems(file: string): Array<{ title: string; text: string }> {
  const xml = readFileSync(new URL(`../fixtures/analysis/${file}`, import.meta.url), 'utf8');
  const field = (item: string, tag: string) =>
    (new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(item)?.[1] ?? '')
      .replace(/<!\[CDATA\[|\]\]>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  return [...xml.matchAll(/<item[\s>][\s\S]*?<\/item>/g)].map((m) => ({ title: field(m[0], 'title'), text: field(m[0], 'description') }));
}

const heise = feedItems('de_heise-newsticker_rss090.rdf');
const google = feedItems('en_google-news-top-stories_2022.rss');
const rue89 = feedItems('fr_rue89_feedsportal.rss');
const HARD = ['insolvency', 'debt_restructuring', 'liquidation', 'debt_enforcement'];

describe('real feed items', () => {
  it('has the captured items', () => {
    expect([heise.length, google.length, rue89.length]).toEqual([60, 38, 25]);
  });

  it('raises no hard event on ordinary news (no false bankruptcy alarms)', () => {
    const hard = [...heise, ...google, ...rue89].filter((d) => classifyDocument(d).events.some((e) => HARD.includes(e.type)));
    expect(hard.map((d) => d.title)).toEqual([]);
  });

  it('detects the language of each feed', () => {
    const langs = (items: typeof heise) => new Set(items.map((d) => classifyDocument(d).lang));
    expect(langs(heise)).toEqual(new Set(['de']));
    expect(langs(rue89)).toEqual(new Set(['fr']));
    const en = google.filter((d) => classifyDocument(d).lang === 'en').length;
    expect(en / google.length).toBeGreaterThan(0.9);
  });

  it('finds the takeover and the plant closure in heise headlines and links the companies', () => {
    const ibm = heise.find((d) => d.title.includes('IBM übernimmt Red Hat'))!;
    const fujitsu = heise.find((d) => d.title.includes('Fujitsu schließt Werk'))!;
    expect(classifyDocument(ibm).events.map((e) => e.type)).toContain('ownership_change');
    expect(classifyDocument(fujitsu).events.map((e) => e.type)).toContain('layoffs');
    const c = (id: string, name: string): Customer => ({ id, name, aliases: [], registerIds: [], domains: [], country: '', industry: '', tags: [] });
    const index = buildWatchlistIndex([c('ibm', 'IBM Corp.'), c('redhat', 'Red Hat, Inc.'), c('fujitsu', 'Fujitsu Limited')], MODEL);
    expect(linkEntities(index, ibm).map((m) => m.customerId).sort()).toEqual(['ibm', 'redhat']);
    expect(linkEntities(index, fujitsu).map((m) => m.customerId)).toEqual(['fujitsu']);
  });
});
