import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningBonitor {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/**
 * The CLI the tests run as a process: compiled by scripts/build.ts, as `npm ci` and `npm start`
 * compile it, into a directory of the tests' own. A spawn of the compiled CLI costs about a
 * twentieth of the CPU of one through tsx (0.13 s against 3 s here), which on a loaded machine
 * decides whether a process test finishes inside its timeout.
 */
export const TEST_CLI_DIR = path.join(ROOT, 'test-output', 'cli');

/** Builds the tests' CLI when a source is newer than it (vitest's global setup, and the fault suite, call this). */
export function buildTestCli(): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'build.ts'), '--outdir', TEST_CLI_DIR, '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CLI for the tests failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
}

/** The node arguments that run the CLI: the compiled tests' CLI, or a given `main` (.ts through tsx). */
function cliArgs(main = path.join(TEST_CLI_DIR, 'main.js')): string[] {
  return main.endsWith('.ts') ? ['--import', 'tsx', main] : [main];
}

/** Starts `bonitor <args>` as a real process (the tests' compiled CLI, or the `main` given), with only the given BONITOR_* environment. */
export function spawnBonitor(args: string[], env: Record<string, string>, main?: string): RunningBonitor {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BONITOR_')));
  const child = spawn(process.execPath, [...cliArgs(main), ...args], {
    cwd: ROOT,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs a one-shot `bonitor` command to completion (the tests' compiled CLI, or the `main` given). */
export async function runBonitor(args: string[], env: Record<string, string>, input?: string, main?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BONITOR_')));
  const child = spawn(process.execPath, [...cliArgs(main), ...args], {
    cwd: ROOT,
    env: { ...clean, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input ?? '');
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}
