import addressparser from 'nodemailer/lib/addressparser';
import { stableId } from '../platform/ids.js';
import type { RenderedMail } from './render-digest.js';

export interface ComposeInput {
  key: string;
  /** This installation's id (made once, kept in the store): two installations never share a Message-ID. */
  installationId: string;
  from: string;
  to: { name: string; address: string };
  mail: RenderedMail;
  date: Date;
  unsubscribeUrl?: string;
}

/**
 * Renders the RFC 822 message once, at enqueue time, so a retry sends the very same bytes.
 * The Message-ID derives from the idempotency key and the installation id, on the sender's
 * domain: stable per mail (should a crash ever resend a mail after the SMTP server accepted it,
 * mail clients still see one message) and unique per installation (two companies' Bonitors
 * sending "digest:anna:2026-11-20" are two different mails).
 *
 * A small composer of our own rather than nodemailer's MailComposer: a digest is always the same
 * shape (multipart/alternative, text + HTML), and MailComposer's stream pipeline cost ~1 ms per
 * message, more than rendering the digest itself (see bench/digest.bench.ts).
 */
export function composeMessage(input: ComposeInput): string {
  const id = stableId('bonitor-mail', input.key);
  const boundary = `----=_bonitor_${id}`;
  const from = addressparser(input.from, { flatten: true })[0];
  const domain = /@([A-Za-z0-9.-]+)$/.exec(from?.address ?? '')?.[1] ?? 'bonitor.invalid';
  const headers = [
    `From: ${formatAddress(from?.name ?? '', from?.address || input.from)}`,
    `To: ${formatAddress(input.to.name, input.to.address)}`,
    `Subject: ${encodeHeader(input.mail.subject)}`,
    `Date: ${input.date.toUTCString().replace(/GMT$/, '+0000')}`,
    `Message-ID: <${id}.${clean(input.installationId).replace(/[^A-Za-z0-9-]/g, '')}@${domain}>`,
    `X-Bonitor-Key: ${clean(input.key)}`,
    ...(input.unsubscribeUrl
      ? [`List-Unsubscribe: <${clean(input.unsubscribeUrl)}>`, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click']
      : []),
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  return [
    ...headers,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(input.mail.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(input.mail.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** Header values never carry line breaks: a name or subject with CR/LF must not inject headers. */
function clean(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ');
}

function base64Lines(body: string): string {
  const b64 = Buffer.from(body, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join('\r\n');
}

/** RFC 2047 encoded words for non-ASCII text, split on character boundaries and folded. */
export function encodeHeader(value: string): string {
  const v = clean(value);
  if (/^[\x20-\x7e]*$/.test(v)) return v;
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  for (const ch of v) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > 45) {
      words.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += ch;
    bytes += n;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

function formatAddress(name: string, address: string): string {
  const addr = clean(address);
  const n = clean(name).trim();
  if (!n) return addr;
  if (/^[\x20-\x7e]*$/.test(n)) return `"${n.replace(/(["\\])/g, '\\$1')}" <${addr}>`;
  return `${encodeHeader(n)} <${addr}>`;
}
