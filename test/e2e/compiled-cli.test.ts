import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMON_WORDS_FILE, staticImports } from '../../scripts/build.js';
import { writeWordList } from '../../analysis/linking/common-words.js';
import { deriveCommonWords } from '../../app/link-model.js';
import { tempDir, waitFor } from '../helpers.js';
import { freePort, ROOT, runBonitor, spawnBonitor, type RunningBonitor } from './process.js';

/**
 * The compiled CLI, built the way `npm ci` builds it (scripts/build.ts through `prepare`), into a
 * directory of its own, from scratch (the other process tests share one built by vitest's global
 * setup only when a source changed): `npm start` and `npm run bonitor` run this. A broken build, a
 * command missing from the bundle or an asset the bundle cannot find fails here.
 */
describe('the compiled CLI (dist/, what npm start runs)', () => {
  const outdir = path.join(ROOT, 'test-output', `dist-${process.pid}-${Date.now().toString(36)}`);
  const main = path.join(outdir, 'main.js');
  const tmp = tempDir('bonitor-compiled-');
  let server: RunningBonitor | undefined;

  beforeAll(async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'build.ts'), '--outdir', outdir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`build failed (${code}): ${output}`);
  }, 180_000);
  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(outdir, { recursive: true, force: true });
    tmp.cleanup();
  });

  it('prints the same help as the sources, having loaded no command (commander only once help may be due)', async () => {
    const env = { BONITOR_DATA_DIR: tmp.dir };
    const [compiled, sources] = await Promise.all([runBonitor(['--help'], env, undefined, main), runBonitor(['--help'], env)]);
    expect(compiled.code).toBe(0);
    expect(compiled.stdout).toMatch(/^  ledger +ledger commands$/m);
    expect(compiled.stdout).toBe(sources.stdout);
    const commandHelp = await runBonitor(['check', '--help'], env, undefined, main);
    expect(commandHelp.stdout).toMatch(/--format <text\|json>/);

    // Before a command is chosen only the CLI's own shell is loaded: no commander (its help tree is built only when
    // help may be due, app/cli/find-command.ts mayNeedHelp), no zod, no store, no command module.
    const loaded = staticImports(main);
    expect(loaded.packages).toEqual([]);
    const code = loaded.files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(code).not.toContain('// node_modules/commander/');
    expect(code).not.toContain('// node_modules/zod/');
    expect(loaded.files.filter((f) => f.endsWith('.command.js'))).toEqual([]);
  });

  it('carries the ordinary words of the linking model as the dictionaries give them, and link reads them instead of the dictionaries', async () => {
    expect(readFileSync(path.join(outdir, COMMON_WORDS_FILE), 'utf8')).toBe(writeWordList(deriveCommonWords()));
    const csv = path.join(tmp.dir, 'words-watchlist.csv');
    writeFileSync(csv, 'customer_id,name,aliases,register_ids,country,industry,tags\npuma,Puma,,,DE,47,\n');
    const doc = JSON.stringify({ id: 'd1', lang: 'de', text: 'Der Sportartikelhersteller Puma meldet Insolvenz an.' });
    const env = { BONITOR_DATA_DIR: tmp.dir };
    const [compiled, sources] = await Promise.all([runBonitor(['link', '--watchlist', csv], env, doc, main), runBonitor(['link', '--watchlist', csv], env, doc)]);
    expect(compiled.code).toBe(0);
    expect(compiled.stdout).toBe(sources.stdout);
    expect(compiled.stdout).toContain('common_word');
    // The compiled link reads that file, not the dictionaries: without 'puma' in it, Puma is no ordinary word.
    const listFile = path.join(outdir, COMMON_WORDS_FILE);
    const list = readFileSync(listFile, 'utf8');
    writeFileSync(listFile, list.replace(/^puma\t\d+\n/m, ''));
    try {
      const without = await runBonitor(['link', '--watchlist', csv], env, doc, main);
      expect(without.code).toBe(0);
      expect(without.stdout).toContain('"customerId":"puma"');
      expect(without.stdout).not.toContain('common_word');
    } finally {
      writeFileSync(listFile, list);
    }
  });

  it('answers a wrong command with the usage and exit 2, and a bad option with exit 2', async () => {
    const unknown = await runBonitor(['no-such-command'], { BONITOR_DATA_DIR: tmp.dir }, undefined, main);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command: no-such-command');
    expect(unknown.stderr).toContain('subscriptions validate');
    const badAmount = await runBonitor(['check', 'Alpenblick', '--amount', 'lots'], { BONITOR_DATA_DIR: tmp.dir }, undefined, main);
    expect(badAmount.code).toBe(2);
  });

  it('runs every role on the bundled demo: API, web assets, checks from the CLI, clean stop', async () => {
    const port = await freePort();
    const env = { BONITOR_DATA_DIR: tmp.dir, BONITOR_PORT: String(port), BONITOR_LOG_LEVEL: 'warn' };
    server = spawnBonitor(['start'], env, main);
    await waitFor(() => server!.stdout().includes('Press Ctrl-C'), 90_000, `startup (stderr: ${server.stderr().slice(-2000)})`);
    const base = `http://127.0.0.1:${port}`;

    // The demo feeds, the shipped link and event models and the ledger were found from the bundle.
    const bankrupt = (await (await fetch(`${base}/api/check?q=${encodeURIComponent('Alpenblick Metallbau')}`)).json()) as { grade: string; signals: Array<{ type: string }> };
    expect(bankrupt.grade).toBe('E');
    expect(bankrupt.signals.some((s) => s.type === 'insolvency')).toBe(true);
    const css = await fetch(`${base}/assets/app.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toMatch(/[{}]/);

    const check = await runBonitor(['check', 'Calandra Logistik', '--format', 'json'], env, undefined, main);
    expect(check.code, check.stderr).toBe(0);
    expect(['A', 'B']).toContain((JSON.parse(check.stdout) as { grade: string }).grade);

    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  }, 150_000);
});
