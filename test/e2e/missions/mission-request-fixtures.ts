import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { seedVerifiedProvider } from '../orders/marketplace-fixtures';
import { TestApp } from '../../support/test-app';

/** Paris, place de la République (postal code 75011). */
export const PARIS_11 = { lat: 48.8674, lng: 2.3636 };
export const PLACE = { address: '12 rue des Lilas', postalCode: '75011', city: 'Paris' };

const append = (t: TestApp, stream: string, events: { type: string; data: object }[]) =>
  t.app.get<EventStore>(EVENT_STORE).appendToStream(
    stream,
    events.map((e) => ({ id: randomUUID(), ...e })),
    { expectedRevision: 'any' },
  );

/** A service type of the catalogue, as staff would create it. */
export async function seedServiceType(t: TestApp, label = 'Ménage'): Promise<string> {
  const serviceTypeId = randomUUID();
  await append(t, `service-type-${serviceTypeId}`, [
    {
      type: 'ServiceTypeCreated',
      data: {
        serviceTypeId,
        label,
        description: `${label} à domicile`,
        category: 'home',
        createdBy: 'seed-admin',
        createdAt: new Date().toISOString(),
      },
    },
  ]);
  return serviceTypeId;
}

/**
 * A verified provider offering the type at an hourly rate around place de la République, every
 * day from 06:00 to 22:00 Paris time (the offers' own routes are tested with the offers).
 */
export async function seedOfferingProvider(
  t: TestApp,
  serviceTypeId: string,
  hourlyRateCents: number,
  providerId = randomUUID(),
): Promise<string> {
  await seedVerifiedProvider(t, providerId);
  const at = new Date().toISOString();
  await append(t, `provider-offer-${providerId}`, [
    {
      type: 'ProviderServiceOffered',
      data: {
        providerId,
        serviceTypeId,
        pricing: { kind: 'hourly', hourlyRateCents },
        offeredAt: at,
      },
    },
    {
      type: 'ProviderZoneSet',
      data: {
        providerId,
        zone: { postalCode: '75011', city: 'Paris', ...PARIS_11, radiusKm: 10 },
        setAt: at,
      },
    },
    {
      type: 'ProviderWeeklyHoursSet',
      data: {
        providerId,
        slots: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '06:00', to: '22:00' })),
        setAt: at,
      },
    },
  ]);
  return providerId;
}

/** 10:00 UTC (11:00 in Paris in winter) `days` days after `from`. */
export function tenOClock(from: Date, days: number): string {
  const day = new Date(from.getTime() + days * 86_400_000);
  day.setUTCHours(10, 0, 0, 0);
  return day.toISOString();
}

/** The mission's stream as stored. */
export async function missionEvents(t: TestApp, missionId: string) {
  return t.app.get<EventStore>(EVENT_STORE).readStream(`mission-${missionId}`);
}
