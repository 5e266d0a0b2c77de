import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactedConfig } from '../../platform/config/load.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function problemsOf(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs the embedded demo with no configuration at all', () => {
    const { config } = loadConfig({ env: {}, cwd: tmp.dir });
    expect(config.demo).toBe(true);
    expect(config.dataDir).toBe(path.join(tmp.dir, 'data'));
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 8080 });
    expect(config.smtp.url).toBeUndefined();
    expect(config.kafka.brokers).toEqual([]);
    expect(config.clickhouse.url).toBeUndefined();
  });

  it('applies BONITOR_* overrides over the YAML file', () => {
    const file = path.join(tmp.dir, 'bonitor.yaml');
    writeFileSync(file, 'http:\n  port: 9000\nlogLevel: debug\nwatchlist: lists/customers.csv\n');
    const { config } = loadConfig({
      configPath: file,
      env: { BONITOR_PORT: '9100', BONITOR_DATA_DIR: '/var/lib/bonitor', BONITOR_KAFKA_BROKERS: 'k1:9092, k2:9092', BONITOR_KAFKA_COMPRESSION: 'gzip', BONITOR_HOST: '0.0.0.0' },
      cwd: '/',
    });
    expect(config.http.port).toBe(9100);
    expect(config.http.host).toBe('0.0.0.0');
    expect(config.logLevel).toBe('debug');
    expect(config.dataDir).toBe('/var/lib/bonitor');
    expect(config.kafka.brokers).toEqual(['k1:9092', 'k2:9092']);
    expect(config.kafka.compression).toBe('gzip');
    expect(config.watchlist).toBe(path.join(tmp.dir, 'lists', 'customers.csv'));
    expect(config.demo).toBe(false);
  });

  it('takes the file from BONITOR_CONFIG when --config is absent', () => {
    const file = path.join(tmp.dir, 'env.yaml');
    writeFileSync(file, 'logLevel: error\n');
    expect(loadConfig({ env: { BONITOR_CONFIG: file }, cwd: tmp.dir }).config.logLevel).toBe('error');
  });

  it('lists every problem with its path, and never shows a secret', () => {
    const file = path.join(tmp.dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'http:',
        '  port: 99999',
        'logLevel: loud',
        'subscriptions:',
        '  - id: s1',
        '    email: not-an-address',
        '    timeZone: Mars/Olympus',
      ].join('\n'),
    );
    const problems = problemsOf(() =>
      loadConfig({ configPath: file, env: { BONITOR_SMTP_URL: 'smtp://user:hunter2secret@mail host', BONITOR_API_TOKEN: 'short' }, cwd: tmp.dir }),
    );
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['http.port', 'logLevel', 'subscriptions.0.email', 'subscriptions.0.timeZone', 'smtp.url', 'http.apiToken']),
    );
    const text = JSON.stringify(problems);
    expect(text).not.toContain('hunter2secret');
    expect(text).not.toContain('"short"');
  });

  it('rejects a non-numeric port and a missing or broken file clearly', () => {
    expect(problemsOf(() => loadConfig({ env: { BONITOR_PORT: 'eighty' }, cwd: tmp.dir }))[0]).toMatchObject({ path: 'BONITOR_PORT' });
    expect(problemsOf(() => loadConfig({ configPath: 'missing.yaml', env: {}, cwd: tmp.dir }))[0]!.message).toContain('not found');
    const broken = path.join(tmp.dir, 'broken.yaml');
    writeFileSync(broken, 'http: [unclosed\n');
    expect(problemsOf(() => loadConfig({ configPath: broken, env: {}, cwd: tmp.dir }))[0]!.message).toContain('not valid YAML');
  });

  it('redacts secrets when printing the effective configuration', () => {
    const { config } = loadConfig({
      env: { BONITOR_SMTP_URL: 'smtp://bonitor:s3cr3t-pass@mail.example.org:587', BONITOR_API_TOKEN: 'a-long-enough-api-token-123' },
      cwd: tmp.dir,
    });
    const shown = JSON.stringify(redactedConfig(config));
    expect(shown).not.toContain('s3cr3t-pass');
    expect(shown).not.toContain('a-long-enough-api-token-123');
    expect(shown).toContain('mail.example.org');
  });
});
