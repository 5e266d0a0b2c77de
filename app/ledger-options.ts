import { DEFAULT_LEDGER_OPTIONS, type LedgerFeatureOptions } from '../analysis/scoring/ledger-features.js';
import type { AppConfig } from '../platform/config/schema.js';

/** The ledger reading the configuration asks for (`ledger.maxDiscountShare`, default 3 %); its own module, so scoring one customer loads no file reader. */
export function ledgerFeatureOptions(config: AppConfig): LedgerFeatureOptions {
  return { ...DEFAULT_LEDGER_OPTIONS, maxDiscountShare: config.ledger?.maxDiscountShare ?? DEFAULT_LEDGER_OPTIONS.maxDiscountShare };
}
