import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLinkModel, type LinkModel } from '../analysis/linking/link-model.js';
import { UserError } from '../platform/errors.js';

/** The linking weights shipped with Bonitor, fitted by scripts/fit-link-model.ts on the labelled development corpus. */
export const SHIPPED_LINK_MODEL = fileURLToPath(new URL('../analysis/linking/link-model.json', import.meta.url));

/** Reads and validates a linking weights file (the shipped one by default). */
export function loadLinkModel(file: string = SHIPPED_LINK_MODEL): LinkModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`cannot read the linking weights ${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, 2);
  }
  try {
    return parseLinkModel(json);
  } catch (err) {
    throw new UserError(`${file} is not a linking weights file: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, 2);
  }
}
