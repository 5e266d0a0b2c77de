import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../collectors/parse/parse-feed.js';
import { capText, cleanTitle, TEXT_LIMITS } from '../../collectors/parse/text.js';

const MB = 1024 * 1024;
const words = (n: number) => Array.from({ length: Math.ceil(n / 8) }, (_, i) => `wort${i % 1000}`).join(' ').slice(0, n);

describe('oversized fields are capped when parsing', () => {
  it('cuts a 1 MB RSS title, summary and body to their limits, at a word boundary', async () => {
    const title = `Alpenblick Metallbau AG: Konkurs eröffnet ${words(MB)}`;
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>${title}</title><link>https://news.example/a</link><description>${words(MB)}</description></item>
<item><title>&lt;b&gt;${'<i>x</i> '.repeat(200_000)}&lt;/b&gt;</title><link>https://news.example/b</link><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">${words(2 * MB)}</content:encoded><description>short</description></item>
</channel></rss>`;
    // No wall-clock bound here (shared machines make timed unit tests flaky): a pathological pattern on
    // these 4 MB would run into the suite's test timeout; the collect bench measures the speed.
    const feed = await parseFeed(xml);
    const [a, b] = feed.items;
    expect(a!.title.length).toBeLessThanOrEqual(TEXT_LIMITS.titleChars);
    expect(a!.title).toMatch(/^Alpenblick Metallbau AG: Konkurs eröffnet wort.*\S…$/);
    expect(a!.summary.length).toBeLessThanOrEqual(TEXT_LIMITS.summaryChars);
    expect(a!.text.length).toBeLessThanOrEqual(TEXT_LIMITS.textChars);
    expect(b!.title.length).toBeLessThanOrEqual(TEXT_LIMITS.titleChars);
    expect(b!.title).not.toMatch(/[<>]/);
    expect(b!.text.length).toBeLessThanOrEqual(TEXT_LIMITS.textChars);
    expect(b!.text.length).toBeGreaterThan(TEXT_LIMITS.textChars - 100);
    expect(b!.summary).toBe('short');
  });

  it('caps JSON Feed items the same way', async () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', title: words(MB), content_text: words(MB), summary: words(MB) }] });
    const [item] = (await parseFeed(json)).items;
    expect(item!.title.length).toBeLessThanOrEqual(TEXT_LIMITS.titleChars);
    expect(item!.summary.length).toBeLessThanOrEqual(TEXT_LIMITS.summaryChars);
    expect(item!.text.length).toBeLessThanOrEqual(TEXT_LIMITS.textChars);
  });

  it('leaves real titles alone', () => {
    expect(cleanTitle('Isarwerk Maschinenbau stellt <b>Insolvenzantrag</b>')).toBe('Isarwerk Maschinenbau stellt Insolvenzantrag');
    expect(capText('kurz', 10)).toBe('kurz');
    expect(capText('alpha beta gamma delta epsilon', 26)).toBe('alpha beta gamma delta…');
    expect(capText('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
