import { CustomRequestCommand } from './custom-request.commands';
import {
  acceptOffer,
  acceptRequest,
  buyer,
  cancel,
  cancelled,
  converted,
  counter,
  countered,
  expire,
  invite,
  invited,
  seller,
  spec,
  submit,
  submitted,
} from './custom-request.fixtures.spec';

describe('Custom request: when not submitted', () => {
  it('is submitted by the buyer with a need, a price and a deadline in days', () => {
    spec
      .given([])
      .when(submit({}, buyer('2025-06-01T08:00:00.000Z')))
      .then([submitted]);
  });

  it('accepts a deadline given as a future date', () => {
    spec
      .given([])
      .when(submit({ deadline: { kind: 'date', date: '2025-06-20T18:00:00+02:00' } }))
      .thenMatches(([event]) =>
        expect(event.type === 'CustomRequestSubmitted' && event.data.deadline).toEqual({
          kind: 'date',
          date: '2025-06-20T16:00:00.000Z',
        }),
      );
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no title', { title: ' ' }, 'CUSTOM_REQUEST_TITLE_REQUIRED'],
    ['no description', { description: '' }, 'CUSTOM_REQUEST_DESCRIPTION_REQUIRED'],
    ['no category', { category: '' }, 'CUSTOM_REQUEST_CATEGORY_REQUIRED'],
    [
      'a description over 5 000 characters',
      { description: 'd'.repeat(5_001) },
      'CUSTOM_REQUEST_TEXT_TOO_LONG',
    ],
    ['a zero price', { proposedPriceCents: 0 }, 'CUSTOM_REQUEST_INVALID_PRICE'],
    ['a fractional price', { proposedPriceCents: 99.9 }, 'CUSTOM_REQUEST_INVALID_PRICE'],
    ['zero days', { deadline: { kind: 'days', days: 0 } }, 'CUSTOM_REQUEST_INVALID_DEADLINE'],
    [
      'a past date',
      { deadline: { kind: 'date', date: '2025-06-03T07:00:00.000Z' } },
      'CUSTOM_REQUEST_INVALID_DEADLINE',
    ],
    [
      'an unreadable date',
      { deadline: { kind: 'date', date: 'next friday' } },
      'CUSTOM_REQUEST_INVALID_DEADLINE',
    ],
    ['no deadline', { deadline: undefined }, 'CUSTOM_REQUEST_INVALID_DEADLINE'],
  ])('refuses a request with %s (400)', (_label, overrides, code) => {
    spec.given([]).when(submit(overrides)).thenThrows(code);
  });

  it.each<[string, CustomRequestCommand]>([
    ['inviting', invite()],
    ['accepting', acceptRequest()],
    ['countering', counter()],
    ['accepting an offer', acceptOffer()],
    ['cancelling', cancel()],
    ['expiring', expire()],
  ])('answers 404 when %s', (_label, command) => {
    spec.given([]).when(command).thenThrows('CUSTOM_REQUEST_NOT_FOUND');
  });
});

describe('Custom request: when open, on the buyer’s side', () => {
  it('refuses to be submitted twice', () => {
    spec
      .given([submitted])
      .when(submit())
      .thenThrows('CUSTOM_REQUEST_ALREADY_EXISTS', { currentStatus: 'open' });
  });

  it('converts into an order when the buyer accepts a seller’s offer, at 20 % commission', () => {
    spec.given([submitted, invited(), countered()]).when(acceptOffer()).then([converted]);
  });

  it('uses the configured commission rate when the application passes one', () => {
    spec
      .given([submitted, invited(), countered()])
      .when(acceptOffer('seller-1', buyer(), 1_800))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ commissionRateBp: 1_800 }));
    spec
      .given([submitted, invited(), countered()])
      .when(acceptOffer('seller-1', buyer(), 10_001))
      .thenThrows('CUSTOM_REQUEST_INVALID_COMMISSION_RATE');
  });

  it('refuses to accept from a seller who made no offer', () => {
    spec
      .given([submitted, invited('seller-1'), invited('seller-2'), countered('seller-2')])
      .when(acceptOffer('seller-1'))
      .thenThrows('CUSTOM_REQUEST_NO_OFFER_FROM_SELLER', {
        currentStatus: 'open',
        sellerId: 'seller-1',
      });
  });

  it('forbids anyone but the buyer to accept an offer or cancel', () => {
    spec
      .given([submitted, invited(), countered()])
      .when(acceptOffer('seller-1', seller()))
      .thenThrows('ONLY_BUYER');
    spec.given([submitted]).when(cancel(seller())).thenThrows('ONLY_BUYER');
  });

  it('is cancelled by the buyer', () => {
    spec.given([submitted, invited()]).when(cancel()).then([cancelled]);
  });
});

describe.each([
  ['converted', converted],
  ['cancelled', cancelled],
] as const)('Custom request: when %s', (status, closing) => {
  const given = [submitted, invited(), countered(), closing];

  it.each<[string, CustomRequestCommand]>([
    ['invite', invite(['seller-2'])],
    ['accept', acceptRequest()],
    ['counter', counter()],
    ['accept an offer', acceptOffer()],
    ['cancel', cancel()],
  ])('refuses to %s with 409 CUSTOM_REQUEST_CLOSED', (_label, command) => {
    spec.given(given).when(command).thenThrows('CUSTOM_REQUEST_CLOSED', { currentStatus: status });
  });

  it('records nothing for an expiry job', () => {
    spec.given([submitted, invited(), closing]).when(expire()).then([]);
  });
});
