import type { Command } from '../shared';
import type { GigKind } from './gig.events';

export interface GigExtraInput {
  extraId: string;
  name: string;
  priceCents: number;
  deltaDays: number;
}

/** What a seller types; VAT is derived, never entered. */
export interface GigDetailsInput {
  title: string;
  priceCents: number;
  category: string;
  description: string;
  galleryRefs?: string[];
  videoRef?: string | null;
  keywords?: string[];
  deliveryDays: number;
  openingMessage?: string;
  extras?: GigExtraInput[];
}

/** The seller's own gig whose title and description are closest, with its trigram similarity (0..1). */
export interface SimilarOwnGig {
  gigId: string;
  title: string;
  similarity: number;
}

/** What the application reads about the seller's other gigs before a creation or an edit. */
export interface OwnGigsFinding {
  /** The seller's other non-archived gigs, from the seller index (absent: none known). */
  gigCountOfSeller?: number;
  /** The closest of them, from the catalog read model (absent or null: none). */
  similarOwnGig?: SimilarOwnGig | null;
}

/** The seller is the actor: a gig is always created by the account that will sell it. */
export type CreateGig = Command<
  'CreateGig',
  { gigId: string; kind: GigKind } & GigDetailsInput & OwnGigsFinding
>;

/**
 * A partial edit; `kind` cannot change. Orders already placed keep the terms they were bought with.
 */
export type UpdateGig = Command<
  'UpdateGig',
  { gigId: string; changes: Partial<GigDetailsInput>; similarOwnGig?: SimilarOwnGig | null }
>;

export type PublishGig = Command<
  'PublishGig',
  {
    gigId: string;
    /** The seller's other gigs currently published, read by the application from a read model. */
    publishedGigCountOfSeller: number;
    /** From the identity context: false while a verification document is missing or expired. */
    sellerVerified: boolean;
    missingDocuments: string[];
  }
>;

export type PauseGig = Command<'PauseGig', { gigId: string }>;

export type ArchiveGig = Command<'ArchiveGig', { gigId: string }>;

export type GigCommand = CreateGig | UpdateGig | PublishGig | PauseGig | ArchiveGig;
