/**
 * Bytes of an export → text, whatever encoding the accounting package or Excel wrote: UTF-8
 * with or without BOM, UTF-16 (Excel's "Unicode text", BOM or not), and Windows-1252 /
 * ISO-8859-1 (what Excel writes on Swiss and German Windows). Detection is a BOM, then NUL-byte
 * patterns, then a strict UTF-8 check: valid UTF-8 with umlauts is practically never a
 * Windows-1252 file by accident, while Windows-1252 umlauts are never valid UTF-8. Chosen
 * over a statistical detector by measurement (`npx tsx bench/encoding.bench.ts`, 600 captured
 * files and real-text samples of 256 B–4 KB in the five encodings exports come in): this check
 * reads 100 % right at the cost of one UTF-8 pass, jschardet 94.5 % at about 40 times that
 * (UTF-16 without BOM read as big-endian, short Windows-1252 text as ISO-8859-4, UTF-8 pages
 * whose first kilobytes are ASCII as ASCII).
 */
import { isAscii } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodeReport {
  encoding: TextEncodingName;
  bom: boolean;
  /** Set when bytes that are not UTF-8 appeared after UTF-8 text: they were replaced (U+FFFD) from this byte on. */
  invalidFromByte?: number;
}

/** Decides the encoding from the first bytes of a file. */
export function detectEncoding(head: Uint8Array): { encoding: TextEncodingName; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const sample = Math.min(head.length, 4096) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (sample >= 4 && oddNul > sample / 8 && evenNul === 0) return { encoding: 'utf-16le', bom: 0 };
  if (sample >= 4 && evenNul > sample / 8 && oddNul === 0) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: isUtf8(head) ? 'utf-8' : 'windows-1252', bom: 0 };
}

/** Strict UTF-8 check; a multi-byte sequence cut off at the end of the sample counts as valid. */
export function isUtf8(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Do not judge a sequence cut by the sample's end.
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = bytes[end - k]!;
    if (b >= 0xc0) {
      end -= k;
      break;
    }
    if (b < 0x80) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a byte stream chunk by chunk. UTF-8 that turns out not to be UTF-8 later in the file
 * switches to Windows-1252 when everything before was plain ASCII (then both read the same);
 * otherwise the bad bytes become U+FFFD and the report says from which byte.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, report: Partial<DecodeReport> = {}): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let encoding: TextEncodingName = 'utf-8';
  let asciiSoFar = true;
  let offset = 0;
  for await (const raw of chunks) {
    let chunk = raw;
    if (!decoder) {
      const found = detectEncoding(chunk);
      encoding = found.encoding;
      report.encoding = encoding;
      report.bom = found.bom > 0;
      chunk = chunk.subarray(found.bom);
      decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      if (asciiSoFar) {
        encoding = 'windows-1252';
        report.encoding = encoding;
        decoder = new TextDecoder(encoding);
      } else {
        report.invalidFromByte = offset;
        decoder = new TextDecoder('utf-8');
      }
      text = decoder.decode(chunk, { stream: true });
    }
    if (encoding === 'utf-8' && asciiSoFar) asciiSoFar = isAscii(chunk);
    offset += raw.length;
    yield text;
  }
  if (decoder) {
    const tail = decoder.decode();
    if (tail) yield tail;
  }
  report.encoding ??= 'utf-8';
  report.bom ??= false;
}

/** Whole buffer → text with the same detection (for small files and tests). */
export function decodeBytes(bytes: Uint8Array): { text: string; report: DecodeReport } {
  const found = detectEncoding(bytes);
  const body = bytes.subarray(found.bom);
  const text = new TextDecoder(found.encoding, { ignoreBOM: true }).decode(body);
  return { text, report: { encoding: found.encoding, bom: found.bom > 0 } };
}
