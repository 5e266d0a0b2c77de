export {
  candidatesOf,
  classifyDocument,
  languageOf,
  mayReportEvents,
  polarityOf,
  sectorWideEvents,
  type Candidate,
  type Classification,
  type ClassifiedEvent,
  type ClassifiableDocument,
  type ClassifyOptions,
  type EventParty,
} from './classify-document.js';
export { detectLanguage } from './detect-language.js';
export { mapRubric, type RubricEvent } from './map-rubric.js';
export { parseEventModel, type EventModel } from './event-model.js';
export { FEATURE_FAMILIES } from './event-features.js';
