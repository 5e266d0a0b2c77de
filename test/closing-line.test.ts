import { describe, expect, it } from 'vitest';
import { closingLine, countRun } from './closing-line.reporter.js';
import { looksLikeClosingLine } from './ci-log.js';

type State = 'passed' | 'failed' | 'skipped' | 'pending';

function module(state: 'passed' | 'failed' | 'skipped', tests: State[]) {
  return {
    state: () => state,
    children: { allTests: () => tests.map((s) => ({ result: () => ({ state: s }) }))[Symbol.iterator]() },
  } as never;
}

describe('the closing line of npm test', () => {
  it('counts passed, failed and skipped test cases over all modules', () => {
    const counts = countRun([module('passed', ['passed', 'passed', 'skipped']), module('failed', ['passed', 'failed'])], 0);
    expect(counts).toEqual({ passed: 3, failed: 1, skipped: 1 });
    expect(closingLine(counts)).toBe('Tests: 3 passed, 1 failed, 1 skipped');
    expect(closingLine({ passed: 7, failed: 0, skipped: 0 })).toBe('Tests: 7 passed, 0 failed, 0 skipped');
    expect(looksLikeClosingLine(closingLine(counts))).toBe(true);
  });

  it('counts a module that failed before its tests, and unhandled errors, as failures', () => {
    expect(countRun([module('failed', []), module('passed', ['passed'])], 2)).toEqual({ passed: 1, failed: 3, skipped: 0 });
  });

  it('reads as no test run when nothing ran', () => {
    expect(closingLine(countRun([], 0))).toBe('Tests: 0 passed, 0 failed, 0 skipped');
  });
});
