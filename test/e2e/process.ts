import { spawn, type ChildProcess } from 'node:child_process';
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

/** The node arguments that run the CLI: the TypeScript sources through tsx, or a compiled `main.js` as it is. */
function cliArgs(main = path.join(ROOT, 'app', 'main.ts')): string[] {
  return main.endsWith('.ts') ? ['--import', 'tsx', main] : [main];
}

/** Starts `bonitor <args>` as a real process (tsx, or the compiled `main` given), with only the given BONITOR_* environment. */
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

/** Runs a one-shot `bonitor` command to completion (tsx, or the compiled `main` given). */
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
