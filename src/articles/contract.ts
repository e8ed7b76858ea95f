// The articles domain's public contract: the events it publishes and its error codes (its routes'
// schemas are in schemas.ts).
export { articleErrors } from './errors.js';

/** On the `articles` channel: a scheduled article's time came and the scheduler marked it published. */
export type ArticlesEvent = { type: 'article.published'; id: string; slug: string };
