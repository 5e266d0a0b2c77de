import type { Subscription } from '../platform/config/subscriptions.js';
import type { Customer } from '../platform/schemas/index.js';

/** NACE / NOGA codes are hierarchical: a subscription to "41" covers "41.20". */
export function industryMatches(wanted: string, actual: string | undefined): boolean {
  if (!actual) return false;
  const w = wanted.trim().toUpperCase();
  const a = actual.trim().toUpperCase();
  return a === w || a.startsWith(w.endsWith('.') ? w : `${w}.`) || (/^\d+$/.test(w) && a.replace(/\./g, '').startsWith(w));
}

/** True when the subscription's scope covers the customer. */
export function coversCustomer(sub: Subscription, customer: Customer | undefined, customerId: string): boolean {
  const s = sub.scope;
  if (s.all) return true;
  if (s.customers.includes(customerId)) return true;
  if (!customer) return false;
  if (s.tags.some((t) => customer.tags.includes(t))) return true;
  return s.industries.some((i) => industryMatches(i, customer.industry));
}

/** True when the subscription wants industry-wide signals for `industry`. */
export function coversIndustry(sub: Subscription, industry: string, customers: Customer[]): boolean {
  const s = sub.scope;
  if (s.all) return true;
  if (s.industries.some((i) => industryMatches(i, industry))) return true;
  // A subscriber to customers also hears about those customers' industries.
  return customers.some(
    (c) => c.industry !== '' && industryMatches(industry, c.industry) && coversCustomer(sub, c, c.id),
  );
}
