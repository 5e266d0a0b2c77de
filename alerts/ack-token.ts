import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The "acknowledge" link in a mail carries what it acknowledges (customer and item keys) and for
 * whom (the subscription), signed with the installation's secret: a click needs no login, and
 * nobody can acknowledge on someone else's behalf by editing the link.
 */
export interface AckClaim {
  subscriptionId: string;
  customerId: string;
  keys: string[];
}

export function signAckToken(claim: AckClaim, secret: string): string {
  const body = Buffer.from(JSON.stringify([claim.subscriptionId, claim.customerId, claim.keys]), 'utf8').toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

export function verifyAckToken(token: string, secret: string): AckClaim | undefined {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const [subscriptionId, customerId, keys] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (typeof subscriptionId !== 'string' || typeof customerId !== 'string' || !Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return undefined;
    return { subscriptionId, customerId, keys: keys as string[] };
  } catch {
    return undefined;
  }
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(`ack\u0000${body}`).digest('base64url');
}

export function ackUrl(publicUrl: string | undefined, claim: AckClaim, secret: string): string | undefined {
  if (!publicUrl) return undefined;
  return `${publicUrl.replace(/\/+$/, '')}/ack?token=${encodeURIComponent(signAckToken(claim, secret))}`;
}
