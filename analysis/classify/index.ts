export { classifyDocument, type Classification, type ClassifiedEvent, type ClassifiableDocument, type ClassifyOptions } from './classify-document.js';
export { trainEventModel, stemTokens, type EventModel, type TrainingSentence } from './event-model.js';
export { defaultEventModel } from './default-model.js';
export { detectLanguage } from './detect-language.js';
export { mapRubric, type RubricEvent } from './map-rubric.js';
