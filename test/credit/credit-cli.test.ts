import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext, Command } from '../../app/cli/command.js';
import { notesAddCommand, notesListCommand } from '../../app/cli/notes.command.js';
import { overrideClearCommand, overrideListCommand, overrideSetCommand } from '../../app/cli/override.command.js';
import { importWatchlist } from '../../app/watchlist.js';
import { parseWatchlistCsv } from '../../analysis/linking/index.js';
import { openDemoApp, type DemoApp } from '../http/support/demo-app.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

describe('bonitor override and notes, and approved limits from the watchlist', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await openDemoApp();
  }, 120_000);
  afterAll(async () => demo?.close());
  const run = async (command: Command, args: string[]) => {
    const out = new Capture();
    const err = new Capture();
    const ctx: CliContext = { io: { stdin: process.stdin, stdout: out, stderr: err }, config: demo.app.config, app: async () => demo.app };
    let code: number;
    try {
      code = await command.run(args, ctx);
    } catch (e) {
      err.text += (e as Error).message;
      code = (e as { exitCode?: number }).exitCode ?? 1;
    }
    return { code, out: out.text, err: err.text };
  };

  it('sets an override with a reason, lists it, keeps its history and clears it', async () => {
    expect((await run(overrideSetCommand, ['UK-3003', '--grade', 'C'])).err).toMatch(/reason is required/);
    expect((await run(overrideSetCommand, ['UK-3003', '--reason', 'nothing named'])).err).toMatch(/name a grade, terms or a limit/);
    expect((await run(overrideSetCommand, ['UK-3003', '--grade', 'Q', '--reason', 'typo'])).code).toBe(2);
    const set = await run(overrideSetCommand, ['UK-3003', '--grade', 'C', '--terms', 'partial_prepayment', '--reason', 'New owner, no track record yet', '--until', '2099-01-31', '--by', 'james']);
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/override set for UK-3003 by james: now grade C, partial_prepayment \(the model says A\)/);
    const a = (await demo.app.store.latestAssessment('UK-3003'))!;
    expect(a).toMatchObject({ grade: 'C', terms: { kind: 'partial_prepayment', advancePercent: 50 }, override: { by: 'james', until: '2099-01-31' }, model: { grade: 'A' } });
    expect((await run(overrideListCommand, [])).out).toMatch(/UK-3003\tgrade C, partial_prepayment\tuntil 2099-01-31\tjames/);
    expect((await run(overrideClearCommand, ['UK-3003', '--by', 'james', '--reason', 'paid the first three invoices on time'])).code).toBe(0);
    expect((await demo.app.store.latestAssessment('UK-3003'))!.grade).toBe('A');
    const history = JSON.parse((await run(overrideListCommand, ['--history', 'UK-3003', '--format', 'json'])).out) as Array<{ action: string; inForce: boolean }>;
    expect(history.map((h) => [h.action, h.inForce])).toEqual([['set', false], ['clear', false]]);
    expect((await run(overrideClearCommand, ['UK-3003'])).err).toMatch(/no override in force/);
    expect((await run(overrideSetCommand, ['NOBODY', '--grade', 'E', '--reason', 'who?'])).err).toMatch(/no customer with id "NOBODY"/);
  });

  it('notes what a customer said, with who and when', async () => {
    expect((await run(notesAddCommand, ['CH-1002', 'Owner', 'asks', 'for', 'a', 'payment', 'plan', '--by', 'anna'])).code).toBe(0);
    expect((await run(notesListCommand, ['CH-1002'])).out).toMatch(/\tanna\tOwner asks for a payment plan/);
  });

  it('resolves the customer the same way in every credit command: unknown is exit 1, a missing id or text exit 2, options listed by --help', async () => {
    for (const [command, args] of [
      [notesListCommand, ['NOBODY']],
      [notesAddCommand, ['NOBODY', 'hello']],
      [overrideClearCommand, ['NOBODY']],
      [overrideListCommand, ['--history', 'NOBODY']],
    ] as const) {
      const r = await run(command, [...args]);
      expect([command.name, r.code, r.err]).toEqual([command.name, 1, expect.stringMatching(/no customer with id "NOBODY"/)]);
    }
    expect(await run(notesAddCommand, ['CH-1002'])).toMatchObject({ code: 2, err: expect.stringMatching(/give the text after the customer id\nusage: bonitor notes add/) });
    expect(await run(notesListCommand, [])).toMatchObject({ code: 2, err: expect.stringMatching(/name the customer id/) });
    expect(await run(overrideSetCommand, ['CH-1002', 'CH-1003', '--grade', 'C', '--reason', 'two'])).toMatchObject({ code: 2, err: expect.stringMatching(/name exactly one customer id/) });
    expect(await run(overrideSetCommand, ['CH-1002', '--colour', 'red'])).toMatchObject({ code: 2, err: expect.stringMatching(/unknown option '--colour'/) });
    expect(Object.keys(overrideSetCommand.options ?? {})).toEqual(['grade', 'terms', 'limit', 'reason', 'until', 'by']);
    expect(Object.keys(notesAddCommand.options ?? {})).toEqual(['by']);
  });

  it('reads credit_limit from the watchlist (50\'000, 50.000,00 …) and keeps limits set in the app when the file has no such column', async () => {
    const csv = "customer_id,name,credit_limit\nA1,Alpha AG,50'000\nA2,Beta GmbH,\"50.000,50\"\nA3,Gamma SA,\nA4,Delta Ltd,lots\n";
    const parsed = parseWatchlistCsv(csv);
    expect(parsed.customers.map((c) => [c.id, c.creditLimit])).toEqual([['A1', 50000], ['A2', 50000.5], ['A3', undefined]]);
    expect(parsed.errors).toEqual([{ line: 5, reason: expect.stringMatching(/credit_limit "lots" is not an amount/) }]);
    const before = (await demo.app.store.getCustomer('CH-1003'))!.creditLimit;
    expect(before).toBe(47000);
    const withoutColumn = 'customer_id,name,tags\nCH-1003,Calandra Logistik AG,ch|logistics|key-account\n';
    await importWatchlist(demo.app, withoutColumn);
    expect((await demo.app.store.getCustomer('CH-1003'))!).toMatchObject({ creditLimit: 47000, tags: ['ch', 'logistics', 'key-account'] });
  });
});
