import type { Customer } from '../../platform/schemas/index.js';
import type { Speaker } from './i18n.js';

export type FormResult = { ok: true; input: Record<string, unknown> } | { ok: false; problems: string[] };

const list = (v: string | undefined) => (v ?? '').split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);
const slug = (v: string) => v.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '') || 'subscription';

/**
 * The subscriptions form → the input the alerts stage validates. Made here: an id when none is
 * given (from the address and frequency, never clashing with an existing one), and the checks a
 * person filling a form needs at once — a tag no customer has is a typo here, not a plan, and an
 * unknown customer id is named.
 */
export function subscriptionFromForm(body: Record<string, string>, ctx: { s: Speaker; customers: Customer[]; takenIds: string[] }): FormResult {
  const w = ctx.s.t.web;
  const problems: string[] = [];
  const tags = list(body.tags);
  const customers = list(body.customers);
  const known = new Set(ctx.customers.flatMap((c) => c.tags));
  const knownText = [...known].sort().join(', ') || '–';
  for (const t of tags) if (!known.has(t)) problems.push(w.unknownTag(t, knownText));
  const ids = new Set(ctx.customers.map((c) => c.id));
  for (const id of customers) if (!ids.has(id)) problems.push(w.unknownCustomer(id));
  if (problems.length > 0) return { ok: false, problems };
  const frequency = body.frequency || 'daily';
  let id = (body.id ?? '').trim();
  if (id === '') {
    const base = `${slug((body.email ?? '').split('@')[0] ?? '')}-${slug(frequency)}`;
    id = base;
    for (let n = 2; ctx.takenIds.includes(id); n++) id = `${base}-${n}`;
  }
  const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : /^\d+$/.test(v.trim()) ? Number(v) : v);
  return {
    ok: true,
    input: {
      id,
      email: body.email,
      name: body.name ?? '',
      frequency,
      hour: num(body.hour),
      weekday: num(body.weekday),
      dayOfMonth: num(body.dayOfMonth),
      timeZone: body.timeZone || undefined,
      minSeverity: body.minSeverity,
      language: body.language,
      scope: tags.length > 0 || customers.length > 0 ? { tags, customers } : { all: true },
    },
  };
}
