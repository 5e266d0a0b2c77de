/**
 * What a CI log reader may take for a test runner's closing line. Such a reader knows the closing
 * lines of many runners (pytest's "5 passed in 0.12s", the plain "Tests: 5 passed, 0 failed") and
 * may trust the first one it finds. A line of ours shaped like one of them, but counting rows or
 * roles instead of tests, reads as a run that executed no test. So nothing .ci/run prints may look
 * like a closing line except the last line of `npm test`.
 */
const SHAPES: ReadonlyArray<RegExp> = [
  // pytest, quiet or not: "==== 3 passed, 1 skipped in 0.12s ====", also with a space before the unit
  /^=*\s*\d+ [\w ,]+? in \d+(?:\.\d+)? ?(?:s|sec|seconds)\b/i,
  // "N <word> ... in N s" anywhere in a line, as a loose reader of pytest's summary would match it
  /\b\d+ \w+(?: \w+)? in \d+(?:\.\d+)? ?s\b/,
  // the plain line that counts in any language: "N passed, N failed", one word with a colon before it
  /^(?:\w+:\s*)?\d+ passed, \d+ failed(?:, \d+ skipped)?$/,
];

export function looksLikeClosingLine(line: string): boolean {
  return SHAPES.some((shape) => shape.test(line.trim()));
}

export function closingLikeLines(text: string): string[] {
  return text.split('\n').filter(looksLikeClosingLine);
}
