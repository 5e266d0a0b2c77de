import { isUtf8 } from 'node:buffer';

/**
 * Bytes → string for XML and HTML. rss-parser only sees strings, so the charset must be
 * settled here: BOM first, then the HTTP header, then the XML prolog or <meta charset>,
 * else UTF-8. A body that is not valid in the declared UTF-8 is re-read as windows-1252,
 * because that is what a mislabelled European feed almost always is.
 */
export interface DecodedText {
  text: string;
  /** The encoding actually used. */
  encoding: string;
  /** Why it was chosen: bom, header, prolog, meta, default, fallback. */
  from: 'bom' | 'header' | 'prolog' | 'meta' | 'default' | 'fallback';
}

export function decodeText(bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = sniffBom(bytes);
  if (bom) return { text: decodeWith(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding, from: 'bom' };

  const header = charsetFromContentType(contentType);
  const declared = header ?? declaredCharset(bytes);
  const from = header ? 'header' : declared ? declaredFrom(bytes) : 'default';
  const label = normaliseLabel(declared ?? 'utf-8');

  if (label === 'utf-8' || (label.startsWith('utf-16') && !looksLikeUtf16(bytes))) {
    // A UTF-16 declaration on single-byte content is a lie; read it like an undeclared body.
    const utf8 = tryDecode('utf-8', bytes, true);
    if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', from };
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', from: 'fallback' };
  }
  if (SINGLE_BYTE_WESTERN.has(label)) return { text: decodeWesternWithUtf8(bytes), encoding: label, from };
  const text = tryDecode(label === 'utf-16' ? (bytes[0] === 0 ? 'utf-16be' : 'utf-16le') : label, bytes, false);
  if (text !== undefined) return { text, encoding: label, from };
  // Unknown label ("latin-x", typos): same rule as a missing declaration.
  const utf8 = tryDecode('utf-8', bytes, true);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', from: 'fallback' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', from: 'fallback' };
}

function sniffBom(b: Uint8Array): { encoding: string; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

export function charsetFromContentType(contentType?: string): string | undefined {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m?.[1];
}

/** encoding="…" in the XML prolog, or <meta charset> / http-equiv in the first 2 KB of HTML. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = asciiHead(bytes, 2048);
  const prolog = head.match(/^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i);
  if (prolog) return prolog[1];
  if (/^\s*<\?xml/i.test(head)) return undefined;
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  return meta?.[1];
}

function declaredFrom(bytes: Uint8Array): 'prolog' | 'meta' {
  return /^\s*<\?xml/i.test(asciiHead(bytes, 64)) ? 'prolog' : 'meta';
}

function asciiHead(bytes: Uint8Array, n: number): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(n, bytes.byteLength)).toString('latin1');
  // UTF-16 without BOM: drop the zero bytes so the prolog can still be read.
  return head.includes('\0') ? head.replace(/\0/g, '') : head;
}

function looksLikeUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 64);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros++;
  return zeros >= n / 4;
}

function normaliseLabel(label: string): string {
  const l = label.trim().toLowerCase();
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  return l;
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  // isUtf8 + Buffer#toString (simdutf) is several times faster than a fatal TextDecoder.
  if (label === 'utf-8' && fatal) return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : undefined;
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeWith(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label).decode(bytes);
}

const SINGLE_BYTE_WESTERN = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii']);

/**
 * Declared Latin-1 / windows-1252, but real feeds (laut.de) mix in UTF-8 runs, and many
 * servers label UTF-8 as ISO-8859-1. A well-formed UTF-8 multi-byte sequence is almost never
 * meant as Latin-1 ("Ã¤"), so such sequences are read as UTF-8 and every other byte as
 * windows-1252 (which is what browsers do for ISO-8859-1 anyway).
 */
function decodeWesternWithUtf8(bytes: Uint8Array): string {
  // Most such bodies hold no UTF-8 run at all: one native scan of the Latin-1 text says so, and
  // the byte-by-byte walk below is only for those that do.
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!UTF8_LEAD_AND_CONTINUATION.test(latin1)) return windows1252FromLatin1(latin1);
  const single = { decode: decodeWindows1252 };
  const utf8 = new TextDecoder('utf-8');
  let out = '';
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len === 0) {
      i++;
      continue;
    }
    out += single.decode(bytes.subarray(start, i)) + utf8.decode(bytes.subarray(i, i + len));
    i += len;
    start = i;
  }
  return start === 0 ? single.decode(bytes) : out + single.decode(bytes.subarray(start));
}

function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c0 = b[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = b[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (c0 >= 0xc2 && c0 <= 0xdf) return cont(1) ? 2 : 0;
  if (c0 >= 0xe0 && c0 <= 0xef) {
    const lo = c0 === 0xe0 ? 0xa0 : 0x80;
    const hi = c0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c0 >= 0xf0 && c0 <= 0xf4) {
    const lo = c0 === 0xf0 ? 0x90 : 0x80;
    const hi = c0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// Node's TextDecoder treats windows-1252 as ISO-8859-1 (0x80–0x9F become C1 controls), so the
// 27 printable characters there (€ ‚ „ … “ ” – — ™ …) are mapped by hand.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  return windows1252FromLatin1(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

function windows1252FromLatin1(latin1: string): string {
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** A lead byte of a multi-byte UTF-8 sequence followed by a continuation byte, as Latin-1 characters. */
const UTF8_LEAD_AND_CONTINUATION = /[\u00c2-\u00f4][\u0080-\u00bf]/;
