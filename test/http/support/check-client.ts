import type { Assessment } from '../../../platform/schemas/index.js';

export interface CheckResponse {
  status: number;
  type: string | null;
  /** The body as sent (a kept answer must be these very bytes again). */
  text: string;
  body: Assessment & { match: { kind: string; alternatives: Array<{ id: string; name: string }>; register?: { entries: Array<{ register: string; status: string }>; sources: unknown[] } } };
}

/** GET /api/check for a query (and an order amount) over real HTTP. */
export async function fetchCheck(base: string, q: string, amount?: number): Promise<CheckResponse> {
  const res = await fetch(`${base}/api/check?q=${encodeURIComponent(q)}${amount ? `&amount=${amount}` : ''}`);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), text, body: JSON.parse(text) as CheckResponse['body'] };
}

/**
 * Counts calls of the named methods of an object (a store, its registers) by wrapping each in
 * place; the real method still answers. The counts are kept in `into`, by method name.
 */
export function countCalls(target: object, names: readonly string[], into: Map<string, number>): void {
  const methods = target as Record<string, (...args: unknown[]) => unknown>;
  for (const name of names) {
    const real = methods[name];
    if (typeof real !== 'function') throw new Error(`no method ${name} to count`);
    const bound = real.bind(target);
    methods[name] = (...args: unknown[]) => {
      into.set(name, (into.get(name) ?? 0) + 1);
      return bound(...args);
    };
  }
}
