import { subscriptionSchema, type Subscription } from '../platform/config/subscriptions.js';
import type { Customer } from '../platform/schemas/index.js';
import { industryMatches } from './scope.js';

export type ValidationResult =
  | { ok: true; subscription: Subscription; warnings: string[] }
  | { ok: false; problems: string[] };

/**
 * Checks a subscription against the schema and the watchlist: a bad address, an unknown customer
 * or an empty scope is rejected with a message naming the field; tags or industries no customer
 * has are only warned about (the watchlist may grow into them).
 */
export function validateSubscription(input: unknown, customers: Customer[]): ValidationResult {
  const parsed = subscriptionSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  }
  const sub = parsed.data;
  const problems: string[] = [];
  const warnings: string[] = [];
  const ids = new Set(customers.map((c) => c.id));
  for (const id of sub.scope.customers) {
    if (ids.has(id)) continue;
    const hint = suggest(id, customers);
    problems.push(`scope.customers: unknown customer "${id}"${hint ? ` (did you mean "${hint.id}", ${hint.name}?)` : ' (not in the watchlist)'}`);
  }
  const s = sub.scope;
  if (!s.all && s.customers.length + s.tags.length + s.industries.length === 0) {
    problems.push('scope: empty; name customers, tags or industries, or set all: true');
  }
  for (const t of s.tags) if (!customers.some((c) => c.tags.includes(t))) warnings.push(`scope.tags: no customer is tagged "${t}" yet`);
  for (const i of s.industries) {
    if (!customers.some((c) => industryMatches(i, c.industry))) warnings.push(`scope.industries: no customer is in industry "${i}" yet`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, subscription: sub, warnings };
}

function suggest(id: string, customers: Customer[]): Customer | undefined {
  const needle = id.toLowerCase();
  return customers.find((c) => c.id.toLowerCase() === needle || c.name.toLowerCase() === needle || c.name.toLowerCase().includes(needle));
}
