import { load } from 'cheerio';
import { CollectError } from '../../errors.js';
import { announcementDay, type DeAnnouncement } from './de-announcement.js';

/* The page is read with cheerio in a module of its own: only a German lookup that found a page loads it. */

/** Pure: one RegisSTAR announcement page → its parts. */
export function parseDeAnnouncement(html: string): DeAnnouncement {
  const $ = load(html);
  const cells = $('td')
    .toArray()
    .map((td) => $(td).text().replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const head = /Amtsgericht\s+(.+?)\s+Aktenzeichen:\s*((?:HR[AB]|GnR|PR|VR)\s*\d+(?:\s*[A-Z]{1,2})?)/i.exec(cells[0] ?? '');
  if (!head) throw new CollectError('parse', 'register announcement: no "Amtsgericht … Aktenzeichen: HRB …" header');
  const published = /Bekannt gemacht am:\s*(\d{2}\.\d{2}\.\d{4})/.exec(cells.join(' '))?.[1];
  const kind = cells.find((c) => /^(Neueintragungen|Veränderungen|Löschungen)$/i.test(c)) ?? '';
  const text = cells.filter((c) => /^(HR[AB]|GnR|PR|VR)\s*\d+\s*:/.test(c)).join('\n');
  if (!text) throw new CollectError('parse', 'register announcement: no register text');
  return { court: head[1]!.trim(), fileNumber: head[2]!.replace(/\s+/g, ' ').trim(), ...(published ? { publishedOn: announcementDay(published) } : {}), kind, text };
}

