import type { Policy } from '../../platform/config/policy.js';
import type { Assessment, Customer, LedgerRow, Signal } from '../../platform/schemas/index.js';
import type { RegisterEntry } from '../../platform/registers/register-entry.js';
import type { CustomerRepo, LedgerStore, RegisterStore, SignalStore } from '../../platform/store/port.js';
import { activeOverride, type CreditStore, type OverrideChange } from '../../platform/store/credit-state.js';
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

/** What is stored about one customer that its assessment rests on (the reads of scoreCustomer). */
export interface ScoringInputs {
  customerId: string;
  customer: Customer | undefined;
  ledger: LedgerRow[];
  signals: Signal[];
  industrySignals: Signal[];
  entries: RegisterEntry[];
  overrides: OverrideChange[];
}

/** Reads everything known about one customer (undefined if nothing is known). */
export async function readScoringInputs(deps: ScoreCustomerDeps, customerId: string): Promise<ScoringInputs | undefined> {
  const [customer, ledger, signals, entries, overrides] = await Promise.all([
    deps.customers.getCustomer(customerId),
    deps.ledger.ledgerForCustomer(customerId),
    deps.signals.signalsForCustomer(customerId),
    deps.registers ? deps.registers.entriesFor(customerId) : Promise.resolve([]),
    deps.credit ? deps.credit.overrideChanges(customerId) : Promise.resolve([]),
  ]);
  if (!customer && ledger.length === 0 && signals.length === 0 && entries.length === 0) return undefined;
  const section = customer?.industry ? sectionOfCode(customer.industry) : undefined;
  const industrySignals = section ? await deps.signals.signalsForIndustry(section) : [];
  return { customerId, customer, ledger, signals, industrySignals, entries, overrides };
}

/** The assessment as of `asOf` from inputs already read: pure, so read inputs can be reused for another order amount. */
export function assessScoringInputs(
  deps: Pick<ScoreCustomerDeps, 'policy' | 'weights' | 'ledgerOptions'>,
  inputs: ScoringInputs,
  asOf: Date,
  options: { orderAmount?: number } = {},
): Assessment {
  const { customerId, customer, ledger, signals, industrySignals, entries, overrides } = inputs;
  const manual = activeOverride(overrides, asOf);
  const register = registerFactsFrom(entries);
  const name = customer?.name ?? ledger.find((r) => r.customerName)?.customerName ?? customerId;
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

/** Everything known about one customer → its assessment as of `asOf` (undefined if nothing is known). */
export async function scoreCustomer(
  deps: ScoreCustomerDeps,
  customerId: string,
  asOf: Date,
  options: { orderAmount?: number } = {},
): Promise<Assessment | undefined> {
  const inputs = await readScoringInputs(deps, customerId);
  return inputs && assessScoringInputs(deps, inputs, asOf, options);
}
