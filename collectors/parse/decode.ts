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
    return { text: decodeWith('windows-1252', bytes), encoding: 'windows-1252', from: 'fallback' };
  }
  const text = tryDecode(label === 'utf-16' ? (bytes[0] === 0 ? 'utf-16be' : 'utf-16le') : label, bytes, false);
  if (text !== undefined) return { text, encoding: label, from };
  // Unknown label ("latin-x", typos): same rule as a missing declaration.
  const utf8 = tryDecode('utf-8', bytes, true);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', from: 'fallback' };
  return { text: decodeWith('windows-1252', bytes), encoding: 'windows-1252', from: 'fallback' };
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
  // UTF-16 without BOM: drop the zero bytes so the prolog can still be read.
  const slice = bytes.subarray(0, n);
  let s = '';
  for (const c of slice) if (c !== 0) s += String.fromCharCode(c);
  return s;
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
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeWith(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label).decode(bytes);
}
