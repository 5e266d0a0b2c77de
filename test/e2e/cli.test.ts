import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { runBonitor } from './process.js';

const tmp = tempDir('bonitor-cli-');
afterAll(() => tmp.cleanup());
const env = { BONITOR_DATA_DIR: tmp.dir, BONITOR_DEMO: 'false' };

describe('bonitor CLI', () => {
  it('exits 2 on a wrong configuration and lists every problem without secrets', async () => {
    const file = path.join(tmp.dir, 'bad.yaml');
    writeFileSync(file, 'http:\n  port: -1\nsubscriptions:\n  - id: x\n    email: nope\n');
    const r = await runBonitor(['--config', file, 'config'], { ...env, BONITOR_SMTP_URL: 'not a url with pass hunter2hunter2' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('http.port');
    expect(r.stderr).toContain('subscriptions.0.email');
    expect(r.stderr).toContain('smtp.url');
    expect(r.stderr).not.toContain('hunter2hunter2');
  });

  it('exits 2 on misspelt keys and foreign URL schemes, naming each with its path and the nearest key', async () => {
    const file = path.join(tmp.dir, 'typos.yaml');
    writeFileSync(file, 'subscription:\n  - id: anna\n    email: anna@example.org\nsources:\n  - id: s\n    url: file:///etc/passwd\n    enabeld: true\n');
    const r = await runBonitor(['--config', file, 'config'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('subscription: unknown key (did you mean "subscriptions"?)');
    expect(r.stderr).toContain('sources.0.enabeld: unknown key (did you mean "enabled"?)');
    expect(r.stderr).toMatch(/sources\.0\.url: local files must be under/);
    expect(r.stderr).not.toContain('root:');
  });

  it('exits 2 on an unknown command and prints the usage', async () => {
    const r = await runBonitor(['frobnicate'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command: frobnicate');
    expect(r.stderr).toContain('ledger import');
  });

  it('imports a ledger with bad rows, then changes nothing on the second import', async () => {
    const file = path.join(tmp.dir, 'ledger.csv');
    writeFileSync(
      file,
      'customer_id;customer_name;invoice_id;issue_date;due_date;amount;currency;paid_date;paid_amount\n' +
        'K1;Kunde Eins AG;R1;01.09.2026;01.10.2026;1000,00;CHF;;\n' +
        'K1;Kunde Eins AG;R2;01.09.2026;31.09.2026;500,00;CHF;;\n' +
        'K2;Kunde Zwei GmbH;R3;2026-09-01;2026-10-01;250.00;EUR;2026-10-03;\n',
    );
    const first = await runBonitor(['ledger', 'import', file], env);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain(`${file}:3: due_date "31.09.2026" is not a calendar date`);
    expect(first.stdout).toContain('3 rows read: 2 new or changed imported, 0 unchanged, 1 rejected');
    const again = await runBonitor(['ledger', 'import', file], env);
    expect(again.stdout).toContain('3 rows read: 0 new or changed imported, 2 unchanged, 1 rejected');
    const missing = await runBonitor(['ledger', 'import', path.join(tmp.dir, 'nope.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });
});
