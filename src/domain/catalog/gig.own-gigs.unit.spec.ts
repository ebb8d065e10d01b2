import { GigCommand, SimilarOwnGig } from './gig.commands';
import { create, created, gigId, meta, now, spec, update } from './gig.fixtures.spec';

const createAmong = (gigCountOfSeller: number, similarOwnGig: SimilarOwnGig | null = null) =>
  ({
    ...create(),
    data: { ...(create().data as object), gigCountOfSeller, similarOwnGig },
  }) as GigCommand;

const editWith = (
  changes: Parameters<typeof update>[0],
  similarOwnGig: SimilarOwnGig | null,
): GigCommand => ({ type: 'UpdateGig', data: { gigId, changes, similarOwnGig }, meta: meta() });

const lookalike = (similarity: number): SimilarOwnGig => ({
  gigId: 'gig-0',
  title: 'Business plan reviews',
  similarity,
});

describe('Gig: five gigs per seller, drafts included', () => {
  it('creates a fifth gig when the seller has four that are not archived', () => {
    spec
      .given([])
      .when(createAmong(4))
      .then([{ ...created, data: { ...created.data, createdAt: now } }]);
  });

  it('refuses a sixth gig with 409 GIG_LIMIT_REACHED, whatever their status', () => {
    spec
      .given([])
      .when(createAmong(5))
      .thenThrows('GIG_LIMIT_REACHED', { limit: 5, gigCount: 5, currentStatus: 'none' });
  });

  it('refuses more gigs to a seller who kept more than five from before the rule', () => {
    spec.given([]).when(createAmong(7)).thenThrows('GIG_LIMIT_REACHED', { gigCount: 7 });
  });

  it.each([-1, 1.5])('refuses a gig count of %p', (count) => {
    spec.given([]).when(createAmong(count)).thenThrows('GIG_INVALID_GIG_COUNT');
  });
});

describe('Gig: no near-duplicates of the seller\u2019s own gigs', () => {
  it('refuses a new gig at or above the similarity threshold, naming the gig it resembles', () => {
    spec
      .given([])
      .when(createAmong(1, lookalike(0.6)))
      .thenThrows('GIG_NEAR_DUPLICATE', {
        similarGig: { gigId: 'gig-0', title: 'Business plan reviews' },
        similarity: 0.6,
        threshold: 0.6,
      });
  });

  it('creates a gig whose closest own gig is below the threshold', () => {
    spec
      .given([])
      .when(createAmong(1, lookalike(0.59)))
      .thenMatches(([event]) => expect(event?.type).toBe('GigCreated'));
  });

  it('checks the limit before the resemblance', () => {
    spec
      .given([])
      .when(createAmong(5, lookalike(0.9)))
      .thenThrows('GIG_LIMIT_REACHED');
  });

  it('refuses an edit of the title or description that makes the gig a near-duplicate', () => {
    spec
      .given([created])
      .when(editWith({ title: 'Business plan reviews' }, lookalike(0.8)))
      .thenThrows('GIG_NEAR_DUPLICATE', { similarGig: { gigId: 'gig-0' } });
  });

  it('lets an edit that leaves title and description alone through, resemblance or not', () => {
    spec
      .given([created])
      .when(editWith({ priceCents: 6_000 }, lookalike(0.8)))
      .thenMatches(([event]) => expect(event?.type).toBe('GigUpdated'));
  });
});
