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
  const v4 = ipv4Of(ip);
  if (v4) return isPrivateV4(v4);
  const lower = ip.toLowerCase().replace(/^\[|\]$/g, '');
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
  /** How the user permits a refused address, appended to the refusal (default: the source's allowPrivate). */
  refusalHint?: string;
}

const DEFAULT_HINT = 'set allowPrivate on the source to permit it';

/**
 * Link-local addresses and the cloud instance-metadata services (credentials live there):
 * 169.254.0.0/16 (AWS, GCP, Azure, OpenStack at 169.254.169.254; ECS at 169.254.170.2),
 * fe80::/10, AWS's IPv6 fd00:ec2::254, Alibaba's 100.100.100.200 and Oracle's 192.0.0.192.
 */
export function isLinkLocalOrMetadata(ip: string): boolean {
  const v4 = ipv4Of(ip);
  if (v4) {
    const [a, b] = v4.split('.').map(Number) as [number, number];
    return (a === 169 && b === 254) || v4 === '100.100.100.200' || v4 === '192.0.0.192';
  }
  const groups = v6Groups(ip);
  if (!groups) return false;
  return (groups[0]! & 0xffc0) === 0xfe80 || groups.join(':') === [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254].join(':');
}

/** The eight 16-bit groups of an IPv6 address ("::" expanded), or undefined when it is not one. */
function v6Groups(ip: string): number[] | undefined {
  const lower = ip.toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(lower) !== 6 || lower.includes('.')) return undefined;
  const [head, tail] = lower.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The IPv4 address itself or the one an IPv4-mapped IPv6 address carries. */
function ipv4Of(ip: string): string | undefined {
  if (isIP(ip) === 4) return ip;
  const lower = ip.toLowerCase().replace(/^\[|\]$/g, '');
  const dotted = lower.match(/^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) return dotted[1];
  const hex = lower.match(/^(?:0*:)*:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (!hex) return undefined;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

function isRefused(ip: string, port: number, policy: AddressPolicy): boolean {
  return !policy.allowPrivate && isPrivateAddress(ip) && !policy.allowAddress?.(ip, port);
}

function kindOf(ip: string): string {
  return isLinkLocalOrMetadata(ip) ? 'link-local or cloud metadata' : 'private or loopback';
}

export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Refuses a URL whose host is a literal private address (names are checked in `guardedLookup`). */
export function assertPublicHost(url: URL, policy: AddressPolicy): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isRefused(host, portOf(url), policy)) {
    throw new CollectError('blocked', `refusing ${kindOf(host)} address ${host} (${policy.refusalHint ?? DEFAULT_HINT})`);
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
        const message = `${hostname} resolves to ${kindOf(bad.address)} address ${bad.address} (${policy.refusalHint ?? DEFAULT_HINT})`;
        return callback(new CollectError('blocked', message) as unknown as NodeJS.ErrnoException, '');
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}
