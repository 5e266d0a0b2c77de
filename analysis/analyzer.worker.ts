/**
 * A worker thread of the analyzer's pool (platform/worker-pool.ts): link + classify of the
 * documents it is handed, against the watchlist index it built from the last broadcast state.
 * Models come once in workerData and are validated here as in the main thread; the analysis in
 * a worker must equal the analysis on the consumer's thread (test/analysis/analyzer-workers.test.ts).
 */
import { serveWorkerTasks } from '../platform/worker-task.js';
import { buildWatchlistIndex, parseLinkModel, type LinkModel, type WatchlistIndex } from './linking/index.js';
import { readWordList } from './linking/common-words.js';
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
    // The weights are validated again; the vocabulary the linking features read comes as the word list text.
    const linkModel: LinkModel = { ...parseLinkModel(d.linkModel), ...(d.commonWords !== undefined ? { commonWords: readWordList(d.commonWords) } : {}) };
    return { linkModel, ...(d.eventModel !== undefined ? { eventModel: parseEventModel(d.eventModel) } : {}) };
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
