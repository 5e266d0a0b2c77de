import type { Reporter, TestModule } from 'vitest/node';

/** What one run counted: every test case by its end state, plus failures outside any test. */
export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
}

type ModuleLike = Pick<TestModule, 'state' | 'children'>;

/**
 * Counts a run's test cases. A module that failed outside its tests (an import error, a hook)
 * counts as one failure, and so does every unhandled error, so that a run that executed nothing
 * or broke before its tests never reads as a clean one.
 */
export function countRun(modules: ReadonlyArray<ModuleLike>, unhandledErrors: number): RunCounts {
  const counts: RunCounts = { passed: 0, failed: unhandledErrors, skipped: 0 };
  for (const module of modules) {
    let failedHere = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') counts.passed++;
      else if (state === 'failed') failedHere++;
      else counts.skipped++;
    }
    if (failedHere === 0 && module.state() === 'failed') failedHere = 1;
    counts.failed += failedHere;
  }
  return counts;
}

/**
 * The plain closing line that a CI log reader counts whatever the runner: "Tests: 40 passed, 1 failed, 2 skipped".
 */
export function closingLine(counts: RunCounts): string {
  return `Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}

/**
 * Ends `npm test` with the plain closing line, without colours, after vitest's own summary
 * (whose coloured lines a log reader that does not know vitest cannot read).
 */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    process.stdout.write(`${closingLine(countRun(modules, unhandledErrors.length))}\n`);
  }
}
