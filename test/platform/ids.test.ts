import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stableId } from '../../platform/ids.js';

/** The definition ids were first written with: one Hash, each part then a NUL fed in turn. Stored ids depend on it. */
function streamedId(...parts: Array<string | number>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(String(p)).update('\u0000');
  return h.digest('hex').slice(0, 32);
}

describe('stableId', () => {
  it('keeps the ids already stored (document and signal ids)', () => {
    expect(stableId('document', 'url:https://www.nzz.ch/wirtschaft/konkurs-ld.1')).toBe('4edb1cabe9705107722bdb48a4e9578b');
    expect(stableId('signal', 'doc-1', 'CH-1001', 'insolvency')).toBe('e9b2220b0995d15ec5469e2105025bf3');
  });

  it('gives the digest of the parts fed one by one, also for numbers, empty parts, umlauts and lone surrogates', () => {
    const cases: Array<Array<string | number>> = [
      [],
      [''],
      ['', ''],
      [42, 'a'],
      ['Müller & Söhne GmbH', 'Zürich'],
      ['emoji 😀', 'x'],
      ['ends in a high surrogate \ud83d', '\ude00 starts with a low one'],
      ['a\u0000b', 'c'],
    ];
    for (const parts of cases) expect(stableId(...parts), JSON.stringify(parts)).toBe(streamedId(...parts));
  });
});
