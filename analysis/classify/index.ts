export {
  classifyDocument,
  languageOf,
  mayReportEvents,
  polarityOf,
  sectorWideEvents,
  type Classification,
  type ClassifiedEvent,
  type ClassifiableDocument,
  type ClassifyOptions,
  type EventParty,
} from './classify-document.js';
export { detectLanguage } from './detect-language.js';
export { mapRubric, type RubricEvent } from './map-rubric.js';
