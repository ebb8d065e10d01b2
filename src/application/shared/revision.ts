/**
 * How answers write a stream revision (the value a caller sends back in `If-Match`). Two
 * forms exist because two published schemas differ on "no stream yet"; each route keeps its own.
 */

/** A decimal string, or null when the stream does not exist (identity, payouts, disputes answers). */
export const revisionOf = (revision: bigint | null): string | null =>
  revision === null ? null : revision.toString();

/**
 * Always a string, as the gig, order and custom-request schemas declare: their answers are about
 * a stream that exists, and a missing one reads `-1`, the revision before the first event.
 */
export const existingRevisionOf = (revision: bigint | null): string =>
  revision === null ? '-1' : revision.toString();
