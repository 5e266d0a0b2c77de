import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Many small strings (one JSON line per customer) → a file or pipe, encoded straight into one
 * reused buffer. Appending them to a string first and converting that makes V8 flatten a rope
 * of thousands of pieces and copy it again to encode it: measured on 100,000 assessments
 * (bench/ledger.bench.ts) that cost more than JSON.stringify itself.
 */
export class TextSink {
  private buf: Buffer;
  private used = 0;
  /** Bytes handed to the stream so far. */
  written = 0;

  constructor(
    private readonly out: Writable,
    private readonly size = 1 << 20,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Appends `text`; resolves at once unless the buffer had to be handed over to a busy stream. */
  write(text: string): Promise<void> | undefined {
    // UTF-8 needs at most three bytes per UTF-16 code unit.
    if (this.used + text.length * 3 > this.buf.length) {
      if (text.length * 3 > this.size) {
        const flushed = this.flush();
        const ok = this.out.write(text);
        this.written += Buffer.byteLength(text);
        return flushed ?? (ok ? undefined : once(this.out, 'drain').then(() => undefined));
      }
      const flushed = this.flush();
      this.used = this.buf.write(text, 0);
      return flushed;
    }
    this.used += this.buf.write(text, this.used);
    return undefined;
  }

  /** `text` and a line feed (without building the joined string). */
  writeLine(text: string): Promise<void> | undefined {
    const busy = this.write(text);
    if (this.used === this.buf.length) {
      const flushed = this.flush();
      this.buf[this.used++] = 10;
      return busy && flushed ? Promise.all([busy, flushed]).then(() => undefined) : (busy ?? flushed);
    }
    this.buf[this.used++] = 10;
    return busy;
  }

  /** Appends bytes already encoded (a worker thread's lines), after what is buffered. */
  writeBytes(bytes: Uint8Array): Promise<void> | undefined {
    if (bytes.length === 0) return undefined;
    if (this.used + bytes.length <= this.buf.length) {
      this.buf.set(bytes, this.used);
      this.used += bytes.length;
      return undefined;
    }
    const flushed = this.flush();
    this.written += bytes.length;
    const ok = this.out.write(bytes);
    const busy = ok ? undefined : once(this.out, 'drain').then(() => undefined);
    return flushed && busy ? Promise.all([flushed, busy]).then(() => undefined) : (flushed ?? busy);
  }

  /** Hands what is buffered to the stream (a new buffer follows: the stream may still hold the old one). */
  flush(): Promise<void> | undefined {
    if (this.used === 0) return undefined;
    const chunk = this.buf.subarray(0, this.used);
    this.written += this.used;
    this.buf = Buffer.allocUnsafe(this.size);
    this.used = 0;
    return this.out.write(chunk) ? undefined : once(this.out, 'drain').then(() => undefined);
  }

  /** Flushes and ends the stream, resolving once everything is written. */
  async end(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/**
 * Lines encoded as UTF-8 into one growing buffer, handed out as one block of bytes (which a worker
 * thread transfers to the main thread without copying): the same reason as TextSink's.
 */
export class LineBuffer {
  private buf: Buffer;
  private used = 0;

  constructor(size = 1 << 20) {
    // Not from Node's shared pool: a block handed out is transferred to another thread whole.
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  get length(): number {
    return this.used;
  }

  /** `text` and a line feed. */
  writeLine(text: string): void {
    const need = this.used + text.length * 3 + 1;
    if (need > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(text, this.used);
    this.buf[this.used++] = 10;
  }

  /** The lines written since the last take, in a buffer of their own (which may be transferred); the buffer is emptied. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafeSlow(this.buf.length);
    this.used = 0;
    return out;
  }
}
