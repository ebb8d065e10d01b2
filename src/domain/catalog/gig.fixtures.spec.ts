// Given/when builders for the gig specs; the `.spec.ts` suffix keeps them out of the build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import { ActorRole } from '../shared';
import { CreateGig, GigCommand, GigDetailsInput } from './gig.commands';
import { GigCreated, GigDetails, GigEvent } from './gig.events';
import { gigDecider } from './index';

export const now = '2025-03-10T09:00:00.000Z';
export const gigId = 'gig-1';
export const sellerId = 'seller-1';
export const meta = (actorId = sellerId, actorRole: ActorRole = 'provider') => ({
  now,
  actorId,
  actorRole,
});
export const spec = DeciderSpecification.for(gigDecider);

export const input: GigDetailsInput = {
  title: 'Business plan review',
  priceCents: 12_000,
  category: 'finance',
  description: 'I review your business plan and send detailed comments.',
  galleryRefs: ['img/cover.png'],
  videoRef: null,
  keywords: ['finance', 'plan'],
  deliveryDays: 5,
  openingMessage: 'Thanks for your order, please send your plan.',
  extras: [{ extraId: 'x-fast', name: 'Express', priceCents: 3_000, deltaDays: -2 }],
};

// 12 000 TTC at 20 %: net 10 000, VAT 2 000; 3 000 TTC: net 2 500, VAT 500.
export const details: GigDetails = {
  ...input,
  galleryRefs: ['img/cover.png'],
  videoRef: null,
  keywords: ['finance', 'plan'],
  openingMessage: 'Thanks for your order, please send your plan.',
  vatCents: 2_000,
  extras: [{ extraId: 'x-fast', name: 'Express', priceCents: 3_000, vatCents: 500, deltaDays: -2 }],
};

export const created: GigCreated = {
  type: 'GigCreated',
  data: { gigId, sellerId, kind: 'package', details, createdAt: '2025-03-01T00:00:00.000Z' },
};
export const published: GigEvent = {
  type: 'GigPublished',
  data: { gigId, sellerId, publishedAt: '2025-03-02T00:00:00.000Z' },
};
export const paused: GigEvent = {
  type: 'GigPaused',
  data: { gigId, sellerId, pausedAt: '2025-03-03T00:00:00.000Z' },
};
export const archived: GigEvent = {
  type: 'GigArchived',
  data: { gigId, sellerId, archivedBy: sellerId, archivedAt: '2025-03-04T00:00:00.000Z' },
};

export const create = (
  overrides: Partial<GigDetailsInput> & { kind?: string } = {},
): GigCommand => ({
  type: 'CreateGig',
  data: { gigId, kind: 'package', ...input, ...overrides } as CreateGig['data'],
  meta: meta(),
});
export const update = (changes: Partial<GigDetailsInput>, actorId = sellerId): GigCommand => ({
  type: 'UpdateGig',
  data: { gigId, changes },
  meta: meta(actorId),
});
export const publish = (
  count = 0,
  verified = true,
  missingDocuments: string[] = [],
  actorId = sellerId,
): GigCommand => ({
  type: 'PublishGig',
  data: { gigId, publishedGigCountOfSeller: count, sellerVerified: verified, missingDocuments },
  meta: meta(actorId),
});
export const pause = (actorId = sellerId): GigCommand => ({
  type: 'PauseGig',
  data: { gigId },
  meta: meta(actorId),
});
export const archive = (actorId = sellerId, role: ActorRole = 'provider'): GigCommand => ({
  type: 'ArchiveGig',
  data: { gigId },
  meta: meta(actorId, role),
});
