import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { documentId } from '../../collectors/document-id.js';

/** Demo customers the items name, so that every item becomes a linked signal. */
const NAMES = [
  'Alpenblick Metallbau AG', 'Brunnmatt Druckerei GmbH', 'Calandra Logistik AG', 'Dorfbach Elektrotechnik AG',
  'Isarwerk Maschinenbau GmbH', 'Kesselberg Verpackungen GmbH', 'Moselblick Weinhandel e.K.', 'Pennine Castings plc',
];
const EVENTS = [
  (n: string) => [`${n}: Konkurs eröffnet`, `Über die ${n} wurde der Konkurs eröffnet.`],
  (n: string) => [`${n} kündigt Stellenabbau an`, `Die ${n} streicht 40 Stellen und führt Kurzarbeit ein.`],
  (n: string) => [`${n} zahlt Lieferanten verspätet`, `Lieferanten der ${n} warten seit Wochen auf ihr Geld.`],
  (n: string) => [`${n} mit Gewinnwarnung`, `Die ${n} meldet einen Verlust und senkt die Prognose.`],
];

export interface FeedItem {
  guid: string;
  title: string;
  description: string;
}

/** `count` items with unique guids under `prefix`, each naming a demo customer with an event. */
export function makeItems(prefix: string, count: number): FeedItem[] {
  return Array.from({ length: count }, (_, i) => {
    const [title, description] = EVENTS[i % EVENTS.length]!(NAMES[i % NAMES.length]!);
    return { guid: `${prefix}-${i}`, title: `${title} (${prefix} ${i})`, description: description! };
  });
}

/** The document id the collector gives an item of source `live`. */
export const liveDocumentId = (item: FeedItem) => documentId('live', { guid: item.guid, link: `https://news.example/${item.guid}` });

export interface FeedServer {
  url: string;
  items: FeedItem[];
  /** Holds every response this long before answering (a collect run in flight). */
  setDelay(ms: number): void;
  requests(): number;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const items: FeedItem[] = [];
  let delay = 0;
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests++;
    const body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Live</title><language>de</language>${items
      .map((i) => `<item><title>${i.title}</title><link>https://news.example/${i.guid}</link><guid isPermaLink="false">${i.guid}</guid><description>${i.description}</description></item>`)
      .join('')}</channel></rss>`;
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body), delay);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.rss`,
    items,
    setDelay: (ms) => void (delay = ms),
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Ledger rows for the demo customers: `count` invoices, some paid late, some open. */
export function makeLedgerCsv(prefix: string, count: number): string {
  const ids: Array<[string, string]> = [
    ['CH-1001', 'Alpenblick Metallbau AG'], ['CH-1002', 'Brunnmatt Druckerei GmbH'], ['CH-1003', 'Calandra Logistik AG'], ['CH-1004', 'Dorfbach Elektrotechnik AG'],
    ['DE-2001', 'Isarwerk Maschinenbau GmbH'], ['DE-2003', 'Kesselberg Verpackungen GmbH'], ['DE-2004', 'Lindenhof Software AG'], ['UK-3001', 'Oakridge Joinery Ltd'],
  ];
  const rows = ['customer_id,customer_name,invoice_id,issue_date,due_date,amount,currency,paid_date,paid_amount'];
  for (let i = 0; i < count; i++) {
    const day = 1 + (i % 27);
    const paid = i % 3 === 0 ? '' : `2026-0${1 + (i % 8)}-${String(day).padStart(2, '0')}`;
    const [id, name] = ids[i % ids.length]!;
    rows.push(`${id},${name},${prefix}-${i},2025-12-${String(day).padStart(2, '0')},2026-01-${String(day).padStart(2, '0')},${1000 + i},CHF,${paid},`);
  }
  return `${rows.join('\n')}\n`;
}
