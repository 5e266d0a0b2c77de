import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Unsubscribe links carry `<subscriptionId>.<hmac>`: the HTTP API can verify a click without a
 * login, and nobody can unsubscribe someone else by guessing an id.
 */
export function signUnsubscribeToken(subscriptionId: string, secret: string): string {
  return `${Buffer.from(subscriptionId, 'utf8').toString('base64url')}.${mac(subscriptionId, secret)}`;
}

/** The subscription id a token was signed for, or undefined when it is forged or malformed. */
export function verifyUnsubscribeToken(token: string, secret: string): string | undefined {
  const [idPart, sig, extra] = token.split('.');
  if (!idPart || !sig || extra !== undefined) return undefined;
  const id = Buffer.from(idPart, 'base64url').toString('utf8');
  const expected = Buffer.from(mac(id, secret));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
}

function mac(subscriptionId: string, secret: string): string {
  return createHmac('sha256', secret).update(`unsubscribe\u0000${subscriptionId}`).digest('base64url');
}

export function unsubscribeUrl(publicUrl: string | undefined, subscriptionId: string, secret: string): string | undefined {
  if (!publicUrl) return undefined;
  return `${publicUrl.replace(/\/+$/, '')}/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(subscriptionId, secret))}`;
}
