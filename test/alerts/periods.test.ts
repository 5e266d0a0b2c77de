import { describe, expect, it } from 'vitest';
import { lastDueSlot, isoWeekKey } from '../../alerts/periods.js';
import { makeSubscription } from './support/fixtures.js';

const slot = (partial: Record<string, unknown>, freq: 'daily' | 'weekly' | 'monthly', at: string) => {
  const s = lastDueSlot(makeSubscription(partial), freq, new Date(at));
  return { at: s.at.toISOString(), key: s.periodKey };
};

describe('lastDueSlot', () => {
  it('daily: the subscriber hour in winter (CET) and summer (CEST)', () => {
    expect(slot({ hour: 7 }, 'daily', '2026-11-22T06:30:00Z')).toEqual({ at: '2026-11-22T06:00:00.000Z', key: '2026-11-22' });
    expect(slot({ hour: 7 }, 'daily', '2026-11-22T05:59:59Z')).toEqual({ at: '2026-11-21T06:00:00.000Z', key: '2026-11-21' });
    expect(slot({ hour: 7 }, 'daily', '2026-07-01T05:00:00Z')).toEqual({ at: '2026-07-01T05:00:00.000Z', key: '2026-07-01' });
  });

  it('daily across the spring-forward change: 02:00 does not exist, the slot is the jump to 03:00', () => {
    expect(slot({ hour: 7 }, 'daily', '2026-03-28T12:00:00Z').at).toBe('2026-03-28T06:00:00.000Z');
    expect(slot({ hour: 7 }, 'daily', '2026-03-29T12:00:00Z').at).toBe('2026-03-29T05:00:00.000Z');
    expect(slot({ hour: 2 }, 'daily', '2026-03-29T12:00:00Z')).toEqual({ at: '2026-03-29T01:00:00.000Z', key: '2026-03-29' });
  });

  it('daily across the fall-back change: 02:00 happens twice, the period is due once (at the first)', () => {
    expect(slot({ hour: 2 }, 'daily', '2026-10-25T00:30:00Z')).toEqual({ at: '2026-10-25T00:00:00.000Z', key: '2026-10-25' });
    expect(slot({ hour: 2 }, 'daily', '2026-10-25T01:30:00Z')).toEqual({ at: '2026-10-25T00:00:00.000Z', key: '2026-10-25' });
    expect(slot({ hour: 7 }, 'daily', '2026-10-25T06:00:00Z').at).toBe('2026-10-25T06:00:00.000Z');
  });

  it('uses the subscriber time zone, not UTC', () => {
    expect(slot({ hour: 9, timeZone: 'America/New_York' }, 'daily', '2026-11-22T13:59:00Z').at).toBe('2026-11-21T14:00:00.000Z');
    expect(slot({ hour: 9, timeZone: 'America/New_York' }, 'daily', '2026-07-01T13:00:00Z').at).toBe('2026-07-01T13:00:00.000Z');
    expect(slot({ hour: 0, timeZone: 'Asia/Kolkata' }, 'daily', '2026-01-01T00:00:00Z')).toEqual({ at: '2025-12-31T18:30:00.000Z', key: '2026-01-01' });
  });

  it('weekly: the most recent subscriber weekday, keyed by ISO week', () => {
    // 2026-11-22 is a Sunday; weekday 1 = Monday.
    expect(slot({ hour: 8, weekday: 1 }, 'weekly', '2026-11-22T20:00:00Z')).toEqual({ at: '2026-11-16T07:00:00.000Z', key: '2026-W47' });
    expect(slot({ hour: 8, weekday: 1 }, 'weekly', '2026-11-23T07:00:00Z')).toEqual({ at: '2026-11-23T07:00:00.000Z', key: '2026-W48' });
    expect(slot({ hour: 8, weekday: 0 }, 'weekly', '2026-11-22T06:59:00Z').at).toBe('2026-11-15T07:00:00.000Z');
  });

  it('monthly on the 31st falls back to the last day of shorter months', () => {
    expect(slot({ hour: 7, dayOfMonth: 31 }, 'monthly', '2026-02-28T07:00:00Z')).toEqual({ at: '2026-02-28T06:00:00.000Z', key: '2026-02' });
    expect(slot({ hour: 7, dayOfMonth: 31 }, 'monthly', '2026-02-28T05:00:00Z')).toEqual({ at: '2026-01-31T06:00:00.000Z', key: '2026-01' });
    expect(slot({ hour: 7, dayOfMonth: 31 }, 'monthly', '2026-04-30T10:00:00Z')).toEqual({ at: '2026-04-30T05:00:00.000Z', key: '2026-04' });
    expect(slot({ hour: 7, dayOfMonth: 31 }, 'monthly', '2028-03-01T00:00:00Z')).toEqual({ at: '2028-02-29T06:00:00.000Z', key: '2028-02' });
    expect(slot({ hour: 7, dayOfMonth: 1 }, 'monthly', '2026-01-01T05:00:00Z')).toEqual({ at: '2025-12-01T06:00:00.000Z', key: '2025-12' });
  });

  it('ISO weeks at the year boundary', () => {
    expect(isoWeekKey({ y: 2027, m: 1, d: 1 })).toBe('2026-W53');
    expect(isoWeekKey({ y: 2025, m: 12, d: 29 })).toBe('2026-W01');
  });
});
