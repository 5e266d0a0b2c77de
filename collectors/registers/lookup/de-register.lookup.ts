import type { RegisterLookup } from '../../../platform/registers/port.js';
import type { ParsedRegisterId } from '../../../platform/registers/register-id.js';
import { registerEntrySchema, type CompanyStatus, type RegisterEntry } from '../../../platform/registers/register-entry.js';
import { announcementDay, type DeAnnouncement } from './de-announcement.js';
import { RegisterHttp } from './register-http.js';

/** Pure: what the announcement says about the company (name, seat, legal form, capital, status). */
export function deEntry(a: DeAnnouncement, url: string, fetchedAt: Date): RegisterEntry {
  const body = a.text.replace(/^(HR[AB]|GnR|PR|VR)\s*\d+\s*:\s*/, '');
  const [name = body, seat] = body.split(',').map((p) => p.trim());
  const capital = /(?:Stammkapital|Grundkapital):\s*([\d.]+,\d{2})\s*(EUR|DM)/.exec(body);
  const founded = /(?:Gesellschaftsvertrag|Satzung) vom\s*(\d{2}\.\d{2}\.\d{4})/.exec(body)?.[1];
  const m = /(UG \(haftungsbe[^)]*\))|\b(GmbH & Co\. KG|GmbH|AG|KG|OHG|e\.K\.|SE|eG)\b/.exec(name);
  const form = m?.[1] ?? m?.[2] ?? /Gesellschaft mit beschränkter Haftung|Aktiengesellschaft/.exec(body)?.[0];
  let status: CompanyStatus = 'active';
  if (/Insolvenzverfahren\s+(?:ist\s+)?eröffnet|Eröffnung des Insolvenzverfahrens/i.test(body)) status = 'insolvent';
  else if (/^Löschungen$/i.test(a.kind) || /(Firma|Gesellschaft) ist (von Amts wegen )?gelöscht/i.test(body)) status = 'dissolved';
  else if (/(Gesellschaft|Firma) ist aufgelöst|Liquidator/i.test(body)) status = 'in_liquidation';
  const registerId = `${a.fileNumber} ${a.court}`;
  const signatory = /Geschäftsführer|Vorstand|Prokura|Liquidator/.test(body);
  return registerEntrySchema.parse({
    register: 'de-register',
    country: 'DE',
    registerId,
    name,
    ...(form ? { legalForm: form } : {}),
    status,
    statusDetail: a.kind || undefined,
    ...(seat ? { seat } : {}),
    ...(capital ? { capital: { amount: Number(capital[1]!.replace(/\./g, '').replace(',', '.')), currency: capital[2] } } : {}),
    ...(founded && /^Neueintragungen$/i.test(a.kind) ? { foundedOn: announcementDay(founded) } : {}),
    officerChanges: signatory && a.publishedOn && !/^Neueintragungen$/i.test(a.kind) ? [{ date: a.publishedOn, kind: 'appointed', name: '', role: 'signatory' }] : [],
    notices: [
      {
        id: `de-register:${registerId}:${a.publishedOn ?? 'undated'}`,
        register: 'de-register',
        ...(a.publishedOn ? { date: a.publishedOn } : {}),
        // The rubric words map to events as the collectors' register notices do ("Löschung" → liquidation).
        rubric: /^Löschungen$/i.test(a.kind) ? 'de-register:loschung' : status === 'insolvent' ? 'de-register:insolvenz' : `de-register:${a.kind.toLowerCase() || 'bekanntmachung'}`,
        title: `${name}: ${a.kind || 'Registerbekanntmachung'} (${a.fileNumber}, Amtsgericht ${a.court})`,
        text: a.text,
        url,
        language: 'de',
      },
    ],
    url,
    fetchedAt: fetchedAt.toISOString(),
  });
}

/** The announcement behind `{court}` and `{number}` ("HRB 731772") of a configured URL template. */
export function createDeRegisterLookup(http: RegisterHttp, template: string, now: () => Date): RegisterLookup {
  return {
    register: 'de-register',
    country: 'DE',
    accepts: (id: ParsedRegisterId) => id.kind === 'hrb' && !!id.court,
    async byId(id, options = {}) {
      const url = template.replaceAll('{court}', encodeURIComponent(id.court ?? '')).replaceAll('{number}', encodeURIComponent(id.value));
      const html = await http.text(url, { accept: 'text/html', ...(options.signal ? { signal: options.signal } : {}) });
      if (html === undefined) return undefined;
      const { parseDeAnnouncement } = await import('./de-announcement.parse.js');
      return deEntry(parseDeAnnouncement(html), url, now());
    },
    async byName() {
      // The register portal's name search is an interactive form with a 60-an-hour limit: not automated.
      return [];
    },
  };
}
