import { GigCommand } from './gig.commands';
import {
  now,
  gigId,
  sellerId,
  spec,
  details,
  created,
  published,
  paused,
  archived,
  create,
  update,
  publish,
  pause,
  archive,
} from './gig.fixtures.spec';

describe('Gig: when draft', () => {
  it('refuses to create it twice', () => {
    spec
      .given([created])
      .when(create())
      .thenThrows('GIG_ALREADY_EXISTS', { currentStatus: 'draft' });
  });

  it('updates the changed fields, recomputing VAT and keeping the others', () => {
    spec
      .given([created])
      .when(update({ priceCents: 6_000, title: 'Plan review' }))
      .then([
        {
          type: 'GigUpdated',
          data: {
            gigId,
            sellerId,
            details: { ...details, title: 'Plan review', priceCents: 6_000, vatCents: 1_000 },
            updatedAt: now,
          },
        },
      ]);
  });

  it('treats undefined fields of a DTO as unchanged', () => {
    spec
      .given([created])
      .when(update({ title: 'Plan review', description: undefined, videoRef: undefined }))
      .thenMatches(([event]) =>
        expect(event.type === 'GigUpdated' && event.data.details).toEqual({
          ...details,
          title: 'Plan review',
        }),
      );
  });

  it('records nothing when the update changes nothing', () => {
    spec
      .given([created])
      .when(update({ title: details.title, priceCents: details.priceCents }))
      .then([]);
  });

  it('validates the merged result of an update', () => {
    spec
      .given([created])
      .when(update({ deliveryDays: 2 }))
      .thenThrows('GIG_EXTRA_DELIVERY_TOO_SHORT');
    spec
      .given([created])
      .when(update({ title: '' }))
      .thenThrows('GIG_TITLE_REQUIRED');
  });

  it.each<[string, GigCommand]>([
    ['update', update({ title: 'Hijack' }, 'someone-else')],
    ['publish', publish(0, true, [], 'someone-else')],
    ['pause', pause('someone-else')],
    ['archive', archive('someone-else', 'client')],
  ])('forbids anyone but the owner to %s it', (_label, command) => {
    spec.given([created]).when(command).thenThrows('NOT_GIG_OWNER');
  });

  it('publishes it when the verified seller has fewer than 5 published gigs', () => {
    spec
      .given([created])
      .when(publish(4))
      .then([{ type: 'GigPublished', data: { gigId, sellerId, publishedAt: now } }]);
  });

  it('refuses a sixth published gig with 409 GIG_LIMIT_REACHED', () => {
    spec
      .given([created])
      .when(publish(5))
      .thenThrows('GIG_LIMIT_REACHED', { limit: 5, currentStatus: 'draft' });
  });

  it('refuses to publish for a provider with missing or expired documents, naming them', () => {
    spec
      .given([created])
      .when(publish(0, false, ['kbis', 'urssaf_certificate']))
      .thenThrows('PROVIDER_NOT_VERIFIED', { missingDocuments: ['kbis', 'urssaf_certificate'] });
  });

  it.each([-1, 1.5, Number.NaN])('refuses a published count of %p', (count) => {
    spec.given([created]).when(publish(count)).thenThrows('GIG_INVALID_PUBLISHED_COUNT');
  });

  it('cannot be paused before it is published', () => {
    spec.given([created]).when(pause()).thenThrows('GIG_NOT_PUBLISHED', { currentStatus: 'draft' });
  });

  it('is archived by its owner', () => {
    spec
      .given([created])
      .when(archive())
      .then([
        { type: 'GigArchived', data: { gigId, sellerId, archivedBy: sellerId, archivedAt: now } },
      ]);
  });
});

describe('Gig: when published', () => {
  it('refuses to publish it again', () => {
    spec
      .given([created, published])
      .when(publish())
      .thenThrows('GIG_ALREADY_PUBLISHED', { currentStatus: 'published' });
  });

  it('can still be updated', () => {
    spec
      .given([created, published])
      .when(update({ keywords: ['audit'] }))
      .thenMatches(([event]) =>
        expect(event.type === 'GigUpdated' && event.data.details.keywords).toEqual(['audit']),
      );
  });

  it('is paused by its owner', () => {
    spec
      .given([created, published])
      .when(pause())
      .then([{ type: 'GigPaused', data: { gigId, sellerId, pausedAt: now } }]);
  });

  it('is archived by a staff admin, who is recorded as the archiver', () => {
    spec
      .given([created, published])
      .when(archive('admin-7', 'admin'))
      .then([
        {
          type: 'GigArchived',
          data: { gigId, sellerId, archivedBy: 'admin-7', archivedAt: now },
        },
      ]);
  });

  it('cannot be archived by a mediator who is not the owner', () => {
    spec
      .given([created, published])
      .when(archive('mediator-1', 'mediator'))
      .thenThrows('NOT_GIG_OWNER');
  });
});

describe('Gig: when paused', () => {
  it('is published again within the limit', () => {
    spec
      .given([created, published, paused])
      .when(publish(2))
      .then([{ type: 'GigPublished', data: { gigId, sellerId, publishedAt: now } }]);
  });

  it('counts against the limit when published again', () => {
    spec
      .given([created, published, paused])
      .when(publish(5))
      .thenThrows('GIG_LIMIT_REACHED', { currentStatus: 'paused' });
  });

  it('refuses to pause it twice', () => {
    spec
      .given([created, published, paused])
      .when(pause())
      .thenThrows('GIG_NOT_PUBLISHED', { currentStatus: 'paused' });
  });

  it('can be updated and archived', () => {
    spec
      .given([created, published, paused])
      .when(update({ openingMessage: 'Hello!' }))
      .thenMatches((events) => expect(events).toHaveLength(1));
    spec
      .given([created, published, paused])
      .when(archive())
      .thenMatches((events) => expect(events[0]?.type).toBe('GigArchived'));
  });
});

describe('Gig: when archived', () => {
  it.each<[string, GigCommand]>([
    ['update', update({ title: 'Back' })],
    ['publish', publish()],
    ['pause', pause()],
    ['archive', archive()],
  ])('refuses to %s it', (_label, command) => {
    spec
      .given([created, published, archived])
      .when(command)
      .thenThrows('GIG_ARCHIVED', { currentStatus: 'archived' });
  });
});

describe('Gig state', () => {
  it('keeps the state of a gig for an event that does not apply', () => {
    const state = spec.given([published, paused]).state();
    expect(state).toEqual({ status: 'none' });
  });
});
