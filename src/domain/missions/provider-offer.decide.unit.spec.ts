import type { ProviderOfferCommand } from './provider-offer.commands';
import type { ProviderOfferEvent } from './provider-offer.events';
import { providerOfferDecider } from './offers';
import {
  addException,
  exceptionAdded,
  exceptionRemoved,
  fixed,
  holidays,
  hourly,
  hoursSet,
  jardinage,
  lyon,
  menage,
  mornings,
  now,
  offer,
  offered,
  providerId,
  removeException,
  setHours,
  setZone,
  spec,
  withdraw,
  withdrawn,
  zone,
  zoneSet,
} from './provider-offer.fixtures.spec';

describe('ProviderOffer: anyone but the provider themself', () => {
  it.each<[string, ProviderOfferCommand]>([
    ['offer a service', offer(hourly(), menage, true, 'someone-else')],
    ['withdraw a service', withdraw(menage, 'someone-else')],
    ['set the zone', setZone({}, lyon, 'someone-else')],
    ['set the weekly hours', setHours(mornings, 'someone-else')],
    ['add an exception', addException({}, 'someone-else')],
    ['remove an exception', removeException(holidays.exceptionId, 'someone-else')],
  ])('cannot %s', (_what, command) => {
    spec.given([offered(), exceptionAdded]).when(command).thenThrows('NOT_OFFER_OWNER');
  });

  it('cannot act under another role, even on its own account id', () => {
    spec
      .given([])
      .when(offer(hourly(), menage, true, providerId, 'admin'))
      .thenThrows('NOT_OFFER_OWNER');
  });
});

describe('ProviderOffer: services', () => {
  it('offers an active type at an hourly rate', () => {
    spec
      .given([])
      .when(offer(hourly(2_500)))
      .then([
        {
          type: 'ProviderServiceOffered',
          data: { providerId, serviceTypeId: menage, pricing: hourly(2_500), offeredAt: now },
        },
      ]);
  });

  it('changes the price of a type already offered, hourly to fixed', () => {
    spec
      .given([offered(menage, hourly(2_500))])
      .when(offer(fixed(9_000)))
      .then([
        {
          type: 'ProviderServiceOffered',
          data: { providerId, serviceTypeId: menage, pricing: fixed(9_000), offeredAt: now },
        },
      ]);
  });

  it('records nothing for the same price again (a retried PUT)', () => {
    spec
      .given([offered(menage, hourly(2_500))])
      .when(offer(hourly(2_500)))
      .then([]);
  });

  it('keeps only the fields of the pricing kind', () => {
    spec
      .given([])
      .when(offer({ kind: 'fixed', fixedPriceCents: 5_000, hourlyRateCents: 1 } as never))
      .thenMatches(([e]) =>
        expect(e.type === 'ProviderServiceOffered' && e.data.pricing).toEqual(fixed(5_000)),
      );
  });

  it('refuses a type that is unknown or retired (422)', () => {
    spec
      .given([])
      .when(offer(hourly(), 'st-gone', false))
      .thenThrows('SERVICE_TYPE_NOT_FOUND', { serviceTypeId: 'st-gone' });
    spec
      .given([offered()])
      .when(offer(hourly(), menage, false))
      .thenThrows('SERVICE_TYPE_NOT_FOUND');
  });

  it.each([
    ['an hourly rate under 1 €', hourly(99)],
    ['an hourly rate over 1 000 €', hourly(100_001)],
    ['a fractional rate', hourly(2_500.5)],
    ['a fixed price of 0', fixed(0)],
    ['a fixed price over 10 000 €', fixed(1_000_001)],
    ['another kind', { kind: 'daily', dailyRateCents: 10_000 }],
  ])('refuses %s', (_what, pricing) => {
    spec
      .given([])
      .when(offer(pricing as never))
      .thenThrows('OFFER_INVALID_PRICING');
  });

  it('accepts the bounds themselves', () => {
    for (const pricing of [hourly(100), hourly(100_000), fixed(100), fixed(1_000_000)])
      spec
        .given([])
        .when(offer(pricing))
        .thenMatches((events) => expect(events).toHaveLength(1));
  });

  it('refuses a 31st service type', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => offered(`st-${i}`));
    spec
      .given(thirty)
      .when(offer(hourly(), 'st-31'))
      .thenThrows('OFFER_TOO_MANY_SERVICES', { max: 30 });
    spec
      .given(thirty)
      .when(offer(hourly(3_000), 'st-0'))
      .thenMatches((e) => expect(e).toHaveLength(1));
  });

  it('withdraws a type offered', () => {
    spec
      .given([offered(menage), offered(jardinage)])
      .when(withdraw(menage))
      .then([
        {
          type: 'ProviderServiceWithdrawn',
          data: { providerId, serviceTypeId: menage, withdrawnAt: now },
        },
      ]);
  });

  it('cannot withdraw a type not offered, or already withdrawn (404)', () => {
    spec.given([]).when(withdraw()).thenThrows('SERVICE_NOT_OFFERED', { serviceTypeId: menage });
    spec.given([offered(), withdrawn()]).when(withdraw()).thenThrows('SERVICE_NOT_OFFERED');
  });
});

