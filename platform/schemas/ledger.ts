import { z } from 'zod';
import { currency, isoDate } from './common.js';

/** One invoice of the user's receivables ledger, as imported. */
export const ledgerRowSchema = z.object({
  customerId: z.string().min(1),
  customerName: z.string().optional(),
  invoiceId: z.string().min(1),
  issueDate: isoDate,
  dueDate: isoDate,
  amount: z.number().finite().nonnegative(),
  currency,
  paidDate: isoDate.optional(),
  paidAmount: z.number().finite().nonnegative(),
  dunningLevel: z.number().int().min(0).max(3).default(0),
  collection: z.boolean().default(false),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;
