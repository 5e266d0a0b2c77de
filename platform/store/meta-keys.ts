/**
 * What MetaStore keeps: installation-wide singletons only (versions, the unsubscribe secret,
 * the demo marker). Every other piece of state has a typed table of its own.
 */
export const META_KEYS = {
  /** Bumped whenever the watchlist changes, so analyzers rebuild their index. */
  watchlistVersion: 'watchlist.version',
  /** The scoring model everyone was last scored with; a new one re-scores everyone once. */
  modelVersion: 'scoring.model-version',
  /** This installation's id (part of every Message-ID), made once per data directory. */
  installationId: 'installation.id',
  /** HMAC secret for unsubscribe links, made once per installation. */
  unsubscribeSecret: 'alerts.unsubscribe-secret',
  /** When the demo data was loaded. */
  demoSeeded: 'demo.seeded',
  /** When the demo data was removed (real data arrived, or `bonitor demo remove`): it never comes back. */
  demoRemoved: 'demo.removed',
} as const;

export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS];
