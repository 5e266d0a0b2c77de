import { createRequire } from 'node:module';
import type natural from 'natural';

/*
 * natural's index module also loads its storage backends, and those call dotenv.config():
 * that prints to stdout (breaking JSON output of the CLI) and reads a ./.env file into the
 * environment. Only the stemmers and the Bayes classifier are needed, so only they are loaded.
 */
const require = createRequire(import.meta.url);
const load = <T>(part: string): T => require(`natural/lib/natural/${part}`) as T;

export const PorterStemmer = load<natural.Stemmer>('stemmers/porter_stemmer');
export const PorterStemmerDe = load<natural.Stemmer>('stemmers/porter_stemmer_de');
export const PorterStemmerFr = load<natural.Stemmer>('stemmers/porter_stemmer_fr');
export const PorterStemmerIt = load<natural.Stemmer>('stemmers/porter_stemmer_it');
export const BayesClassifier = load<typeof natural.BayesClassifier>('classifiers/bayes_classifier');
