import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyCommand } from '../../app/cli/classify.command.js';
import type { CliContext, Command } from '../../app/cli/command.js';
import { linkCommand } from '../../app/cli/link.command.js';

async function runCli(command: Command, args: string[], input: string) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const ctx = {
    io: { stdin, stdout, stderr },
    config: {} as CliContext['config'],
    app: () => Promise.reject(new Error('these commands must not open the store')),
  } satisfies CliContext;
  stdin.end(input);
  const code = await command.run(args, ctx);
  const lines = (chunks: string[]) => chunks.join('').split('\n').filter((l) => l !== '');
  return { code, stdout: lines(out), stderr: lines(err) };
}

describe('bonitor classify', () => {
  it('writes one JSON line per input line in the documented shape', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Das Bezirksgericht hat über die Muster AG den Konkurs eröffnet.' }),
      JSON.stringify({ id: 'b', text: 'Le groupe dément les rumeurs de faillite.', lang: 'fr' }),
    ].join('\n');
    const r = await runCli(classifyCommand, [], input);
    expect(r.code).toBe(0);
    expect(r.stderr).toEqual([]);
    const [a, b] = r.stdout.map((l) => JSON.parse(l));
    expect(Object.keys(a)).toEqual(['id', 'lang', 'events', 'polarity']);
    expect(a).toMatchObject({ id: 'a', lang: 'de', events: [{ type: 'insolvency', severity: 'critical', subject: 'Muster AG', role: 'debtor', modality: 'factual' }] });
    expect(Object.keys(a.events[0])).toEqual(['type', 'severity', 'confidence', 'evidence', 'subject', 'role', 'modality', 'trigger', 'cues', 'parties']);
    expect(a.polarity).toBeLessThan(0);
    expect(b).toEqual({ id: 'b', lang: 'fr', events: [], polarity: 0 });
    const numeric = await runCli(classifyCommand, [], '{"id":7,"text":"ok"}');
    expect(JSON.parse(numeric.stdout[0]!).id).toBe(7);
  });

  it('reports a malformed line on stderr, processes the rest and exits 2', async () => {
    const input = ['{"id":"1","text":"Stellenabbau bei der Firma"}', '{not json', '{"id":"3"}', '', '{"id":"4","text":"ok"}'].join('\r\n');
    const r = await runCli(classifyCommand, [], input);
    expect(r.code).toBe(2);
    expect(r.stdout.map((l) => JSON.parse(l).id)).toEqual(['1', '4']);
    expect(r.stderr.map((l) => JSON.parse(l))).toEqual([
      { line: 2, error: expect.stringContaining('invalid JSON') },
      { line: 3, id: '3', error: expect.stringContaining('text') },
    ]);
  });
});

describe('bonitor link', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bonitor-link-'));
  const watchlist = join(dir, 'watchlist.csv');
  writeFileSync(
    watchlist,
    '\uFEFFcustomer_id;name;aliases;register_ids;country;industry;tags\n' +
      'c1;Migros-Genossenschafts-Bund;Migros;CHE-105.829.940;CH;47;\n' +
      'c2;Swiss Holding AG;;;CH;64;\n' +
      ';Broken Row AG;;;CH;;\n',
  );

  it('links JSON lines against the watchlist and reports bad watchlist rows', async () => {
    const input = [JSON.stringify({ id: 'd1', text: 'Der Migros-Chef tritt zurück.' }), JSON.stringify({ id: 'd2', text: 'Swiss Holding AG in Konkurs' })].join('\n');
    const r = await runCli(linkCommand, ['--watchlist', watchlist], input);
    expect(r.code).toBe(0);
    const out = r.stdout.map((l) => JSON.parse(l));
    expect(out).toMatchObject([
      { id: 'd1', matches: [{ customerId: 'c1', text: 'Migros', ambiguous: false, spans: [{ start: 4, end: 10 }] }] },
      { id: 'd2', matches: [] },
    ]);
    // the keys of every match, and its reasons: the features that decided with their weights
    expect(Object.keys(out[0].matches[0]).sort()).toEqual(['ambiguous', 'confidence', 'customerId', 'reasons', 'spans', 'text']);
    expect(out[0].matches[0].reasons).toEqual(expect.arrayContaining([{ feature: 'alias', weight: expect.any(Number) }, { feature: 'bias', weight: expect.any(Number) }]));
    expect(r.stderr).toEqual([`${watchlist}:4: customer_id is empty`]);
  });

  it('explains each match in one line with --explain, and reads other weights with --weights', async () => {
    const input = JSON.stringify({ id: 'd1', text: 'Der Migros-Chef tritt zurück.' });
    const r = await runCli(linkCommand, ['--watchlist', watchlist, '--explain'], input);
    const [m] = JSON.parse(r.stdout[0]!).matches;
    expect(m.explanation).toMatch(/^Migros-Genossenschafts-Bund 0\.\d\d clear "Migros": .*alias [+-]\d\.\d\d.*bias [+-]\d\.\d\d$/);
    const weights = join(dir, 'weights.json');
    writeFileSync(weights, JSON.stringify({ version: 'x', bias: -5, weights: {}, threshold: 0.9, ambiguousFrom: 0.5, competitionMargin: 1 }));
    expect(JSON.parse((await runCli(linkCommand, ['--watchlist', watchlist, '--weights', weights], input)).stdout[0]!).matches).toEqual([]);
    writeFileSync(weights, '{"bias": "high"}');
    await expect(runCli(linkCommand, ['--watchlist', watchlist, '--weights', weights], input)).rejects.toThrow(/not a linking weights file/);
  });

  it('exits 2 on a malformed line but still answers the others', async () => {
    const r = await runCli(linkCommand, [`--watchlist=${watchlist}`], '[1,2]\n{"id":"x","text":"Migros"}\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toHaveLength(1);
    expect(JSON.parse(r.stderr[1]!)).toMatchObject({ line: 1 });
  });

  it('needs --watchlist and a readable file', async () => {
    expect((await runCli(linkCommand, [], '')).code).toBe(2);
    const missing = await runCli(linkCommand, ['--watchlist', join(dir, 'nope.csv')], '');
    expect(missing.code).toBe(1);
    expect(missing.stderr[0]).toMatch(/cannot read/);
  });
});
