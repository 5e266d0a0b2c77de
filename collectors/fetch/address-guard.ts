import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { CollectError } from '../errors.js';

/**
 * Server-side request forgery guard: a configured feed URL must not become a way to
 * reach the machine itself or the internal network. Checked on the literal host, on every
 * DNS answer (so a public name resolving to 127.0.0.1 is caught) and on every redirect hop.
 */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return isPrivateV4(ip);
  if (family === 6) return isPrivateV6(ip);
  return false;
}

function isPrivateV4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number) as [number, number, number, number];
  return (
    a === 0 || // "this" network
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

function isPrivateV6(ip: string): boolean {
  const lower = ip.toLowerCase().replace(/^\[|\]$/g, '');
  const mapped = lower.match(/^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return isPrivateV4(mapped[1]!);
  const mappedHex = lower.match(/^(?:0*:)*:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (mappedHex) {
    const hi = parseInt(mappedHex[1]!, 16);
    const lo = parseInt(mappedHex[2]!, 16);
    return isPrivateV4(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  if (lower === '::' || lower === '::1') return true;
  const first = parseInt(lower.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 // multicast
  );
}

export interface AddressPolicy {
  /** The source's allowPrivate: everything goes. */
  allowPrivate: boolean;
  /** Narrow exceptions (one intranet proxy; the test server): private ip:port pairs that are fine. */
  allowAddress?: (ip: string, port: number) => boolean;
}

function isRefused(ip: string, port: number, policy: AddressPolicy): boolean {
  return !policy.allowPrivate && isPrivateAddress(ip) && !policy.allowAddress?.(ip, port);
}

export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Refuses a URL whose host is a literal private address (names are checked in `guardedLookup`). */
export function assertPublicHost(url: URL, policy: AddressPolicy): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isRefused(host, portOf(url), policy)) {
    throw new CollectError('blocked', `refusing private or loopback address ${host} (set allowPrivate on the source to permit it)`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A dns.lookup replacement for http.request that fails when any answer is private. */
export function guardedLookup(policy: AddressPolicy, port: number) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = addresses as LookupAddress[];
      // Any private answer refuses the name: otherwise a retry could land on it (DNS rebinding).
      const bad = list.find((a) => isRefused(a.address, port, policy));
      if (bad) {
        return callback(new CollectError('blocked', `${hostname} resolves to private address ${bad.address}`) as unknown as NodeJS.ErrnoException, '');
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}