describe('ProviderOffer: zone', () => {
  it('derives coordinates and city from the postal code when not given', () => {
    spec
      .given([])
      .when(setZone())
      .then([{ type: 'ProviderZoneSet', data: { providerId, zone, setAt: now } }]);
  });

  it("keeps the provider's own coordinates and city", () => {
    spec
      .given([])
      .when(setZone({ city: ' Lyon 3e ', lat: 45.76, lng: 4.85, radiusKm: 30 }))
      .thenMatches(([e]) =>
        expect(e.type === 'ProviderZoneSet' && e.data.zone).toEqual({
          postalCode: '69003',
          city: 'Lyon 3e',
          lat: 45.76,
          lng: 4.85,
          radiusKm: 30,
        }),
      );
  });

  it('accepts an unknown postal code when coordinates and city are given', () => {
    spec
      .given([])
      .when(setZone({ postalCode: '99999', city: 'Nouvelle commune', lat: 45, lng: 4 }, null))
      .thenMatches((events) => expect(events).toHaveLength(1));
  });

  it('refuses an unknown postal code without coordinates (422)', () => {
    spec
      .given([])
      .when(setZone({ postalCode: '00000' }, null))
      .thenThrows('POSTAL_CODE_UNKNOWN', {
        postalCode: '00000',
      });
    spec
      .given([])
      .when(setZone({ postalCode: '00000', lat: 45, lng: 4 }, null))
      .thenThrows('POSTAL_CODE_UNKNOWN');
  });

  it('records nothing when the zone is the same', () => {
    spec.given([zoneSet]).when(setZone()).then([]);
  });

  it.each([
    ['a postal code of 4 digits', { postalCode: '6900' }, 'OFFER_INVALID_POSTAL_CODE'],
    ['a postal code with letters', { postalCode: '69OO3' }, 'OFFER_INVALID_POSTAL_CODE'],
    ['a radius of 0 km', { radiusKm: 0 }, 'OFFER_INVALID_RADIUS'],
    ['a radius of 101 km', { radiusKm: 101 }, 'OFFER_INVALID_RADIUS'],
    ['a radius of 2.5 km', { radiusKm: 2.5 }, 'OFFER_INVALID_RADIUS'],
    ['a latitude without longitude', { lat: 45 }, 'OFFER_INVALID_COORDINATES'],
    ['a longitude without latitude', { lng: 4 }, 'OFFER_INVALID_COORDINATES'],
    ['a latitude of 91', { lat: 91, lng: 4 }, 'OFFER_INVALID_COORDINATES'],
    ['a longitude of -181', { lat: 45, lng: -181 }, 'OFFER_INVALID_COORDINATES'],
    ['an empty city', { city: '  ' }, 'OFFER_INVALID_CITY'],
    ['a city of 101 characters', { city: 'c'.repeat(101) }, 'OFFER_INVALID_CITY'],
  ])('refuses %s', (_what, input, code) => {
    spec.given([]).when(setZone(input)).thenThrows(code);
  });
});

