import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closingLikeLines, looksLikeClosingLine } from './ci-log.js';
import { suiteSummary } from './faults/report.js';

const root = path.resolve(import.meta.dirname, '..');

/** CI must run exactly what the README tells a new user to run. */
describe('.ci/run', () => {
  const ci = readFileSync(path.join(root, '.ci', 'run'), 'utf8');
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

  it('installs from the lockfile and runs the README test command', () => {
    expect(readme).toMatch(/^npm test$/m);
    expect(readme).toMatch(/^npm ci && npm start$/m);
    const commands = ci.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(commands.some((l) => /^(if ! )?npm ci\b/.test(l))).toBe(true);
    expect(commands).toContain('npm test');
    expect(commands.indexOf('npm test')).toBeGreaterThan(commands.findIndex((l) => /^(if ! )?npm ci\b/.test(l)));
  });

  it('runs the fault-injection suite with the same services, and the README test command last', () => {
    const commands = ci.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('step '));
    expect(commands.indexOf('npm run test:faults')).toBeGreaterThan(commands.indexOf('BONITOR_CLICKHOUSE_URL="$(python3 scripts/clickhouse-http.py start "$cdir")"'));
    expect(commands.indexOf('npm run test:faults')).toBeLessThan(commands.indexOf('npm test'));
    expect(commands.at(-1)).toBe('npm test');
    expect(pkg.scripts['test:faults']).toBe('tsx test/faults/run.ts');
    expect(readme).toMatch(/^npm run test:faults$/m);
  });

  it('fails on the first failing step', () => {
    expect(ci).toMatch(/^set -euo pipefail$/m);
  });

  it('has the scripts the README promises', () => {
    for (const s of ['start', 'test', 'bonitor', 'bench']) expect(pkg.scripts[s], s).toBeTruthy();
    expect(pkg.scripts.test).toMatch(/vitest run/);
  });

  it('ends npm test with the plain closing line a CI log reader counts', () => {
    const config = readFileSync(path.join(root, 'vitest.config.ts'), 'utf8');
    expect(config).toMatch(/reporters: \['dot', '\.\/test\/closing-line\.reporter\.ts'\]/);
    expect(config).not.toMatch(/process\.env/);
    // CI=true turns vitest's colours on; the CI log stays plain text.
    expect(ci).toMatch(/^export NO_COLOR=1$/m);
  });

  it.each([['under CI', 'true'], ['at a terminal', undefined]])('%s, prints the whole run in a few kilobytes: the runner, dots, the summary and the count line, no file list', (_where, ci) => {
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/i18n/format.test.ts'], {
      cwd: root,
      env: { ...process.env, CI: ci, NO_COLOR: '1', VITEST: undefined, VITEST_WORKER_ID: undefined, VITEST_POOL_ID: undefined },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ RUN {2}v\d+\.\d+\.\d+ /m);
    expect(run.stdout).not.toMatch(/✓ test\//);
    expect(run.stdout).toMatch(/^ {6}Tests {2}6 passed \(6\)$/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Tests: 6 passed, 0 failed, 0 skipped');
    // The count line is the only line of the run a CI log reader could take for a closing line.
    expect(closingLikeLines(run.stdout)).toEqual(['Tests: 6 passed, 0 failed, 0 skipped']);
    expect(run.stdout.length).toBeLessThan(2_000);
  });

  it('prints nothing else shaped like a closing line: the build, the fault suite and its own steps', () => {
    // A reader that took "13 rows in 301 s" (the fault suite's old last line) for pytest's summary counted no test.
    expect(looksLikeClosingLine('13 rows in 301 s')).toBe(true);
    expect(looksLikeClosingLine('==== 5 passed in 0.12s ====')).toBe(true);
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build.ts', '--outdir', 'test-output/ci-log-build'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^built \d+ commands/m);
    expect(closingLikeLines(build.stdout + build.stderr)).toEqual([]);
    const faults = readFileSync(path.join(root, 'test', 'faults', 'run.ts'), 'utf8');
    expect(faults).not.toMatch(/ in \$\{[^}]+\} ?s\b/);
    expect(looksLikeClosingLine(suiteSummary([], 301))).toBe(false);
    expect(looksLikeClosingLine(suiteSummary([{ fault: 'f', bus: 'embedded', error: 'x' }], 5))).toBe(false);
    for (const step of ci.matchAll(/^step "([^"]+)"$/gm)) expect(looksLikeClosingLine(`--- [12s] ${step[1]}`), step[1]).toBe(false);
  });
});
