import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseShabXml, shabToDocument } from '../../../collectors/registers/shab.js';
import type { Document } from '../../../platform/schemas/index.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/http');

/** A real SHAB commercial-register notice about a company that is not on the demo watchlist. */
export function shabNotice(file = 'ch_shab_HR02-1006747585_mutation.xml', sourceId = 'shab-test'): Document {
  return shabToDocument(parseShabXml(readFileSync(path.join(DIR, file), 'utf8')), sourceId, new Date('2026-11-20T12:00:00Z'));
}
