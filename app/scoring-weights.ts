import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../platform/errors.js';
import { parseWeights, type Weights } from '../analysis/scoring/weights.js';

/** `bonitor train --out <dataDir>/weights.json` makes the scorer use the user's own weights. */
export function weightsFile(dataDir: string): string {
  return path.join(dataDir, 'weights.json');
}

export function loadScoringWeights(dataDir: string): Weights | undefined {
  const file = weightsFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    return parseWeights(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    throw new UserError(`${file} is not a valid weights file (remove it or run bonitor train again): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, 2);
  }
}
