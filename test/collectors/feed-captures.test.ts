import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../collectors/parse/decode.js';
import { parseFeed } from '../../collectors/parse/parse-feed.js';
import { fixture } from './helpers.js';

interface Expected {
  feedTitle: string;
  count: number;
  first: { title: string; link: string; publishedAt: string | null };
  last: { title: string; link: string; publishedAt: string | null };
}

// Expected titles, links and dates were checked by hand against the raw captures
// (encodings, offsets such as "+0100" → UTC, Atom published over updated).
const expected = JSON.parse(readFileSync(fixture('feeds.expected.json'), 'utf8')) as Record<string, Expected>;
const files = readdirSync(fixture('feeds'));

async function parseCapture(file: string) {
  const { text } = decodeText(readFileSync(fixture('feeds', file)));
  return parseFeed(text, {});
}

describe('every feed capture', () => {
  it('has an expectation for every capture', () => {
    expect(files.length).toBe(26);
    expect(Object.keys(expected).sort()).toEqual([...files].sort());
  });

  for (const file of files) {
    it(`parses ${file}`, async () => {
      const feed = await parseCapture(file);
      const exp = expected[file]!;
      expect(feed.title).toBe(exp.feedTitle);
      expect(feed.items).toHaveLength(exp.count);
      const first = feed.items[0]!;
      const last = feed.items.at(-1)!;
      expect({ title: first.title, link: first.link, publishedAt: first.publishedAt?.toISOString() ?? null }).toEqual(exp.first);
      expect({ title: last.title, link: last.link, publishedAt: last.publishedAt?.toISOString() ?? null }).toEqual(exp.last);
      for (const item of feed.items) {
        expect(item.title.length).toBeGreaterThan(0);
        expect(item.title).not.toMatch(/<[a-z]|&[a-z]+;|&#\d+;|\uFFFD|Ã[\u0080-\u00BF¤¶¼]/i);
        if (item.link) expect(item.link).toMatch(/^https?:\/\//);
        if (item.publishedAt) {
          expect(item.publishedAt.getUTCFullYear()).toBeGreaterThanOrEqual(2005);
          expect(item.publishedAt.getUTCFullYear()).toBeLessThanOrEqual(2022);
        }
      }
    });
  }

  it('decodes the declared and undeclared ISO-8859-1 feeds into real umlauts and accents', async () => {
    const golem = await parseCapture('de_golem_iso-8859-1.rss');
    expect(golem.items[0]!.text).toContain('Viele Spieler wünschen sich');
    const jn = await parseCapture('pt_jornal-de-noticias_iso-8859-1.rss');
    expect(jn.title).toBe('Jornal de Notícias - Últimas Notícias');
    const psy = await parseCapture('fr_le-cercle-psy_no-xml-decl.rss');
    expect(psy.items.at(-1)!.title).toBe("Psychologue à domicile : de la clinique à l'état brut");
    // laut.de declares ISO-8859-1 but its content:encoded is UTF-8: both must come out right.
    const laut = await parseCapture('de_laut-de_iso-8859-1.rdf');
    expect(laut.items[0]!.text).toContain('Schon länger haderten die Kölner');
  });

  it('strips markup and entities from titles (Google Alerts <b>, double-escaped entities)', async () => {
    const alerts = await parseCapture('en_google-alerts.atom');
    expect(alerts.items[0]!.title).toBe('Report offers Prediction of Automotive Slack Market by Top key players like Haldex, Meritor, Bendix ...');
    const pci = await parseCapture('fr_pcinpact.rss');
    expect(pci.items[0]!.text).toContain('renseignement intérieur');
  });

  it('reads a feed with a newline before the XML declaration', async () => {
    for (const f of ['en_aws-blog_typepad.atom', 'en_pauldix-blog_feedburner.atom', 'en_techcrunch.rss']) {
      expect(readFileSync(fixture('feeds', f), 'utf8').startsWith('\n')).toBe(true);
      expect((await parseCapture(f)).items.length).toBeGreaterThan(0);
    }
  });
});
