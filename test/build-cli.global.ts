import { buildTestCli } from './e2e/process.js';

/** vitest global setup: the process tests run the compiled CLI, built once per run when a source changed. */
export default function setup(): void {
  buildTestCli();
}
