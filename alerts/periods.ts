import type { Subscription } from '../platform/config/subscriptions.js';

export type DigestFrequency = 'daily' | 'weekly' | 'monthly';

export interface DueSlot {
  /** The instant the digest was due (the subscriber's hour in the subscriber's time zone). */
  at: Date;
  /** daily 2026-11-22, weekly 2026-W47, monthly 2026-11 — part of the idempotency key. */
  periodKey: string;
  /** The local calendar date of the slot, YYYY-MM-DD. */
  localDate: string;
}

interface LocalDate {
  y: number;
  m: number; // 1–12
  d: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock time of `instant` in `timeZone`, expressed as if it were UTC (ms). */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

function offsetMs(instant: number, timeZone: string): number {
  return wallClockMs(Math.floor(instant / 1000) * 1000, timeZone) - Math.floor(instant / 1000) * 1000;
}

/** The local calendar date of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const w = new Date(wallClockMs(instant.getTime(), timeZone));
  return { y: w.getUTCFullYear(), m: w.getUTCMonth() + 1, d: w.getUTCDate() };
}

/**
 * The first instant at which the local clock in `timeZone` shows date `ld` at `hour`:00.
 * In a spring-forward gap (02:00 does not exist) that is the moment the clock jumps (03:00);
 * in a fall-back overlap (02:00 happens twice) it is the first of the two.
 */
export function zonedHourToInstant(ld: LocalDate, hour: number, timeZone: string): Date {
  const wall = Date.UTC(ld.y, ld.m - 1, ld.d, hour);
  const offsets = new Set([offsetMs(wall - 86_400_000, timeZone), offsetMs(wall + 86_400_000, timeZone)]);
  const valid = [...offsets].map((o) => wall - o).filter((t) => wallClockMs(t, timeZone) === wall);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - offsetMs(wall - 86_400_000, timeZone));
}

function addDays(ld: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(ld.y, ld.m - 1, ld.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function weekdayOf(ld: LocalDate): number {
  return new Date(Date.UTC(ld.y, ld.m - 1, ld.d)).getUTCDay();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatLocalDate(ld: LocalDate): string {
  return `${ld.y}-${pad(ld.m)}-${pad(ld.d)}`;
}

/** ISO-8601 week of a calendar date, e.g. 2026-W47 (the week belongs to the year of its Thursday). */
export function isoWeekKey(ld: LocalDate): string {
  const dow = (weekdayOf(ld) + 6) % 7; // Monday = 0
  const thursday = addDays(ld, 3 - dow);
  const jan1 = Date.UTC(thursday.y, 0, 1);
  const week = Math.floor((Date.UTC(thursday.y, thursday.m - 1, thursday.d) - jan1) / (7 * 86_400_000)) + 1;
  return `${thursday.y}-W${pad(week)}`;
}

function slotDate(sub: Subscription, frequency: DigestFrequency, today: LocalDate, stepsBack: number): LocalDate {
  if (frequency === 'daily') return addDays(today, -stepsBack);
  if (frequency === 'weekly') {
    const back = (weekdayOf(today) - sub.weekday + 7) % 7;
    return addDays(today, -back - 7 * stepsBack);
  }
  const first = new Date(Date.UTC(today.y, today.m - 1 - stepsBack, 1));
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth() + 1;
  return { y, m, d: Math.min(sub.dayOfMonth, daysInMonth(y, m)) };
}

function periodKeyOf(frequency: DigestFrequency, ld: LocalDate): string {
  if (frequency === 'daily') return formatLocalDate(ld);
  if (frequency === 'weekly') return isoWeekKey(ld);
  return `${ld.y}-${pad(ld.m)}`;
}

/**
 * The most recent slot at or before `at` on which a digest of `frequency` was due for `sub`:
 * its hour on the right day in its time zone (a monthly day past the month's end → last day).
 */
export function lastDueSlot(sub: Subscription, frequency: DigestFrequency, at: Date): DueSlot {
  const today = localDateOf(at, sub.timeZone);
  for (let back = 0; ; back++) {
    const ld = slotDate(sub, frequency, today, back);
    const instant = zonedHourToInstant(ld, sub.hour, sub.timeZone);
    if (instant.getTime() <= at.getTime()) {
      return { at: instant, periodKey: periodKeyOf(frequency, ld), localDate: formatLocalDate(ld) };
    }
  }
}

export function digestKey(subscriptionId: string, periodKey: string): string {
  return `digest:${subscriptionId}:${periodKey}`;
}
