import { z } from 'zod';

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
});
export type Customer = z.infer<typeof customerSchema>;
