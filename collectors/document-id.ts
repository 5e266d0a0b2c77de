import { createHash } from 'node:crypto';
import { stableId } from '../platform/ids.js';
import { canonicalUrl } from './parse/text.js';

export interface IdentityParts {
  guid?: string;
  link?: string;
  title?: string;
  text?: string;
  publishedAt?: Date;
}

/**
 * The stable id of a document: the canonical GUID when it is a URL or a tag: URI (globally
 * unique, so two sources carrying the same article converge on one id), a bare GUID scoped
 * by source (a "78872" means nothing across sites), else the canonical link, else a hash of
 * the content.
 */
export function documentId(sourceId: string, item: IdentityParts): string {
  return stableId('document', identityKey(sourceId, item));
}

export function identityKey(sourceId: string, item: IdentityParts): string {
  const guid = item.guid?.trim();
  if (guid) {
    // A GUID equal to the item's resolved link is already a serialised URL; without a query or
    // fragment it is its own canonical form, and parsing it again would change nothing.
    if (guid === item.link && !/[?#]/.test(guid)) return `url:${guid}`;
    if (/^https?:\/\//i.test(guid)) return `url:${canonicalUrl(guid)}`;
    if (/^(?:tag|urn):/i.test(guid)) return `guid:${guid}`;
    return `guid:${sourceId}:${guid}`;
  }
  if (item.link) return `url:${canonicalUrl(item.link)}`;
  const h = createHash('sha256')
    .update(item.title ?? '')
    .update('\u0000')
    .update(item.text ?? '')
    .update('\u0000')
    .update(item.publishedAt?.toISOString() ?? '')
    .digest('hex');
  return `content:${sourceId}:${h}`;
}
