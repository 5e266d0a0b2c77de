import { availableParallelism } from 'node:os';
import { createWorkerPool } from '../platform/worker-pool.js';
import type { AnalysisPool, AnalysisWorkerData } from '../analysis/analysis-pool.js';
import type { App } from './compose.js';
import { workerModule } from './worker-entry.js';
import { wordListText } from '../analysis/linking/common-words.js';

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

/** The analyzer's pool with the app's models, or undefined for analysis on the consumer's thread. */
export function openAnalysisPool(app: Pick<App, 'config' | 'log' | 'linkModel' | 'eventModel'>, size = analysisWorkerCount(app)): AnalysisPool | undefined {
  if (size === 0) return undefined;
  const entry = workerModule('analyzer.worker', new URL('../analysis/analyzer.worker.ts', import.meta.url));
  const { commonWords, ...linkModel } = app.linkModel;
  const workerData: AnalysisWorkerData = { linkModel, ...(commonWords ? { commonWords: wordListText(commonWords) } : {}), ...(app.eventModel ? { eventModel: app.eventModel } : {}) };
  return createWorkerPool({ name: 'analyzer', ...entry, size, workerData, log: app.log });
}
