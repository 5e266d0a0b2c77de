import type { Document } from '../../platform/schemas/index.js';
import type { SourceConfig } from '../../platform/config/sources.js';
import { documentId } from '../document-id.js';
import type { ParsedFeed } from '../parse/parse-feed.js';
import { registerIdsIn } from '../registers/register-ids.js';

/**
 * Pure: parsed feed → documents, one per distinct id. Feeds repeat items (the same story
 * twice in one file); the first occurrence wins so ids stay unique within a batch.
 */
export function feedToDocuments(feed: ParsedFeed, source: SourceConfig, fetchedAt: Date): Document[] {
  const seen = new Set<string>();
  const docs: Document[] = [];
  const language = source.language ?? feed.language;
  const fetched = fetchedAt.toISOString();
  // Register feeds state identifiers and the rubric; news merely mentions them.
  const isRegister = source.documentKind === 'register';
  for (const item of feed.items) {
    const id = documentId(source.id, item);
    if (seen.has(id)) continue;
    seen.add(id);
    const registerIds = isRegister ? registerIdsIn(`${item.title}\n${item.text || item.summary}`) : undefined;
    const rubric = isRegister ? item.categories?.find((c) => c.length <= 40) : undefined;
    // Fields set one by one in the stored order (the stored JSON is compared on re-collection),
    // not spread from small objects, which cost more than the rest of this loop.
    const head = { id, sourceId: source.id, kind: source.documentKind, url: item.link ?? feed.link ?? source.url, title: item.title, text: item.text || item.summary };
    const doc = head as Document; // fetchedAt follows, after the optional fields that come first
    if (language) doc.language = language;
    if (item.publishedAt) doc.publishedAt = item.publishedAt.toISOString();
    doc.fetchedAt = fetched;
    if (registerIds) doc.registerIds = registerIds;
    if (rubric) doc.rubric = rubric;
    docs.push(doc);
  }
  return docs;
}
