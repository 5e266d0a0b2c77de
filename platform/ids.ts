import { createHash } from 'node:crypto';

/** Stable id: hex SHA-256 of the parts joined by a separator that cannot occur in them. */
export function stableId(...parts: Array<string | number>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(String(p)).update('\u0000');
  return h.digest('hex').slice(0, 32);
}
