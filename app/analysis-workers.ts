import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createWorkerPool } from '../platform/worker-pool.js';
import type { AnalysisPool, AnalysisWorkerData } from '../analysis/analysis-pool.js';
import type { App } from './compose.js';

/** Set by scripts/build.ts in the compiled bundle (see app/main.ts). */
declare const BONITOR_COMMANDS: unknown;

/**
 * Worker threads the analyzer gets: `analysis.workers` (BONITOR_ANALYSIS_WORKERS), else one less
 * than the cores Node may use — the consumer's own thread keeps the bus, the store and the other
 * roles of the process busy. With fewer than three cores, none: on two cores one worker measured
 * slower than the consumer's thread (no core of its own) and paced latency rose tenfold (README,
 * Benchmarks `kafka`). 0 = analysis on the consumer's thread.
 */
export function analysisWorkerCount(app: Pick<App, 'config'>, cores = availableParallelism()): number {
  return app.config.analysis.workers ?? (cores < 3 ? 0 : cores - 1);
}

/**
 * The module a worker runs: the compiled dist/analyzer.worker.js beside the bundle that `npm
 * start` runs, or the TypeScript source through tsx's loader (development, tests, benches).
 */
function workerEntry(): { file: URL; loader?: URL } {
  if (typeof BONITOR_COMMANDS !== 'undefined') {
    // In the bundle, `require` is the banner's, made for the output file itself (scripts/build.ts).
    return { file: pathToFileURL(require.resolve('./analyzer.worker.js')) };
  }
  return { file: new URL('../analysis/analyzer.worker.ts', import.meta.url), loader: tsxEsmApi() };
}

/** tsx's ESM api (its `register()`), found through tsx's own package exports. */
function tsxEsmApi(): URL {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(pkg.exports['./esm/api']!.import.default, pathToFileURL(manifest));
}

/** The analyzer's pool with the app's models, or undefined for analysis on the consumer's thread. */
export function openAnalysisPool(app: Pick<App, 'config' | 'log' | 'linkModel' | 'eventModel'>, size = analysisWorkerCount(app)): AnalysisPool | undefined {
  if (size === 0) return undefined;
  const entry = workerEntry();
  const workerData: AnalysisWorkerData = { linkModel: app.linkModel, ...(app.eventModel ? { eventModel: app.eventModel } : {}) };
  return createWorkerPool({ name: 'analyzer', ...entry, size, workerData, log: app.log });
}
