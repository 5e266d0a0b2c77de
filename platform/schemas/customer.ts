import { z } from 'zod';
import { currency } from './common.js';

/** A watchlist entry: one of the user's customers (or a prospect being checked). */
export const customerSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  registerIds: z.array(z.string()).default([]),
  domains: z.array(z.string()).default([]),
  country: z.string().default(''),
  industry: z.string().default(''),
  tags: z.array(z.string()).default([]),
  /** The credit limit the company approved for this customer, in its currency (`currency`, else the ledger's). */
  creditLimit: z.number().nonnegative().optional(),
  /** The customer's invoicing currency, when the watchlist says so. */
  currency: currency.optional(),
});
export type Customer = z.infer<typeof customerSchema>;
