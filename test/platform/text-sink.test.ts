import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { TextSink } from '../../platform/text-sink.js';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** A stream that accepts little at a time and calls back late: backpressure on every write. */
class SlowSink extends Writable {
  chunks: Buffer[] = [];
  constructor() {
    super({ highWaterMark: 16 });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(Buffer.from(chunk)); // a copy: the sink must not reuse a buffer it handed over
    setImmediate(cb);
  }
}

describe('TextSink: strings encoded into one buffer, flushed with backpressure', () => {
  it('writes every line in order as UTF-8, across many buffer flushes, to a real file', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bonitor-sink-'));
    const file = path.join(dir, 'out.jsonl');
    const sink = new TextSink(createWriteStream(file), 256);
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const line = JSON.stringify({ i, name: i % 3 === 0 ? `Müller ${i} AG` : `Zürich\u00a0${i}`, note: 'ü'.repeat(i % 50), emoji: i % 7 === 0 ? '€ 😀' : '' });
      lines.push(line);
      const busy = sink.writeLine(line);
      if (busy) await busy;
    }
    await sink.end();
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(`${lines.join('\n')}\n`);
    expect(sink.written).toBe(Buffer.byteLength(text));
    let streamed = '';
    for await (const chunk of createReadStream(file, { encoding: 'utf8' })) streamed += chunk as string;
    expect(streamed.split('\n').slice(0, -1).map((l) => JSON.parse(l).i)).toEqual(lines.map((_, i) => i));
  });

  it('keeps the order when a line is longer than its buffer and the stream pushes back', async () => {
    const out = new SlowSink();
    const sink = new TextSink(out, 64);
    const parts = ['kurz', 'ä'.repeat(100), 'x'.repeat(63), 'y'.repeat(21), 'Schluss'];
    for (const p of parts) {
      const busy = sink.writeLine(p);
      if (busy) await busy;
    }
    await sink.end();
    expect(Buffer.concat(out.chunks).toString('utf8')).toBe(`${parts.join('\n')}\n`);
  });
});
