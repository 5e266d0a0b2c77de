import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../../platform/config/schema.js';

export type ApiRole = 'read' | 'admin';

export interface Principal {
  name: string;
  role: ApiRole;
}

export interface Authenticator {
  /** False when no token is configured: the API is open (the embedded default on 127.0.0.1). */
  readonly enabled: boolean;
  /** The principal a bearer token belongs to, or undefined when it matches no token. */
  authenticate(token: string): Principal | undefined;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Reads `http.apiToken` (admin) and `http.tokens` (hashed, with roles) from the configuration. */
export function createAuthenticator(http: AppConfig['http']): Authenticator {
  const entries: Array<{ name: string; hash: Buffer; role: ApiRole }> = [];
  if (http.apiToken) entries.push({ name: 'BONITOR_API_TOKEN', hash: sha256(http.apiToken), role: 'admin' });
  for (const t of http.tokens) entries.push({ name: t.name, hash: Buffer.from(t.sha256, 'hex'), role: t.role });
  return {
    enabled: entries.length > 0,
    authenticate(token) {
      const given = sha256(token);
      let found: Principal | undefined;
      // Compare against every entry so the time taken does not tell which one matched.
      for (const e of entries) {
        if (e.hash.length === given.length && timingSafeEqual(e.hash, given) && !found) found = { name: e.name, role: e.role };
      }
      return found;
    },
  };
}

/** The bearer token of an Authorization header, if it has the right form. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}

/** The token kept in the web session cookie, if any. */
export function cookieToken(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** What `bonitor`'s operators put in the config for a token: `sha256sum` of it, in hex. */
export function hashToken(token: string): string {
  return sha256(token).toString('hex');
}