describe('ProviderOffer: weekly hours', () => {
  it('replaces the schedule, sorted by weekday and start', () => {
    const slots = [
      { weekday: 5, from: '14:00', to: '18:00' },
      { weekday: 1, from: '14:00', to: '18:00' },
      { weekday: 1, from: '08:00', to: '12:00' },
    ];
    spec
      .given([hoursSet])
      .when(setHours(slots))
      .then([
        {
          type: 'ProviderWeeklyHoursSet',
          data: {
            providerId,
            slots: [slots[2], slots[1], slots[0]],
            setAt: now,
          },
        },
      ]);
  });

  it('accepts touching slots, midnight as an end, and an empty schedule', () => {
    spec
      .given([])
      .when(
        setHours([
          { weekday: 2, from: '09:00', to: '12:00' },
          { weekday: 2, from: '12:00', to: '24:00' },
        ]),
      )
      .thenMatches((events) => expect(events).toHaveLength(1));
    spec
      .given([hoursSet])
      .when(setHours([]))
      .thenMatches(([e]) =>
        expect(e.type === 'ProviderWeeklyHoursSet' && e.data.slots).toEqual([]),
      );
  });

  it('records nothing for the same schedule in another order', () => {
    spec
      .given([hoursSet])
      .when(setHours([...mornings].reverse()))
      .then([]);
  });

  it('refuses overlapping slots of one day (422), naming them', () => {
    spec
      .given([])
      .when(
        setHours([
          { weekday: 1, from: '09:00', to: '12:00' },
          { weekday: 1, from: '11:00', to: '13:00' },
        ]),
      )
      .thenThrows('OFFER_SLOTS_OVERLAP', {
        slots: [
          { weekday: 1, from: '09:00', to: '12:00' },
          { weekday: 1, from: '11:00', to: '13:00' },
        ],
      });
  });

  it.each([
    ['weekday 0', { weekday: 0, from: '09:00', to: '10:00' }],
    ['weekday 8', { weekday: 8, from: '09:00', to: '10:00' }],
    ['a start after the end', { weekday: 1, from: '12:00', to: '09:00' }],
    ['an empty slot', { weekday: 1, from: '09:00', to: '09:00' }],
    ['a time without leading zero', { weekday: 1, from: '9:00', to: '10:00' }],
    ['25:00', { weekday: 1, from: '09:00', to: '25:00' }],
    ['a start at 24:00', { weekday: 1, from: '24:00', to: '24:00' }],
    ['minutes over 59', { weekday: 1, from: '09:60', to: '10:00' }],
  ])('refuses %s', (_what, slot) => {
    spec
      .given([])
      .when(setHours([slot]))
      .thenThrows('OFFER_INVALID_SLOT');
  });

  it('refuses more than 70 slots', () => {
    const slots = Array.from({ length: 71 }, (_, i) => ({
      weekday: (i % 7) + 1,
      from: `${String(Math.floor(i / 7)).padStart(2, '0')}:00`,
      to: `${String(Math.floor(i / 7)).padStart(2, '0')}:30`,
    }));
    spec.given([]).when(setHours(slots)).thenThrows('OFFER_TOO_MANY_SLOTS');
  });
});

