import type { SimilarOwnGig } from '../../domain/catalog';

/**
 * What the gig handler reads about a seller's other gigs from the catalog read model. The read
 * model may lag the log by a moment, so answers are best-effort: the exact 5-gig limit is kept on
 * the seller index stream, not here.
 */
export abstract class OwnGigsPort {
  /** The seller's gigs that are not archived (the baseline of an index written before issue 19). */
  abstract nonArchivedGigIds(sellerId: string): Promise<string[]>;

  /** How many of the seller's gigs other than `exceptGigId` are published. */
  abstract publishedGigCount(sellerId: string, exceptGigId: string): Promise<number>;

  /** The seller's non-archived gig (other than `exceptGigId`) whose title and description are closest. */
  abstract mostSimilar(
    sellerId: string,
    text: { title: string; description: string },
    exceptGigId: string,
  ): Promise<SimilarOwnGig | null>;
}
