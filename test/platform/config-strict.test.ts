import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../platform/config/load.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir('bonitor-strict-');
afterAll(() => tmp.cleanup());

function load(yaml: string, dir = tmp.dir) {
  const file = path.join(dir, `c-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  return loadConfig({ configPath: file, env: {}, cwd: dir });
}

function problemsOf(yaml: string, dir?: string): Record<string, string> {
  try {
    load(yaml, dir);
  } catch (err) {
    if (err instanceof ConfigError) return Object.fromEntries(err.problems.map((p) => [p.path, p.message]));
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('strict configuration', () => {
  it('refuses misspelt keys at every level, each with its path and the nearest valid key, all at once', () => {
    const problems = problemsOf(
      [
        'subscription:', // the classic: zero subscriptions and exit 0 before
        '  - id: anna',
        '    email: anna@example.org',
        'sources:',
        '  - id: shab',
        '    url: https://example.org/shab.rss',
        '    allowPrivte: true',
        '    enabeld: false',
        '    limits: { maxByte: 1000 }',
        'port: 9000', // belongs under http:
        'http:',
        '  tokens:',
        '    - { name: ops, sha256: "' + 'a'.repeat(64) + '", rol: admin }',
        'policy:',
        '  creditLimitFactor: { A: 2, F: 1 }',
        'subscriptions:',
        '  - id: bob',
        '    email: bob@example.org',
        '    scope: { customer: [K1] }',
        'frobnicate: 1',
      ].join('\n'),
    );
    expect(problems).toEqual({
      subscription: 'unknown key (did you mean "subscriptions"?)',
      'sources.0.allowPrivte': 'unknown key (did you mean "allowPrivate"?)',
      'sources.0.enabeld': 'unknown key (did you mean "enabled"?)',
      'sources.0.limits.maxByte': 'unknown key (did you mean "maxBytes"?)',
      port: 'unknown key (did you mean "http.port"?)',
      'http.tokens.0.rol': 'unknown key (did you mean "role"?)',
      'policy.creditLimitFactor.F': 'unknown key (valid here: A, B, C, D, E)',
      'subscriptions.0.scope.customer': 'unknown key (did you mean "customers"?)',
      frobnicate: 'unknown key',
    });
  });

  it('accepts a configuration with only known keys', () => {
    const { config } = load('sources:\n  - id: a\n    url: https://example.org/a.rss\n    allowPrivate: true\nsubscriptions:\n  - id: anna\n    email: anna@example.org\n');
    expect(config.sources[0]).toMatchObject({ id: 'a', allowPrivate: true, url: 'https://example.org/a.rss' });
    expect(config.subscriptions).toHaveLength(1);
  });

  it('takes only http(s) URLs and files under the config directory as sources', () => {
    const problems = problemsOf(
      [
        'sources:',
        '  - { id: ftp, url: "ftp://example.org/feed.xml" }',
        '  - { id: gopher, url: "gopher://example.org/1/feed" }',
        '  - { id: passwd, url: "file:///etc/passwd" }',
        '  - { id: abs, url: /etc/passwd }',
        '  - { id: up, url: ../../etc/passwd }',
        '  - { id: nohost, url: "https://" }',
        '  - { id: detail, kind: shab, url: "https://example.org/list.json", detailUrl: "ftp://x/{id}.xml" }',
      ].join('\n'),
    );
    expect(problems['sources.0.url']).toMatch(/^unsupported URL scheme "ftp:"; use http, https or a file under /);
    expect(problems['sources.1.url']).toMatch(/^unsupported URL scheme "gopher:"/);
    for (const i of [2, 3, 4]) expect(problems[`sources.${i}.url`]).toMatch(/^local files must be under .*localSourceDirs/);
    expect(problems['sources.5.url']).toBeDefined();
    expect(problems['sources.6.detailUrl']).toMatch(/unsupported URL scheme "ftp:"/);
    expect(JSON.stringify(problems)).not.toContain('root:');
  });

  it('resolves local files against the config directory, follows no symbolic link out of it, and honours localSourceDirs', () => {
    const dir = path.join(tmp.dir, 'conf');
    const shared = path.join(tmp.dir, 'shared-feeds');
    mkdirSync(path.join(dir, 'feeds'), { recursive: true });
    mkdirSync(shared, { recursive: true });
    writeFileSync(path.join(shared, 'x.rss'), '<rss/>');
    symlinkSync('/etc', path.join(dir, 'feeds', 'etc'));
    const { config } = load('sources:\n  - { id: a, url: feeds/a.rss }\n  - { id: b, url: "file://' + path.join(dir, 'feeds', 'b.rss') + '" }\n', dir);
    expect(config.sources.map((s) => s.url)).toEqual([path.join(dir, 'feeds', 'a.rss'), path.join(dir, 'feeds', 'b.rss')]);

    expect(problemsOf('sources:\n  - { id: l, url: feeds/etc/passwd }\n', dir)['sources.0.url']).toMatch(/^local files must be under/);
    expect(problemsOf('sources:\n  - { id: s, url: ../shared-feeds/x.rss }\n', dir)['sources.0.url']).toMatch(/localSourceDirs/);
    const allowed = load('localSourceDirs: [../shared-feeds]\nsources:\n  - { id: s, url: ../shared-feeds/x.rss }\n', dir);
    expect(allowed.config.sources[0]!.url).toBe(path.join(shared, 'x.rss'));
    expect(allowed.config.localSourceDirs).toEqual([shared]);
  });
});
