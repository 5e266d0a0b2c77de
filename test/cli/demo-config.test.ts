import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Command } from '../../app/cli/command.js';
import { configCommand } from '../../app/cli/config.command.js';
import { demoRemoveCommand } from '../../app/cli/demo.command.js';
import { sourcesCommand } from '../../app/cli/sources.command.js';
import { openApp, type App } from '../../app/compose.js';
import { loadConfig } from '../../platform/config/load.js';
import { silentLogger } from '../../platform/log.js';
import { tempDir } from '../helpers.js';

/**
 * `bonitor sources` and `bonitor config` follow the rule `start` follows: the demo's feeds,
 * subscriptions and watchlist only while the demo is on and was not removed in this data
 * directory. Each command runs as the CLI runs it (fresh configuration from the environment,
 * the SQLite store of the data directory opened on demand).
 */
describe('after the demo is removed, sources and config follow the same rule as start', () => {
  const tmp = tempDir('bonitor-demo-rule-');
  const opened: App[] = [];
  afterAll(async () => {
    for (const app of opened) await app.close();
    tmp.cleanup();
  });

  async function run(command: Command, args: string[]) {
    const { config } = loadConfig({ env: { BONITOR_DATA_DIR: tmp.dir, BONITOR_DEMO: 'true' } });
    const stdout = new PassThrough();
    const out: string[] = [];
    stdout.on('data', (d) => out.push(String(d)));
    let app: App | undefined;
    const code = await command.run(args, {
      io: { stdin: new PassThrough(), stdout, stderr: new PassThrough() },
      config,
      app: async () => {
        app ??= await openApp(config, silentLogger);
        return app;
      },
    });
    if (app) await app.close();
    return { code, stdout: out.join('') };
  }

  it('shows the demo feeds and subscriptions while the demo is on, and none after `demo remove`', async () => {
    const before = await run(sourcesCommand, ['--format', 'json']);
    expect(before.code).toBe(0);
    expect((JSON.parse(before.stdout) as { id: string }[]).map((s) => s.id)).toContain('demo-shab-ch');
    expect((await run(configCommand, [])).stdout).toContain('demo-anna');

    expect((await run(demoRemoveCommand, [])).code).toBe(0);

    const after = await run(sourcesCommand, ['--format', 'json']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual([]);
    const config = await run(configCommand, []);
    expect(config.code).toBe(0);
    expect(config.stdout).not.toMatch(/demo-anna|demo-shab-ch|watchlist:/);
    expect(config.stdout).toMatch(/^demo: false$/m);
  }, 60_000);
});