describe('ProviderOffer: exceptions', () => {
  it('adds one, normalising its instants to UTC', () => {
    spec
      .given([])
      .when(addException({ from: '2026-08-01T02:00:00+02:00', to: '2026-08-15T02:00:00+02:00' }))
      .then([
        {
          type: 'ProviderAvailabilityExceptionAdded',
          data: { ...holidays, providerId, addedAt: now },
        },
      ]);
  });

  it('records nothing when the same exception is sent again', () => {
    spec.given([exceptionAdded]).when(addException()).then([]);
  });

  it('refuses another exception under an id already used (409)', () => {
    spec
      .given([exceptionAdded])
      .when(addException({ kind: 'available' }))
      .thenThrows('OFFER_EXCEPTION_EXISTS', { exceptionId: holidays.exceptionId });
  });

  it.each([
    ['an unknown kind', { kind: 'maybe' }, 'OFFER_INVALID_EXCEPTION'],
    ['a date that is not ISO 8601', { from: '01/08/2026' }, 'OFFER_INVALID_EXCEPTION'],
    ['an impossible date', { from: '2026-02-30T00:00:00Z' }, 'OFFER_INVALID_EXCEPTION'],
    [
      'an end before its start',
      { from: '2026-08-15T00:00:00Z', to: '2026-08-01T00:00:00Z' },
      'OFFER_INVALID_EXCEPTION',
    ],
    [
      'an empty period',
      { from: '2026-08-01T00:00:00Z', to: '2026-08-01T00:00:00Z' },
      'OFFER_INVALID_EXCEPTION',
    ],
    [
      'a period over before now',
      { from: '2026-03-01T00:00:00Z', to: '2026-03-10T09:00:00Z' },
      'OFFER_EXCEPTION_IN_PAST',
    ],
    [
      'a period over a year',
      { from: '2026-04-01T00:00:00Z', to: '2027-04-03T00:00:00Z' },
      'OFFER_EXCEPTION_TOO_LONG',
    ],
  ])('refuses %s', (_what, input, code) => {
    spec
      .given([])
      .when(addException(input as never))
      .thenThrows(code);
  });

  it('accepts one that started before now and is not over', () => {
    spec
      .given([])
      .when(addException({ from: '2026-03-01T00:00:00Z', to: '2026-03-12T00:00:00Z' }))
      .thenMatches((events) => expect(events).toHaveLength(1));
  });

  it('refuses a 201st exception', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      ...exceptionAdded,
      data: { ...(exceptionAdded.data as object), exceptionId: `ex-${i}` },
    })) as ProviderOfferEvent[];
    spec
      .given(many)
      .when(addException({ exceptionId: 'ex-new' }))
      .thenThrows('OFFER_TOO_MANY_EXCEPTIONS');
  });

  it('removes one', () => {
    spec
      .given([exceptionAdded])
      .when(removeException())
      .then([
        {
          type: 'ProviderAvailabilityExceptionRemoved',
          data: { providerId, exceptionId: holidays.exceptionId, removedAt: now },
        },
      ]);
  });

  it('cannot remove an unknown or already removed exception (404)', () => {
    spec.given([]).when(removeException()).thenThrows('OFFER_EXCEPTION_NOT_FOUND');
    spec
      .given([exceptionAdded, exceptionRemoved])
      .when(removeException())
      .thenThrows('OFFER_EXCEPTION_NOT_FOUND');
  });
});

describe('ProviderOffer: evolve', () => {
  const fold = (events: unknown[]) =>
    (events as ProviderOfferEvent[]).reduce(
      providerOfferDecider.evolve,
      providerOfferDecider.initialState(),
    );

  it('folds the whole offer', () => {
    expect(
      fold([
        offered(menage),
        offered(jardinage, fixed()),
        withdrawn(menage),
        zoneSet,
        hoursSet,
        exceptionAdded,
      ]),
    ).toEqual({
      status: 'declared',
      providerId,
      services: {
        [jardinage]: {
          serviceTypeId: jardinage,
          pricing: fixed(),
          offeredAt: '2026-03-01T00:00:00.000Z',
        },
      },
      zone,
      weeklyHours: mornings,
      exceptions: [holidays],
    });
  });

  it('keeps exceptions sorted by start', () => {
    const later = {
      ...exceptionAdded,
      data: {
        ...(exceptionAdded.data as object),
        exceptionId: 'ex-2',
        from: '2026-09-01T00:00:00.000Z',
        to: '2026-09-02T00:00:00.000Z',
      },
    };
    const sooner = {
      ...exceptionAdded,
      data: {
        ...(exceptionAdded.data as object),
        exceptionId: 'ex-0',
        from: '2026-04-01T00:00:00.000Z',
        to: '2026-04-02T00:00:00.000Z',
      },
    };
    const state = fold([later, exceptionAdded, sooner]);
    expect(state.status === 'declared' && state.exceptions.map((e) => e.exceptionId)).toEqual([
      'ex-0',
      'ex-1',
      'ex-2',
    ]);
  });

  it('never throws: repeats, removals of unknown ids and unknown types leave the state as it is', () => {
    const base = fold([offered(), exceptionAdded]);
    expect(fold([offered(), exceptionAdded, exceptionAdded])).toEqual(base);
    expect(fold([offered(), exceptionAdded, { type: 'ProviderOfferRenamedV9', data: {} }])).toEqual(
      base,
    );
    expect(fold([withdrawn('st-never')]).status).toBe('declared');
    expect(fold([exceptionRemoved])).toMatchObject({ status: 'declared', exceptions: [] });
  });
});
