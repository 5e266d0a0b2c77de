/**
 * `npm run build` (also run by `npm ci` through `prepare`, and before `npm start`): compiles the
 * `bonitor` CLI with esbuild into dist/ — one entry for the CLI and one per command module, shared
 * code split into chunks, npm packages left to node_modules. The commands' specs are written into
 * dist/main.js, so `bonitor --help` loads no command and `bonitor check` loads only what check needs.
 *
 *   npm run build [-- --outdir <dir>]      (the directory must lie inside the project: node_modules)
 *   npm run build -- --if-stale           (what `npm start` runs: only when a source is newer than the build)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metafile, Plugin } from 'esbuild';
import type { Command, CommandManifestEntry } from '../app/cli/command.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** The folded word list of the linking model's dictionaries, written into the build's directory. */
export const COMMON_WORDS_FILE = 'common-words.tsv';
const CLI_DIR = path.join(ROOT, 'app', 'cli');

export interface BuildResult {
  outdir: string;
  manifest: CommandManifestEntry[];
  metafile: Metafile;
}

/**
 * Which `app/cli/*.command.ts` module exports each registered command, in the registry's order:
 * read from a first build of the registry and the command modules (plain node imports them in a
 * fraction of the time tsx needs to compile the sources).
 */
async function commandManifest(probeDir: string): Promise<CommandManifestEntry[]> {
  const files = readdirSync(CLI_DIR).filter((f) => f.endsWith('.command.ts')).sort();
  await bundle(probeDir, ['registry.ts', ...files], undefined);
  try {
    const load = async (file: string) => (await import(pathToFileURL(path.join(probeDir, file.replace(/\.ts$/, '.js'))).href)) as Record<string, unknown>;
    const { COMMANDS } = (await load('registry.ts')) as { COMMANDS: Command[] };
    const owner = new Map<Command, string>();
    for (const file of files) {
      for (const value of Object.values(await load(file)).flatMap((v) => (Array.isArray(v) ? v : [v]))) {
        if (COMMANDS.includes(value as Command)) owner.set(value as Command, `./${file.replace(/\.ts$/, '.js')}`);
      }
    }
    return COMMANDS.map((c) => {
      const file = owner.get(c);
      if (!file) throw new Error(`command "${c.name}" is registered but exported by no app/cli/*.command.ts module`);
      return { name: c.name, summary: c.summary, usage: c.usage, ...(c.options ? { options: c.options } : {}), file };
    });
  } finally {
    await rm(probeDir, { recursive: true, force: true });
  }
}

/**
 * Code that finds its files next to itself (`new URL('assets', import.meta.url)`) keeps finding
 * them in the source tree: import.meta.url becomes the source file's URL, computed from the
 * bundle file's own location (every output lies flat in outdir).
 */
