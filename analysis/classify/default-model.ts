import { TRAIN } from '../eval/data/events-train.js';
import { trainEventModel, type EventModel } from './event-model.js';

let model: EventModel | undefined;

/**
 * The model trained on the training part of the labelled set (never on the held-out part).
 * Training takes a few milliseconds, so it happens on first use instead of shipping a model file.
 */
export function defaultEventModel(): EventModel {
  model ??= trainEventModel(TRAIN);
  return model;
}
