import type { Pathway } from './knowledge-base.types.js';

/**
 * What kind of thing a pathway moves, as the impacts and the validator both need to know: one definition, so that
 * the pathways that must state a `route` are exactly those whose route the impacts read.
 */

/** Services and shared logistics: the taker still pays the provider (or the owner, or the carrier). */
export function isServicePathway(pathway: Pathway): boolean {
  return pathway.impact?.indicator === 'SERVICE' || pathway.family === 'SERVICE' || pathway.family === 'LOGISTICS';
}

/** Matter that has a place in the waste hierarchy: mass or items, not services or shared logistics. */
export function isMaterialPathway(pathway: Pathway): boolean {
  const indicator = pathway.impact?.indicator;
  return (indicator === 'MASS' || indicator === 'UNITS') && !isServicePathway(pathway);
}
