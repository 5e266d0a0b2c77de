import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { assessmentSchema, type Assessment } from '../../platform/schemas/index.js';
import { tempDir, waitFor } from '../helpers.js';
import { freePort, runBonitor, spawnBonitor, type RunningBonitor } from './process.js';

/**
 * `npm start` with zero configuration: every role in one process on the bundled demo,
 * offline, in a temp data dir; then a second start that must resume without redoing anything.
 */
describe('npm start on the embedded default with the bundled demo', () => {
  const tmp = tempDir('bonitor-e2e-');
  let env: Record<string, string>;
  let base: string;
  let first: RunningBonitor;
  afterAll(() => {
    first?.child.kill('SIGKILL');
    tmp.cleanup();
  });

  const getJson = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const outboxFiles = () => readdirSync(path.join(tmp.dir, 'outbox')).filter((f) => f.endsWith('.eml')).sort();

  it('collects, analyses, scores, serves the API and writes digests', async () => {
    const port = await freePort();
    env = { BONITOR_DATA_DIR: tmp.dir, BONITOR_PORT: String(port), BONITOR_LOG_LEVEL: 'warn' };
    base = `http://127.0.0.1:${port}`;
    first = spawnBonitor(['start'], env);
    await waitFor(() => first.stdout().includes('Press Ctrl-C'), 90_000, `startup (stderr: ${first.stderr().slice(-2000)})`);

    const health = await getJson(`${base}/health`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });

    const customers = (await getJson(`${base}/api/customers`)).body as Array<{ id: string; name: string; grade: string; score: number }>;
    expect(customers.length).toBeGreaterThanOrEqual(20);
    expect(customers.every((c) => ['A', 'B', 'C', 'D', 'E'].includes(c.grade))).toBe(true);

    // A customer with a bankruptcy notice: grade E, prepayment or decline, and the notice named.
    const bankrupt = await getJson(`${base}/api/check?q=${encodeURIComponent('Alpenblick Metallbau')}`);
    expect(bankrupt.status).toBe(200);
    const a = assessmentSchema.parse(bankrupt.body);
    expect(a.customerId).toBe('CH-1001');
    expect(a.grade).toBe('E');
    expect(['prepayment', 'decline']).toContain(a.terms.kind);
    expect(a.signals.some((s) => s.type === 'insolvency' && /Konkurs/.test(s.title))).toBe(true);

    // Check by register id, exactly.
    const byUid = assessmentSchema.parse((await getJson(`${base}/api/check?q=CHE-401.118.534`)).body);
    expect(byUid.customerId).toBe('CH-1001');

    // A clean customer: A or B, open account with a credit limit.
    const clean = assessmentSchema.parse((await getJson(`${base}/api/check?q=${encodeURIComponent('Calandra Logistik')}`)).body) as Assessment;
    expect(['A', 'B']).toContain(clean.grade);
    expect(clean.terms.kind).toBe('open_account');
    expect(clean.terms.creditLimit).toBeGreaterThan(0);

    // A denial is not an insolvency.
    const denied = assessmentSchema.parse((await getJson(`${base}/api/check?q=${encodeURIComponent('Moselblick Weinhandel')}`)).body);
    expect(denied.signals.some((s) => s.type === 'insolvency')).toBe(false);
    expect(['A', 'B', 'C']).toContain(denied.grade);

    const missing = await getJson(`${base}/api/check?q=${encodeURIComponent('Nonexistent Widgets AG')}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ message: expect.stringContaining('Nonexistent Widgets AG') });

    // At least one digest in the outbox, HTML and plain text, naming the bankrupt customer.
    const files = outboxFiles();
    expect(files.length).toBeGreaterThanOrEqual(1);
    const mail = await simpleParser(readFileSync(path.join(tmp.dir, 'outbox', files.find((f) => f.includes('demo-anna'))!)));
    expect(mail.to).toMatchObject({ text: expect.stringContaining('anna.muster@kreditmanagement.example') });
    expect(mail.text).toContain('Alpenblick Metallbau AG');
    expect(mail.html).toContain('Alpenblick Metallbau AG');
    expect(mail.text).toMatch(/Konkurs/);
    expect(mail.text).toContain('/check?q=');

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
  });

  it('resumes on a second start without processing or sending anything twice', async () => {
    const before = outboxFiles().map((f) => readFileSync(path.join(tmp.dir, 'outbox', f), 'utf8'));
    const docsBefore = (await runBonitor(['check', 'CH-1001', '--format', 'json'], env)).stdout;
    expect(JSON.parse(docsBefore).grade).toBe('E');

    const second = spawnBonitor(['start'], env);
    await waitFor(() => second.stdout().includes('Press Ctrl-C'), 90_000, `second startup (stderr: ${second.stderr().slice(-2000)})`);
    expect(second.stdout()).toMatch(/digests this round: 0/);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    const after = outboxFiles().map((f) => readFileSync(path.join(tmp.dir, 'outbox', f), 'utf8'));
    expect(after).toEqual(before);
  });

  it('prints the pre-contract report on the CLI with reasons and source links', async () => {
    const r = await runBonitor(['check', 'Alpenblick Metallbau AG'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Grade E');
    expect(r.stdout).toMatch(/https:\/\/\S+alpenblick|KK01/);
    const none = await runBonitor(['check', 'Nobody Such GmbH'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No customer matches');
  });
});
