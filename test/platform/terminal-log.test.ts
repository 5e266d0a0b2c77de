import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTerminalLogger } from '../../platform/log.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

describe('logs at a terminal', () => {
  it('are readable lines, not JSON, and hold informational lines back until the start-up summary is out', () => {
    const out = new Capture();
    const t = createTerminalLogger('info', { holdInfo: true, destination: out, colorize: false });
    t.log.child({ module: 'collector' }).info({ source_id: 'demo-shab-ch', fetched: 4 }, 'source_collected');
    t.log.warn({ source_id: 'x' }, 'source_fetch_failed');
    expect(out.text).not.toContain('source_collected');
    expect(out.text).toMatch(/WARN.*source_fetch_failed/);
    expect(t.held()).toBe(1);
    t.release();
    t.log.info({ signal: 'SIGINT' }, 'bonitor_stopping');
    expect(out.text).toMatch(/INFO.*bonitor_stopping/);
    expect(out.text.split('\n').filter(Boolean).every((l) => !l.trim().startsWith('{'))).toBe(true);
  });
});
