/**
 * A worker thread of the analyzer's pool (platform/worker-pool.ts): link + classify of the
 * documents it is handed, against the watchlist index it built from the last broadcast state.
 * Models come once in workerData and are validated here as in the main thread.
 */
import { serveWorkerTasks } from '../platform/worker-task.js';
import { buildWatchlistIndex, parseLinkModel, type LinkModel, type WatchlistIndex } from './linking/index.js';
import { parseEventModel, type EventModel } from './classify/index.js';
import { analyzeDocument } from './analyze-document.js';
import type { AnalysisResult, AnalysisState, AnalysisTask, AnalysisWorkerData } from './analysis-pool.js';

interface Context {
  linkModel: LinkModel;
  eventModel?: EventModel;
  index?: WatchlistIndex;
}

serveWorkerTasks<Context, AnalysisState, AnalysisTask, AnalysisResult>({
  setup(data) {
    const d = data as AnalysisWorkerData;
    return { linkModel: parseLinkModel(d.linkModel), ...(d.eventModel !== undefined ? { eventModel: parseEventModel(d.eventModel) } : {}) };
  },
  onState(context, state) {
    context.index = buildWatchlistIndex(state.customers, context.linkModel);
  },
  run(context, task) {
    if (!context.index) throw new Error('analyzer worker has no watchlist yet');
    const at = new Date(task.detectedAt);
    return task.docs.map((doc) => analyzeDocument(doc, context.index!, at, { eventModel: context.eventModel }));
  },
});
