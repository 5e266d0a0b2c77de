import type { HealthMonitor } from '../supervision/health-monitor.js';
import type { CheckAnswers } from './check-answers.js';
import type { FastifyInstance } from 'fastify';
import type { Subscription } from '../../platform/config/subscriptions.js';
import type { Customer } from '../../platform/schemas/index.js';
import type { App } from '../compose.js';
import type { SearchResult } from '../customer-search.js';
import type { DocumentSearch } from '../prospect.js';
import type { FreshAssessments } from '../fresh-assessment.js';
import type { RegisterServices } from '../registers.js';
import type { Authenticator } from './auth.js';
import type { RouteRegistry } from './route.js';

export interface ListedSubscription {
  subscription: Subscription;
  origin: 'config' | 'added';
  unsubscribedAt?: string;
}

/**
 * Subscription editing belongs to the alerts stage (alerts/subscription-repo.ts has a
 * matching `createSubscriptionRepo`). Without one, the API lists the configured
 * subscriptions and answers 501 to POST and DELETE.
 */
export interface SubscriptionEditor {
  listAll(): Promise<ListedSubscription[]>;
  add(sub: Subscription): Promise<void>;
  remove(id: string): Promise<'removed' | 'unsubscribed' | 'not_found'>;
}

/** What every route file gets. */
export interface RouteContext {
  server: FastifyInstance;
  registry: RouteRegistry;
  app: App;
  auth: Authenticator;
  documents: DocumentSearch | undefined;
  subscriptions: SubscriptionEditor | undefined;
  unsubscribeSecret: string;
  /** What /health reports (the supervisor's loops in `start`); by default lag, store and deliveries only. */
  health: HealthMonitor | undefined;
  /** The watchlist search, cached until the watchlist changes. */
  findCustomers(query: string): Promise<Customer[]>;
  /** Registers asked about companies that are not customers. */
  registers?: RegisterServices;
  /** The same, with the decision whether the query clearly means one customer. */
  searchCustomers(query: string): Promise<SearchResult>;
  /** Checks with an order amount: assessed from inputs kept per stored assessment. */
  fresh?: FreshAssessments;
  /** Rendered customer checks, served again while their basis holds (see createCheckAnswers). */
  checkAnswers?: CheckAnswers;
}
