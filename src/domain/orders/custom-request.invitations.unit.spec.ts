import {
  acceptRequest,
  admin,
  buyer,
  buyerId,
  counter,
  countered,
  customRequestId,
  expire,
  expired,
  invite,
  invited,
  meta,
  now,
  seller,
  spec,
  submitted,
  system,
} from './custom-request.fixtures.spec';

describe('Custom request: when open, on the sellers’ side', () => {
  it('lets a staff admin invite chosen sellers, each invitation expiring after the given days', () => {
    spec
      .given([submitted])
      .when(invite(['seller-1', 'seller-2', 'seller-1'], admin('2025-06-02T08:00:00.000Z')))
      .then([invited('seller-1'), invited('seller-2')]);
  });

  it('forbids anyone but a staff admin to invite', () => {
    spec
      .given([submitted])
      .when(invite(['seller-1'], buyer()))
      .thenThrows('ONLY_ADMIN');
    spec
      .given([submitted])
      .when(invite(['seller-1'], meta('mediator-1', 'mediator')))
      .thenThrows('ONLY_ADMIN');
  });

  it('refuses to invite the buyer, nobody, or with a bad time-to-live', () => {
    spec
      .given([submitted])
      .when(invite([buyerId, 'seller-1']))
      .thenThrows('CUSTOM_REQUEST_CANNOT_INVITE_BUYER');
    spec.given([submitted]).when(invite([])).thenThrows('CUSTOM_REQUEST_NO_SELLERS');
    spec
      .given([submitted])
      .when(invite(['']))
      .thenThrows('CUSTOM_REQUEST_MISSING_ID');
    spec
      .given([submitted])
      .when(invite(['seller-1'], admin(), 0))
      .thenThrows('CUSTOM_REQUEST_INVALID_INVITATION_TTL');
  });

  it('leaves pending and answered invitations alone and renews lapsed ones', () => {
    const given = [
      submitted,
      invited('seller-1'),
      invited('seller-2'),
      countered('seller-2'),
      invited('seller-3'),
      expired('seller-3'),
    ];
    spec
      .given(given)
      .when(
        invite(['seller-1', 'seller-2', 'seller-3', 'seller-4'], admin('2025-06-04T08:00:00.000Z')),
      )
      .thenMatches((events) => {
        expect(events).toHaveLength(2);
        expect(events.map((event) => event.data)).toMatchObject([
          { sellerId: 'seller-3' },
          { sellerId: 'seller-4' },
        ]);
      });
    spec
      .given([submitted, invited('seller-1')])
      .when(invite(['seller-1']))
      .then([]);
    // Past its expiry the invitation has lapsed even if the worker has not recorded it yet.
    spec
      .given([submitted, invited('seller-1')])
      .when(invite(['seller-1'], admin('2025-06-06T08:00:00.000Z')))
      .thenMatches((events) =>
        expect(events.map((event) => event.data)).toMatchObject([
          { sellerId: 'seller-1', expiresAt: '2025-06-09T08:00:00.000Z' },
        ]),
      );
  });

  it('forbids an uninvited seller to answer', () => {
    spec
      .given([submitted, invited('seller-1')])
      .when(acceptRequest(seller('seller-9')))
      .thenThrows('NOT_INVITED');
    spec
      .given([submitted, invited('seller-1')])
      .when(counter(seller('seller-9')))
      .thenThrows('NOT_INVITED');
  });

  it('lets an invited seller accept the buyer’s own terms', () => {
    spec
      .given([submitted, invited()])
      .when(acceptRequest())
      .then([
        {
          type: 'CustomRequestAcceptedBySeller',
          data: {
            customRequestId,
            sellerId: 'seller-1',
            priceCents: 50_000,
            deliveryDays: 7,
            offeredAt: now,
          },
        },
      ]);
  });

  it('turns a dated deadline into whole days from the seller’s answer, rounded up', () => {
    const dated = {
      ...submitted,
      data: {
        ...submitted.data,
        deadline: { kind: 'date' as const, date: '2025-06-10T20:00:00.000Z' },
      },
    };
    spec
      .given([dated, invited()])
      .when(acceptRequest())
      .thenMatches(([event]) => expect(event.data).toMatchObject({ deliveryDays: 8 }));
  });

  it('refuses to accept at the buyer’s terms once the buyer’s date has passed', () => {
    const dated = {
      ...submitted,
      data: {
        ...submitted.data,
        deadline: { kind: 'date' as const, date: '2025-06-03T06:00:00.000Z' },
      },
    };
    spec
      .given([dated, invited()])
      .when(acceptRequest())
      .thenThrows('CUSTOM_REQUEST_DEADLINE_PASSED');
  });

  it('lets an invited seller counter-offer a price and a delay, and revise it', () => {
    spec.given([submitted, invited()]).when(counter()).then([countered()]);
    spec
      .given([submitted, invited(), countered()])
      .when(counter(seller(), 60_000, 9))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ priceCents: 60_000, deliveryDays: 9 }),
      );
  });

  it('refuses a counter-offer with a bad price or delay', () => {
    spec
      .given([submitted, invited()])
      .when(counter(seller(), 0))
      .thenThrows('CUSTOM_REQUEST_INVALID_PRICE');
    spec
      .given([submitted, invited()])
      .when(counter(seller(), 100, 0))
      .thenThrows('CUSTOM_REQUEST_INVALID_DELIVERY_DAYS');
  });

  it('refuses an answer once the invitation has lapsed, even before the worker expired it', () => {
    spec
      .given([submitted, invited()])
      .when(acceptRequest(seller('seller-1', '2025-06-05T08:00:00.000Z')))
      .thenThrows('CUSTOM_REQUEST_INVITATION_EXPIRED', {
        currentStatus: 'open',
        expiresAt: '2025-06-05T08:00:00.000Z',
      });
    spec
      .given([submitted, invited(), expired()])
      .when(counter())
      .thenThrows('CUSTOM_REQUEST_INVITATION_EXPIRED');
  });

  it('expires a pending invitation when the worker comes at its recorded time', () => {
    spec.given([submitted, invited()]).when(expire()).then([expired()]);
  });

  it('refuses to expire an invitation early, and only the system may expire it', () => {
    spec
      .given([submitted, invited()])
      .when(expire(system(now)))
      .thenThrows('CUSTOM_REQUEST_INVITATION_NOT_EXPIRED', {
        expiresAt: '2025-06-05T08:00:00.000Z',
      });
    spec
      .given([submitted, invited()])
      .when(expire(admin('2025-06-05T08:00:00.000Z')))
      .thenThrows('ONLY_SYSTEM');
  });

  it('records nothing for a stale or repeated expiry job', () => {
    spec.given([submitted, invited(), expired()]).when(expire()).then([]);
    spec.given([submitted, invited(), countered()]).when(expire()).then([]);
    spec
      .given([submitted, invited(), expired(), invited('seller-1', '2025-06-09T08:00:00.000Z')])
      .when(expire())
      .then([]);
  });

  it('refuses to expire an invitation that never existed', () => {
    spec.given([submitted]).when(expire()).thenThrows('CUSTOM_REQUEST_INVITATION_NOT_FOUND');
  });
});
