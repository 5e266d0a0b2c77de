import type { RegisterIds } from '../../platform/schemas/document.js';
import { normalizeDomain, normalizeRegisterId, type WatchlistIndex } from './watchlist-index.js';

/** Character offsets into the linked text: `title + "\n" + text` when there is a title, else `text`. */
export interface TextSpan {
  start: number;
  /** Exclusive. */
  end: number;
}

/** A register id or web domain of a customer found in a document: exact evidence, no model needed. */
export interface IdentifierMention {
  customerId: string;
  confidence: number;
  text: string;
  /** The id or domain belongs to several customers. */
  shared: boolean;
  feature: 'register_id_of_document' | 'register_id_in_text' | 'domain_of_document_url' | 'domain_in_text';
  span?: TextSpan;
}

// Swiss UIDs are printed in notices and articles ("CHE-114.723.217"); they are unique, so exact.
const UID_RE = /\bCHE[-\s.]?\d{3}[.\s]?\d{3}[.\s]?\d{3}\b/g;

export function findRegisterIdMentions(index: WatchlistIndex, registerIds: RegisterIds | undefined, full: string): IdentifierMention[] {
  const ids: Array<{ id: string; span?: TextSpan }> = [];
  for (const list of Object.values(registerIds ?? {})) for (const id of list ?? []) ids.push({ id });
  // indexOf first: most texts carry no UID, and a plain search is much cheaper than the regex.
  if (index.byRegisterId.size > 0 && full.includes('CHE')) {
    for (const m of full.matchAll(UID_RE)) ids.push({ id: m[0], span: { start: m.index, end: m.index + m[0].length } });
  }
  const out: IdentifierMention[] = [];
  for (const { id, span } of ids) {
    const owners = index.byRegisterId.get(normalizeRegisterId(id)) ?? [];
    for (const customerId of owners) {
      const shared = owners.length > 1;
      const feature = span ? 'register_id_in_text' : 'register_id_of_document';
      out.push({ customerId, confidence: shared ? 0.5 : 1, text: id, shared, feature, ...(span ? { span } : {}) });
    }
  }
  return out;
}

// Host names written in the text ("migros.ch", "www.post.ch/de"): the same exact lookup as the URL.
const DOMAIN_RE = /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:ch|li|de|at|fr|it|uk|com|net|org|eu|io|biz|info|swiss)\b/gi;

export function findDomainMentions(index: WatchlistIndex, url: string | undefined, full: string): IdentifierMention[] {
  if (index.byDomain.size === 0) return [];
  const hosts: Array<{ host: string; confidence: number; span?: TextSpan }> = [];
  if (url) hosts.push({ host: normalizeDomain(url), confidence: 0.95 });
  for (const m of full.matchAll(DOMAIN_RE)) {
    hosts.push({ host: normalizeDomain(m[0]), confidence: 0.9, span: { start: m.index, end: m.index + m[0].length } });
  }
  const out: IdentifierMention[] = [];
  for (const { host: first, confidence, span } of hosts) {
    // Walk up the host: news.example.ch → example.ch.
    for (let host = first; host.includes('.'); host = host.slice(host.indexOf('.') + 1)) {
      const owners = index.byDomain.get(host) ?? [];
      for (const customerId of owners) {
        const shared = owners.length > 1;
        const feature = span ? 'domain_in_text' : 'domain_of_document_url';
        out.push({ customerId, confidence: shared ? 0.5 : confidence, text: host, shared, feature, ...(span ? { span } : {}) });
      }
    }
  }
  return out;
}
