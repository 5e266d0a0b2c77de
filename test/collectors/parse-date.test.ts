import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../collectors/parse/parse-date.js';

const iso = (s: string, offset?: number) => parseFeedDate(s, offset)?.toISOString();

describe('parseFeedDate', () => {
  it.each([
    ['Sun, 28 Oct 2018 13:48:00 +0100', '2018-10-28T12:48:00.000Z'],
    ['Wed, 03 Jan 2018 13:47:00 GMT\r\n      ', '2018-01-03T13:47:00.000Z'],
    ['Sun, 07 Apr 2013 15:39:57 Z', '2013-04-07T15:39:57.000Z'],
    ['Tue, 5 Feb 2019 9:03:00 EST', '2019-02-05T14:03:00.000Z'],
    ['Mo, 03 Mär 2025 14:05:00 +0100', '2025-03-03T13:05:00.000Z'],
    ['Dienstag, 4. Februar 2025 09:30:00 MEZ', '2025-02-04T08:30:00.000Z'],
    ['Di, 01 Okt 2024 08:00:00 CEST', '2024-10-01T06:00:00.000Z'],
    ['mar., 4 févr. 2025 09:30:00 +0100', '2025-02-04T08:30:00.000Z'],
    ['lundi, 17 décembre 2018 10:00', '2018-12-17T10:00:00.000Z'],
    ['jeu, 1 août 2019 12:00:00 GMT', '2019-08-01T12:00:00.000Z'],
    ['2016-02-01T17:54:50+01:00', '2016-02-01T16:54:50.000Z'],
    ['2018-11-19T21:45:04.398Z', '2018-11-19T21:45:04.398Z'],
    ['2025-02-05 08:00:00', '2025-02-05T08:00:00.000Z'],
    ['2025-02-05', '2025-02-05T00:00:00.000Z'],
    ['05.02.2025 10:15', '2025-02-05T10:15:00.000Z'],
    ['03 Mar 25 10:00 +0000', '2025-03-03T10:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it('reads zone-less dates in the source offset', () => {
    expect(iso('2025-02-05 08:00:00', 60)).toBe('2025-02-05T07:00:00.000Z');
    expect(iso('Mo, 03 Mär 2025 14:05', 60)).toBe('2025-03-03T13:05:00.000Z');
    // An explicit zone always wins over the default.
    expect(iso('2025-02-05T08:00:00Z', 60)).toBe('2025-02-05T08:00:00.000Z');
  });

  it.each(['', '   ', 'yesterday', '31 Feb 2025 10:00 GMT', 'Foo, 03 Mar 2025 10:00 GMT', '2025-13-01'])('rejects %j', (input) => {
    expect(parseFeedDate(input)).toBeUndefined();
  });
});