function sourceLocation(outdir: string): Plugin {
  return {
    name: 'source-location',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (/import\.meta\.(dirname|filename)/.test(text)) {
          throw new Error(`${path.relative(ROOT, args.path)}: use import.meta.url (the build maps it to the source file), not import.meta.dirname/filename`);
        }
        if (!text.includes('import.meta.url')) return undefined;
        const relative = path.relative(outdir, args.path).split(path.sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

/**
 * npm packages compiled into the bundle instead of loaded from node_modules: pure JavaScript that
 * every command loads. Node's loader reads, resolves and compiles each of their files on its
 * own (zod alone is about 80 files), which costs more start-up than the code itself (measured
 * with `npm run bench -- cli-startup`: zod 2.2× → 1.6× bare node, yaml 1.8× → 1.3×). zod-openapi
 * goes with zod (it must see the same zod). Packages with native parts, worker files or data read
 * from beside themselves stay in node_modules.
 */
export const BUNDLED_PACKAGES = ['zod', 'zod-openapi', 'commander', 'yaml', 'pino'];

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every bare import stays external except the bundled packages'. */
function externalPackages(): Plugin {
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:') || BUNDLED_PACKAGES.includes(packageName(args.path))) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/** app/cli modules that run as worker threads: compiled as entries, loaded by the command that starts them. */
const WORKER_FILES = readdirSync(CLI_DIR).filter((f) => f.endsWith('.worker.ts')).sort();
/** Stage modules run as worker threads by a role, loaded by file name from beside the bundle (app/analysis-workers.ts). */
const WORKER_ENTRIES = [{ in: path.join(ROOT, 'analysis', 'analyzer.worker.ts'), out: 'analyzer.worker' }];

/** Bundles app/main.ts and the role workers (when a manifest is given) and the given app/cli files into outdir, flat. */
async function bundle(outdir: string, cliFiles: string[], manifest: CommandManifestEntry[] | undefined): Promise<Metafile> {
  await rm(outdir, { recursive: true, force: true });
  const entryPoints = [
    ...(manifest ? [{ in: path.join(ROOT, 'app', 'main.ts'), out: 'main' }, ...WORKER_ENTRIES] : []),
    ...cliFiles.map((file) => ({ in: path.join(CLI_DIR, file), out: file.replace(/\.ts$/, '') })),
  ];
  const { build } = await import('esbuild');
  // The lexicon's anchors, computed here once instead of at every command's start (analysis/classify/lexicon.ts);
  // defined as a JSON string: an object value would become a module every chunk initialises.
  const anchors = manifest ? (await import('../analysis/classify/lexicon.js')).buildAnchorTable() : undefined;
  // The linking model's ordinary words, folded once here instead of from four dictionaries at every start
  // (app/link-model.ts); the define is the file's path relative to app/, which the compiled code resolves
  // against its import.meta.url (mapped back to the source file by sourceLocation).
  if (manifest) {
    const { deriveCommonWords } = await import('../app/link-model.js');
    const { writeWordList } = await import('../analysis/linking/common-words.js');
    await mkdir(outdir, { recursive: true });
    await writeFile(path.join(outdir, COMMON_WORDS_FILE), writeWordList(deriveCommonWords()));
  }
  const commonWords = path.relative(path.join(ROOT, 'app'), path.join(outdir, COMMON_WORDS_FILE)).split(path.sep).join('/');
  const result = await build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Bundled CommonJS (commander, pino) calls require() for Node's own modules.
    banner: { js: "import { createRequire as __bonitorRequire } from 'node:module'; const require = __bonitorRequire(import.meta.url);" },
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    sourcemap: manifest ? 'linked' : false,
    metafile: true,
    logLevel: 'warning',
    ...(manifest ? { define: { BONITOR_COMMANDS: JSON.stringify(manifest), BONITOR_LEXICON_ANCHORS: JSON.stringify(JSON.stringify(anchors)), BONITOR_COMMON_WORDS: JSON.stringify(commonWords) } } : {}),
    plugins: [externalPackages(), sourceLocation(outdir)],
  });
  return result.metafile;
}

export async function buildCli(outdir = path.join(ROOT, 'dist')): Promise<BuildResult> {
  const manifest = await commandManifest(`${outdir}.manifest`);
  const files = [...new Set(manifest.map((m) => m.file))].map((f) => f.slice(2).replace(/\.js$/, '.ts'));
  // Worker threads a command starts are entries of their own, beside the bundle (ledger score's).
  const metafile = await bundle(outdir, [...files, ...WORKER_FILES], manifest);
  return { outdir, manifest, metafile };
}

/**
 * What loading a bundle file loads before any of its code runs: the output files and npm
 * packages reached through static imports (`import … from`, `export … from`, bare `import "…"`),
 * transitively; dynamic `import()` is not followed.
 */
export function staticImports(file: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string) => {
    if (files.has(f)) return;
    files.add(f);
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\b[^;'"]*?(?:from\s*)?["']([^"']+)["'];?$/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(f), spec));
      else if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(path.resolve(file));
  return { files: [...files], packages: [...packages].sort() };
}

const SOURCE_DIRS = ['app', 'platform', 'collectors', 'analysis', 'alerts', 'dashboards'];

/** Whether any source (or the lockfile, or this script) changed after dist/main.js was written. */
export function isStale(outdir: string): boolean {
  let built: number;
  try {
    built = statSync(path.join(outdir, 'main.js')).mtimeMs;
  } catch {
    return true;
  }
  const newer = (file: string) => statSync(file).mtimeMs > built;
  const walk = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? e.name !== 'node_modules' && walk(path.join(dir, e.name)) : newer(path.join(dir, e.name))));
  return [path.join(ROOT, 'package-lock.json'), path.join(ROOT, 'scripts', 'build.ts')].some(newer) || SOURCE_DIRS.some((d) => walk(path.join(ROOT, d)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts', 'build.ts')) {
  const at = process.argv.indexOf('--outdir');
  const outdir = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]!) : path.join(ROOT, 'dist');
  if (process.argv.includes('--if-stale') && !isStale(outdir)) process.exit(0);
  const started = performance.now();
  const { outdir: dir, manifest, metafile } = await buildCli(outdir);
  const files = Object.keys(metafile.outputs).filter((f) => f.endsWith('.js'));
  const atStart = staticImports(path.join(dir, 'main.js'));
  console.log(`built ${manifest.length} commands into ${path.relative(ROOT, dir) || '.'}/ (${files.length} files, ${((performance.now() - started) / 1000).toFixed(1)} s); main.js loads ${atStart.files.length} files and ${atStart.packages.join(', ') || 'no package'} before a command is chosen`);
  // Importing the registry opened handles in some modules (loggers, timers); the build is done.
  process.exit(0);
}
