import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticImports } from '../../scripts/build.js';
import { runBonitor, TEST_CLI_DIR } from '../e2e/process.js';

/**
 * What `classify` and `link` load at start (issue 16, start-up within 5× of bare node): the
 * lexicon's anchors come with the build, so regexpp is never loaded, and eld's n-gram tables only
 * when a text needs language detection. A CommonJS hook records every require() of the process.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'bonitor-startup-loads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hook = path.join(dir, 'trace.cjs');
writeFileSync(
  hook,
  `const Module = require('node:module'); const fs = require('node:fs'); const load = Module._load;
Module._load = function (request) { fs.appendFileSync(process.env.TRACE_FILE, request + '\\n'); return load.apply(this, arguments); };`,
);

async function traced(args: string[], input: string): Promise<{ stdout: string; loaded: string[] }> {
  const trace = path.join(dir, `trace-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(trace, '');
  const r = await runBonitor(args, { BONITOR_DATA_DIR: path.join(dir, 'data'), BONITOR_LOG_LEVEL: 'warn', NODE_OPTIONS: `--require ${hook}`, TRACE_FILE: trace }, input);
  expect(r.code, r.stderr).toBe(0);
  return { stdout: r.stdout, loaded: readFileSync(trace, 'utf8').split('\n').filter(Boolean) };
}

describe('what the compiled classify and link commands load', () => {
  it('imports neither regexpp nor eld statically', () => {
    for (const command of ['classify', 'link']) {
      const { packages } = staticImports(path.join(TEST_CLI_DIR, `${command}.command.js`));
      expect(packages, command).not.toContain('@eslint-community/regexpp');
      expect(packages, command).not.toContain('eld');
    }
  });

  it('classifies a German notice without parsing the lexicon or loading the language detector', async () => {
    const line = JSON.stringify({ id: 'n1', lang: 'de', text: 'Über die Alpenblick Metallbau AG wurde am Montag der Konkurs eröffnet, teilte das Konkursamt mit.' });
    const { stdout, loaded } = await traced(['classify'], `${line}\n`);
    const out = JSON.parse(stdout) as { lang: string; events: Array<{ type: string; subject: string }> };
    expect(out.events.map((e) => [e.type, e.subject])).toEqual([['insolvency', 'Alpenblick Metallbau AG']]);
    expect(loaded.filter((r) => /regexpp|[/\\]eld[/\\]/.test(r))).toEqual([]);
  });

  it('loads eld when a short headline needs it, and reads it in its language', async () => {
    const line = JSON.stringify({ id: 'h1', text: 'Konkurs über Alpenblick Metallbau AG' });
    const { stdout, loaded } = await traced(['classify'], `${line}\n`);
    const out = JSON.parse(stdout) as { lang: string; events: Array<{ type: string }> };
    expect(out.lang).toBe('de');
    expect(out.events.map((e) => e.type)).toEqual(['insolvency']);
    expect(loaded.some((r) => /[/\\]eld[/\\]/.test(r))).toBe(true);
    expect(loaded.filter((r) => r.includes('regexpp'))).toEqual([]);
  });
});
