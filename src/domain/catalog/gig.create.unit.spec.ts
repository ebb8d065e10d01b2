import { GigCommand, GigDetailsInput } from './gig.commands';
import {
  now,
  gigId,
  meta,
  spec,
  created,
  create,
  update,
  publish,
  pause,
  archive,
} from './gig.fixtures.spec';

describe('Gig: when it does not exist', () => {
  it('creates a draft owned by the actor, with VAT computed once and stored', () => {
    spec
      .given([])
      .when(create())
      .then([{ ...created, data: { ...created.data, createdAt: now } }]);
  });

  it.each(['package', 'phone_call', 'question'] as const)('accepts the %s kind', (kind) => {
    spec
      .given([])
      .when(create({ kind }))
      .thenMatches(([event]) => expect(event.type === 'GigCreated' && event.data.kind).toBe(kind));
  });

  it('trims text, folds duplicate keywords and defaults the optional fields', () => {
    const minimal: GigDetailsInput = {
      title: '  Quick question  ',
      priceCents: 1_999,
      category: 'legal',
      description: 'Ask me one legal question.',
      deliveryDays: 1,
      keywords: ['Law', 'law', ' contracts '],
    };
    spec
      .given([])
      .when({ type: 'CreateGig', data: { gigId, kind: 'question', ...minimal }, meta: meta() })
      .thenMatches(([event]) =>
        expect(event.type === 'GigCreated' && event.data.details).toEqual({
          title: 'Quick question',
          priceCents: 1_999,
          vatCents: 333, // 1 999 − round_half_even(1 999 / 1.2 = 1 665.83) = 333
          category: 'legal',
          description: 'Ask me one legal question.',
          galleryRefs: [],
          videoRef: null,
          keywords: ['Law', 'contracts'],
          deliveryDays: 1,
          openingMessage: '',
          extras: [],
        }),
      );
  });

  it.each<[string, Partial<GigDetailsInput> & { kind?: string }, string]>([
    ['an unknown kind', { kind: 'webinar' }, 'GIG_INVALID_KIND'],
    ['an empty title', { title: '   ' }, 'GIG_TITLE_REQUIRED'],
    ['a title over 80 characters', { title: 'x'.repeat(81) }, 'GIG_TITLE_TOO_LONG'],
    ['a zero price', { priceCents: 0 }, 'GIG_INVALID_PRICE'],
    ['a fractional price', { priceCents: 10.5 }, 'GIG_INVALID_PRICE'],
    ['a negative price', { priceCents: -100 }, 'GIG_INVALID_PRICE'],
    ['a price over 100 000 €', { priceCents: 10_000_001 }, 'GIG_INVALID_PRICE'],
    ['no category', { category: '' }, 'GIG_CATEGORY_REQUIRED'],
    ['a category over 100 characters', { category: 'c'.repeat(101) }, 'GIG_CATEGORY_TOO_LONG'],
    ['no description', { description: ' ' }, 'GIG_DESCRIPTION_REQUIRED'],
    [
      'a description over 5 000 characters',
      { description: 'd'.repeat(5_001) },
      'GIG_DESCRIPTION_TOO_LONG',
    ],
    ['zero delivery days', { deliveryDays: 0 }, 'GIG_INVALID_DELIVERY_DAYS'],
    ['fractional delivery days', { deliveryDays: 1.5 }, 'GIG_INVALID_DELIVERY_DAYS'],
    ['over 365 delivery days', { deliveryDays: 366 }, 'GIG_INVALID_DELIVERY_DAYS'],
    ['six keywords', { keywords: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'GIG_TOO_MANY_KEYWORDS'],
    ['an empty keyword', { keywords: [' '] }, 'GIG_INVALID_KEYWORD'],
    ['a keyword over 30 characters', { keywords: ['k'.repeat(31)] }, 'GIG_INVALID_KEYWORD'],
    [
      'eleven gallery images',
      { galleryRefs: Array.from({ length: 11 }, (_, i) => `img/${i}.png`) },
      'GIG_TOO_MANY_GALLERY_ITEMS',
    ],
    ['an empty gallery reference', { galleryRefs: [''] }, 'GIG_INVALID_MEDIA_REF'],
    ['an empty video reference', { videoRef: ' ' }, 'GIG_INVALID_MEDIA_REF'],
    [
      'an opening message over 2 000 characters',
      { openingMessage: 'm'.repeat(2_001) },
      'GIG_OPENING_MESSAGE_TOO_LONG',
    ],
    [
      'eleven extras',
      {
        extras: Array.from({ length: 11 }, (_, i) => ({
          extraId: `x${i}`,
          name: 'More',
          priceCents: 100,
          deltaDays: 0,
        })),
      },
      'GIG_TOO_MANY_EXTRAS',
    ],
    [
      'an extra without a name',
      { extras: [{ extraId: 'x', name: ' ', priceCents: 100, deltaDays: 1 }] },
      'GIG_INVALID_EXTRA',
    ],
    [
      'an extra without an id',
      { extras: [{ extraId: '', name: 'More', priceCents: 100, deltaDays: 1 }] },
      'GIG_INVALID_EXTRA',
    ],
    [
      'a free extra',
      { extras: [{ extraId: 'x', name: 'More', priceCents: 0, deltaDays: 1 }] },
      'GIG_INVALID_EXTRA',
    ],
    [
      'an extra with fractional days',
      { extras: [{ extraId: 'x', name: 'More', priceCents: 100, deltaDays: 0.5 }] },
      'GIG_INVALID_EXTRA',
    ],
    [
      'two extras with the same id',
      {
        extras: [
          { extraId: 'x', name: 'More', priceCents: 100, deltaDays: 1 },
          { extraId: 'x', name: 'Again', priceCents: 200, deltaDays: 1 },
        ],
      },
      'GIG_DUPLICATE_EXTRA',
    ],
    [
      'a faster-delivery extra that leaves less than one day',
      {
        deliveryDays: 3,
        extras: [{ extraId: 'x', name: 'Express', priceCents: 100, deltaDays: -3 }],
      },
      'GIG_EXTRA_DELIVERY_TOO_SHORT',
    ],
  ])('refuses %s with 400', (_label, overrides, code) => {
    spec.given([]).when(create(overrides)).thenThrows(code);
  });

  it('accepts a faster-delivery extra that leaves exactly one day', () => {
    spec
      .given([])
      .when(
        create({
          deliveryDays: 3,
          extras: [{ extraId: 'x', name: 'Express', priceCents: 100, deltaDays: -2 }],
        }),
      )
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual(['GigCreated']));
  });

  it.each<[string, GigCommand]>([
    ['updating', update({ title: 'New' })],
    ['publishing', publish()],
    ['pausing', pause()],
    ['archiving', archive()],
  ])('answers 404 when %s', (_label, command) => {
    spec.given([]).when(command).thenThrows('GIG_NOT_FOUND', { gigId });
  });
});
