import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type LocationCheck = { ok: true; value: string } | { ok: false; message: string };

/** A URL scheme of two or more letters (so a Windows drive letter is not one). */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

/**
 * Where a source may be read from: an http(s) URL, or a local file inside the config file's
 * directory or one of the allowed directories (`localSourceDirs`). Anything else — ftp:,
 * gopher:, file:///etc/passwd, ../../secrets — is refused before it is ever opened, so a
 * configuration can never make the collector read arbitrary files and store their bytes in
 * an error message. Local paths come back absolute.
 */
export function checkSourceLocation(value: string, baseDir: string, roots: string[]): LocationCheck {
  const trimmed = value.trim();
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return checkHttpUrl(trimmed);
  if (scheme !== undefined && scheme !== 'file') {
    return { ok: false, message: `unsupported URL scheme "${scheme}:"; use http, https or a file under ${describeRoots(roots)}` };
  }
  let file: string;
  try {
    file = scheme === 'file' ? fileURLToPath(trimmed) : path.resolve(baseDir, trimmed);
  } catch {
    return { ok: false, message: 'not a valid file URL (use file:///absolute/path or a path relative to the config file)' };
  }
  if (!roots.some((root) => isInside(file, root))) {
    return { ok: false, message: `local files must be under ${describeRoots(roots)}; add the directory to localSourceDirs to allow it` };
  }
  return { ok: true, value: file };
}

function checkHttpUrl(value: string): LocationCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: 'not a valid URL' };
  }
  if (!url.hostname) return { ok: false, message: 'the URL has no host' };
  return { ok: true, value };
}

/** Inside the root both as written and after following symbolic links (a link to /etc is not inside). */
function isInside(file: string, root: string): boolean {
  if (!contains(root, file)) return false;
  const realRoot = realOrSelf(root);
  return contains(realRoot, realOrSelf(file));
}

function contains(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of the file, or of its nearest existing parent joined with the rest. */
function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realOrSelf(parent), path.basename(p));
  }
}

function describeRoots(roots: string[]): string {
  return roots.length === 1 ? `${roots[0]} (the config file's directory)` : `one of ${roots.join(', ')}`;
}
