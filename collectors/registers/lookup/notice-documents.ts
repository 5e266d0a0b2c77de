import type { RegisterEntry, RegisterNotice } from '../../../platform/registers/register-entry.js';
import type { Document, RegisterIds } from '../../../platform/schemas/index.js';
import { documentId } from '../../document-id.js';
import { startOfDayIn } from '../../parse/parse-date.js';

/** The source id register notices are published under: "register-shab", "register-companies-house"… */
export const registerSourceId = (register: string) => `register-${register}`;

function idsOf(entry: RegisterEntry): RegisterIds {
  switch (entry.register) {
    case 'zefix':
    case 'uid-register':
    case 'shab':
      return { uid: [entry.registerId] };
    case 'companies-house':
      return { companyNumber: [entry.registerId] };
    case 'edgar':
      return { cik: [entry.registerId] };
    default:
      return { hrb: [entry.registerId] };
  }
}

/**
 * Pure: a register notice → a `register` document carrying the entry's register id, so the
 * analyzer links it exactly and maps its rubric to an event (KK01 → insolvency, HR03 →
 * liquidation, 8-K:1.03 → insolvency…). Ids are stable: the same notice is one document.
 */
export function noticeToDocument(notice: RegisterNotice, entry: RegisterEntry, fetchedAt: Date): Document {
  const zone = entry.country === 'CH' ? 'Europe/Zurich' : entry.country === 'GB' ? 'Europe/London' : entry.country === 'DE' ? 'Europe/Berlin' : 'America/New_York';
  const published = notice.date ? startOfDayIn(notice.date, zone) : undefined;
  const sourceId = registerSourceId(notice.register);
  return {
    id: documentId(sourceId, { guid: `urn:register:${notice.id}` }),
    sourceId,
    kind: 'register',
    url: notice.url,
    title: notice.title,
    text: notice.text || notice.title,
    ...(notice.language ? { language: notice.language } : {}),
    ...(published ? { publishedAt: published.toISOString() } : {}),
    fetchedAt: fetchedAt.toISOString(),
    registerIds: idsOf(entry),
    rubric: notice.rubric,
  };
}

export function entryDocuments(entries: readonly RegisterEntry[], fetchedAt: Date): Document[] {
  const seen = new Set<string>();
  const docs: Document[] = [];
  for (const e of entries) {
    for (const n of e.notices) {
      const d = noticeToDocument(n, e, fetchedAt);
      if (!seen.has(d.id)) {
        seen.add(d.id);
        docs.push(d);
      }
    }
  }
  return docs;
}
