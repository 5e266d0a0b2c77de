import type { Policy } from '../../platform/config/policy.js';
import type { Assessment } from '../../platform/schemas/index.js';
import type { CustomerRepo, LedgerStore, RegisterStore, SignalStore } from '../../platform/store/port.js';
import { activeOverride, type CreditStore } from '../../platform/store/credit-state.js';
import { sectionOfCode } from '../industry/index.js';
import { assessCustomer } from './assess-customer.js';
import type { LedgerFeatureOptions } from './ledger-features.js';
import { registerFactsFrom } from './register-features.js';
import type { Weights } from './weights.js';

export interface ScoreCustomerDeps {
  customers: CustomerRepo;
  ledger: LedgerStore;
  signals: SignalStore;
  policy: Policy;
  weights?: Weights;
  /** Register entries per customer (refreshed by the collector); without it no register facts count. */
  registers?: Pick<RegisterStore, 'entriesFor'>;
  /** How the ledger is read (the cash-discount share from config `ledger.maxDiscountShare`). */
  ledgerOptions?: LedgerFeatureOptions;
  /** Credit managers' overrides; without it none apply. */
  credit?: Pick<CreditStore, 'overrideChanges'>;
}

/** Everything known about one customer → its assessment as of `asOf` (undefined if nothing is known). */
export async function scoreCustomer(
  deps: ScoreCustomerDeps,
  customerId: string,
  asOf: Date,
  options: { orderAmount?: number } = {},
): Promise<Assessment | undefined> {
  const [customer, ledger, signals, entries, overrides] = await Promise.all([
    deps.customers.getCustomer(customerId),
    deps.ledger.ledgerForCustomer(customerId),
    deps.signals.signalsForCustomer(customerId),
    deps.registers ? deps.registers.entriesFor(customerId) : Promise.resolve([]),
    deps.credit ? deps.credit.overrideChanges(customerId) : Promise.resolve([]),
  ]);
  const manual = activeOverride(overrides, asOf);
  if (!customer && ledger.length === 0 && signals.length === 0 && entries.length === 0) return undefined;
  const register = registerFactsFrom(entries);
  const name = customer?.name ?? ledger.find((r) => r.customerName)?.customerName ?? customerId;
  const section = customer?.industry ? sectionOfCode(customer.industry) : undefined;
  const industrySignals = section ? await deps.signals.signalsForIndustry(section) : [];
  return assessCustomer({
    customer: { id: customerId, name, industry: customer?.industry, currency: customer?.currency },
    ledger,
    signals,
    industrySignals,
    asOf,
    policy: deps.policy,
    ...(register ? { register } : {}),
    ...(customer?.creditLimit !== undefined ? { approvedLimit: customer.creditLimit } : {}),
    ...(manual ? { override: { grade: manual.grade, terms: manual.terms, limit: manual.limit, reason: manual.reason, by: manual.by, at: manual.at, until: manual.until } } : {}),
    ...(deps.weights ? { weights: deps.weights } : {}),
    ...(deps.ledgerOptions ? { ledgerOptions: deps.ledgerOptions } : {}),
    ...(options.orderAmount !== undefined ? { orderAmount: options.orderAmount } : {}),
  });
}
