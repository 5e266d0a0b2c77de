import type { WorkerPool } from '../platform/worker-pool.js';
import type { Customer, Document, Signal } from '../platform/schemas/index.js';

/** What the analyzer's worker threads (analyzer.worker.ts) take and give back. */
export interface AnalysisTask {
  docs: Document[];
  /** ISO time the signals are stamped with (the analyzer's clock, read once per batch). */
  detectedAt: string;
}
/** The signals of each document of the task, in the task's order. */
export type AnalysisResult = Signal[][];
/** The watchlist the workers index: broadcast when its version changes, rebuilt in each thread. */
export interface AnalysisState {
  version: string;
  customers: Customer[];
}
/** The models every worker loads once (the composition root reads the files). */
export interface AnalysisWorkerData {
  /** The linking weights, without their vocabulary (functions do not cross to a thread). */
  linkModel: unknown;
  /** The linking features' ordinary words as a word list text (common-words.ts). */
  commonWords?: string;
  eventModel?: unknown;
}
export type AnalysisPool = WorkerPool<AnalysisTask, AnalysisResult, AnalysisState>;
