import { evolveBooking } from './dispatch.projection';
import {
  emptyProvider,
  evolveProviderOffer,
  evolveServiceType,
  offerRows,
  weekMultirange,
} from './dispatch.evolve';

const AT = '2026-12-01T09:00:00.000Z';
const withOffer = () =>
  evolveProviderOffer(emptyProvider('p1'), {
    type: 'ProviderServiceOffered',
    data: {
      providerId: 'p1',
      serviceTypeId: 'cleaning',
      pricing: { kind: 'hourly', hourlyRateCents: 2_500 },
      offeredAt: AT,
    },
  });

describe('the dispatch index rows', () => {
  it('lists an offer without a zone for direct requests only (no earth point)', () => {
    expect(offerRows(withOffer())).toEqual([
      expect.objectContaining({
        offer_id: 'p1:cleaning',
        earth: null,
        verified: false,
        week: '{}',
      }),
    ]);
  });

  it('leaves out a price that is not whole cents, and a zone without usable coordinates', () => {
    const bad = evolveProviderOffer(withOffer(), {
      type: 'ProviderServiceOffered',
      data: {
        providerId: 'p1',
        serviceTypeId: 'garden',
        pricing: { kind: 'hourly', hourlyRateCents: 12.5 },
        offeredAt: AT,
      },
    });
    const zoned = evolveProviderOffer(bad, {
      type: 'ProviderZoneSet',
      data: {
        providerId: 'p1',
        zone: { postalCode: '75011', city: 'Paris', lat: Number.NaN, lng: 2.3, radiusKm: 5 },
        setAt: AT,
      },
    });
    expect(offerRows(zoned).map((r) => [r.service_type_id, r.earth])).toEqual([['cleaning', null]]);
  });

  it('ignores malformed weekly slots, and lists nothing once the account is closed', () => {
    const hours = evolveProviderOffer(withOffer(), {
      type: 'ProviderWeeklyHoursSet',
      data: {
        providerId: 'p1',
        slots: [
          { weekday: 1, from: '09:00', to: '12:00' },
          { weekday: 2, from: 9, to: '12:00' } as never,
          { weekday: 3, from: '14:00', to: '10:00' },
        ],
        setAt: AT,
      },
    });
    expect(weekMultirange(hours)).toBe('{[540,720)}');
    expect(offerRows({ ...hours, closed: true })).toEqual([]);
  });

  it('keeps a retired type retired when it is updated again, and ignores a retirement of an unknown type', () => {
    const created = evolveServiceType(
      undefined,
      {
        type: 'ServiceTypeCreated',
        data: {
          serviceTypeId: 'cleaning',
          label: 'Ménage',
          description: '',
          category: 'home',
          createdBy: 's',
          createdAt: AT,
        },
      },
      0,
    );
    const retired = evolveServiceType(
      created,
      {
        type: 'ServiceTypeRetired',
        data: { serviceTypeId: 'cleaning', retiredBy: 's', retiredAt: AT },
      },
      1,
    );
    expect(retired).toMatchObject({ retired: true, rev: 1 });
    expect(
      evolveServiceType(
        undefined,
        { type: 'ServiceTypeRetired', data: { serviceTypeId: 'x', retiredBy: 's', retiredAt: AT } },
        0,
      ),
    ).toBeUndefined();
  });

  it('books nothing for a mission whose slot is malformed', () => {
    const requested = evolveBooking(
      undefined,
      {
        type: 'MissionRequested',
        data: { missionId: 'm1', startsAt: 'not a date', durationMinutes: 60 } as never,
      },
      0,
    );
    expect(requested).toBeUndefined();
  });
});
