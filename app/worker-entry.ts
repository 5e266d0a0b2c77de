import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Set by scripts/build.ts in the compiled bundle (see app/main.ts). */
declare const BONITOR_COMMANDS: unknown;

/**
 * The module a worker thread runs (platform/worker-pool.ts): the compiled `dist/<name>.js` beside
 * the bundle that `npm start` runs, or the TypeScript `source` through tsx's loader (development,
 * tests, benches).
 */
export function workerModule(name: string, source: URL): { file: URL; loader?: URL } {
  if (typeof BONITOR_COMMANDS !== 'undefined') {
    // In the bundle, `require` is the banner's, made for the output file itself, and every output lies flat in dist/ (scripts/build.ts).
    return { file: pathToFileURL(require.resolve(`./${name}.js`)) };
  }
  return { file: source, loader: tsxEsmApi() };
}

/** tsx's ESM api (its `register()`), found through tsx's own package exports. */
function tsxEsmApi(): URL {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(pkg.exports['./esm/api']!.import.default, pathToFileURL(manifest));
}
