/** The collectors stage: what the composition root wires. */
export { collectSource, type CollectDeps, type CollectResult } from './collect-source.js';
export { CollectError, COLLECT_ERROR_KINDS, type CollectErrorKind, type TypedError } from './errors.js';
export { createFetcher, type Fetcher, type FetchRequest, type FetcherOptions } from './fetch/fetcher.js';
export type { SourceHealth, SourceHealthEvent, SourceHealthRepo } from './health/port.js';
export { MemorySourceHealthRepo } from './health/memory-health.js';
export { isParked, DEFAULT_HEALTH_POLICY, type HealthPolicy } from './health/update-health.js';
export { sourceStatus, type SourceStatus } from './health/status.js';
export { sourceHealthRepoOn } from './health/store-health.js';
export { startScheduler, type CollectorScheduler, type SchedulerOptions } from './scheduler.js';
export { scheduleProblem, intervalMs } from './schedule.js';
export { extractArticle, type ExtractedArticle } from './html/extract-article.js';
export { parseFeed, type ParsedFeed, type FeedItem } from './parse/parse-feed.js';
export { decodeText } from './parse/decode.js';
export { userAgentFor } from './user-agent.js';
export { isLinkLocalOrMetadata, isPrivateAddress } from './fetch/address-guard.js';
export { parseFeedInput, type FeedParseOk, type FeedParseFailed, type FeedParseOptions } from './feed/feed-parse.js';
