import { Cents, DomainEvent, EventVersions } from '../shared';

/** The three offer kinds of the seed: a packaged service, a phone call, a question. */
export const GIG_KINDS = ['package', 'phone_call', 'question'] as const;
export type GigKind = (typeof GIG_KINDS)[number];

export interface GigExtra {
  extraId: string;
  name: string;
  /** TTC, VAT included. */
  priceCents: Cents;
  /** VAT included in `priceCents`, computed once when the gig is saved. */
  vatCents: Cents;
  /** Days added to (or, when negative, removed from) the gig's delivery time. */
  deltaDays: number;
}

/** Everything a seller may edit after creation; `kind` is fixed when the gig is created. */
export interface GigDetails {
  title: string;
  /** TTC, VAT included (20 %). */
  priceCents: Cents;
  /** VAT included in `priceCents`, shown apart to buyers. */
  vatCents: Cents;
  category: string;
  description: string;
  galleryRefs: string[];
  videoRef: string | null;
  keywords: string[];
  deliveryDays: number;
  /** Sent to the buyer automatically when an order is placed; empty means none. */
  openingMessage: string;
  extras: GigExtra[];
}

export type GigCreated = DomainEvent<
  'GigCreated',
  { gigId: string; sellerId: string; kind: GigKind; details: GigDetails; createdAt: string }
>;

/**
 * Carries the whole resulting details so projections never merge patches; existing orders keep
 * their own copy.
 */
export type GigUpdated = DomainEvent<
  'GigUpdated',
  { gigId: string; sellerId: string; details: GigDetails; updatedAt: string }
>;

export type GigPublished = DomainEvent<
  'GigPublished',
  { gigId: string; sellerId: string; publishedAt: string }
>;

export type GigPaused = DomainEvent<
  'GigPaused',
  { gigId: string; sellerId: string; pausedAt: string }
>;

export type GigArchived = DomainEvent<
  'GigArchived',
  { gigId: string; sellerId: string; archivedBy: string; archivedAt: string }
>;

export type GigEvent = GigCreated | GigUpdated | GigPublished | GigPaused | GigArchived;

/** Stored schema version per event type; raise one only with an upcaster (docs/event-store.md). */
export const GIG_EVENT_VERSIONS: EventVersions<GigEvent['type']> = {
  GigCreated: 1,
  GigUpdated: 1,
  GigPublished: 1,
  GigPaused: 1,
  GigArchived: 1,
};

export const gigStreamName = (gigId: string): string => `gig-${gigId}`;
