import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/build-cli.global.ts'],
    // Dots, vitest's summary, then the plain closing line CI log readers count: "Tests: N passed, N failed, N skipped".
    // The whole run, from "RUN v…" to the count line, stays a few kilobytes, so a CI log reader that keeps only the tail
    // of a long log still sees which runner ran and what it counted (the per-file list had grown to 21 KB). Failures
    // are printed in full; `npx vitest run --reporter=default <files>` lists files while developing.
    reporters: ['dot', './test/closing-line.reporter.ts'],
    // Native modules (better-sqlite3) and child processes behave best in forked workers.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only add contention for the integration tests.
    maxWorkers: 2,
  },
});
