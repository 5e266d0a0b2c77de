import { open } from 'node:fs/promises';
import { CollectError } from '../errors.js';
import type { FetchResponse } from './http-fetch.js';

/** Reads a bundled or local file (the demo's sources), with the same size cap as HTTP. */
export async function fetchLocal(path: string, maxBytes: number): Promise<FetchResponse> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) && !/^file:\/\//i.test(path)) {
    throw new CollectError('config', `unsupported URL scheme in ${path} (use http, https or a file path)`);
  }
  const file = path.replace(/^file:\/\//, '');
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CollectError('not_found', `file not found: ${file}`);
    throw new CollectError('network', `cannot read ${file}: ${code ?? (err as Error).message}`);
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new CollectError('too_large', `file of ${size} bytes exceeds the cap of ${maxBytes}`);
    const body = await handle.readFile();
    return { status: 200, body, finalUrl: file };
  } finally {
    await handle.close();
  }
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
