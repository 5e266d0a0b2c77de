import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
    expect(commands.some((l) => /^npm ci\b/.test(l))).toBe(true);
    expect(commands).toContain('npm test');
    expect(commands.indexOf('npm test')).toBeGreaterThan(commands.findIndex((l) => /^npm ci\b/.test(l)));
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
    expect(config).toMatch(/reporters: \['default', '\.\/test\/closing-line\.reporter\.ts'\]/);
    // CI=true turns vitest's colours on; the CI log stays plain text.
    expect(ci).toMatch(/^export NO_COLOR=1$/m);
  });
});
