import { splitSentences } from '../text/sentences.js';
import type { ClassifiableDocument } from './event-types.js';

/** A sentence of a document, its start counted in `title + "\n" + text` (the title is the first sentence). */
export interface DocSentence {
  text: string;
  start: number;
  isTitle: boolean;
}

/** The title, then the text's sentences, with offsets into `title + "\n" + text` as events' spans count them. */
export function documentSentences(doc: ClassifiableDocument): DocSentence[] {
  const offset = doc.title ? doc.title.length + 1 : 0;
  return [
    ...(doc.title ? [{ text: doc.title, start: 0, isTitle: true }] : []),
    ...splitSentences(doc.text).map((s) => ({ text: s.text, start: s.start + offset, isTitle: false })),
  ];
}
