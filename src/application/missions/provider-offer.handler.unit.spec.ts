import type { ProviderOfferCommand } from '../../domain/missions/offers';
import { DomainError } from '../../domain/shared';
import { MemoryEventStore } from '../orders/marketplace.fixtures.spec';
import type { GeocodedPlace, Geocoder } from './geocoder.port';
import { ProviderOfferCommandHandler } from './provider-offer.handler';
import { ProviderOfferCommandMessage } from './provider-offer.messages';
import { ServiceTypeCommandHandler } from './service-type.handler';
import { ServiceTypeLabels } from './service-type-labels.port';
import { serviceTypeIdFor, ServiceTypeCommandMessage } from './service-type.messages';

const NOW = '2026-11-23T10:00:00.000Z';
const PROVIDER = 'provider-1';
const meta = { now: NOW, actorId: PROVIDER, actorRole: 'provider' as const };
const adminMeta = { now: NOW, actorId: 'admin-1', actorRole: 'admin' as const };

/** Knows two postal codes; records what it was asked. */
class FakeGeocoder implements Geocoder {
  asked: Array<[string, string | undefined]> = [];
  async locate(postalCode: string, city?: string): Promise<GeocodedPlace | null> {
    this.asked.push([postalCode, city]);
    if (postalCode === '69003' && (!city || city === 'Lyon'))
      return { postalCode, city: 'Lyon', lat: 45.7597, lng: 4.8422 };
    return null;
  }
}

/** A read model that lags: it knows only what a test tells it. */
class StubLabels extends ServiceTypeLabels {
  holders = new Map<string, string>();
  async holderOf(slug: string, exceptId: string): Promise<string | null> {
    const holder = this.holders.get(slug);
    return holder && holder !== exceptId ? holder : null;
  }
}

describe('ProviderOfferCommandHandler: what the decider cannot know', () => {
  let store: MemoryEventStore;
  let geocoder: FakeGeocoder;
  let offers: ProviderOfferCommandHandler;
  let types: ServiceTypeCommandHandler;
  let labels: StubLabels;

  beforeEach(() => {
    store = new MemoryEventStore();
    geocoder = new FakeGeocoder();
    labels = new StubLabels();
    offers = new ProviderOfferCommandHandler(store, geocoder);
    types = new ServiceTypeCommandHandler(store, labels);
  });

  const send = (command: ProviderOfferCommand) =>
    offers.execute(new ProviderOfferCommandMessage(PROVIDER, command, { correlationId: 'c' }));
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof DomainError ? error.code : error),
    );
  const createType = (label: string) => {
    const serviceTypeId = serviceTypeIdFor(label);
    return types
      .execute(
        new ServiceTypeCommandMessage(
          serviceTypeId,
          {
            type: 'CreateServiceType',
            data: { serviceTypeId, label, description: '', category: 'home' },
            meta: adminMeta,
          },
          { correlationId: 'c' },
        ),
      )
      .then(() => serviceTypeId);
  };
  const offer = (serviceTypeId: string, serviceTypeActive = false): ProviderOfferCommand => ({
    type: 'OfferService',
    // Whatever the sender claims, the handler reads the type's stream.
    data: {
      providerId: PROVIDER,
      serviceTypeId,
      pricing: { kind: 'hourly', hourlyRateCents: 2_000 },
      serviceTypeActive,
    },
    meta,
  });

  it('reads whether the type is active from its stream, whatever the command claims', async () => {
    expect(await refusal(send(offer('st-unknown', true)))).toBe('SERVICE_TYPE_NOT_FOUND');
    const id = await createType('Ménage');
    const result = await send(offer(id, false));
    expect(result.events.map((e) => e.type)).toEqual(['ProviderServiceOffered']);
    await types.execute(
      new ServiceTypeCommandMessage(
        id,
        { type: 'RetireServiceType', data: { serviceTypeId: id }, meta: adminMeta },
        { correlationId: 'c' },
      ),
    );
    expect(
      await refusal(
        send({
          ...offer(id),
          data: { ...offer(id).data, pricing: { kind: 'fixed', fixedPriceCents: 5_000 } },
        } as ProviderOfferCommand),
      ),
    ).toBe('SERVICE_TYPE_NOT_FOUND');
  });

  it('locates the postal code, with the city when given, and refuses an unknown one', async () => {
    const zone = (input: Record<string, unknown>): ProviderOfferCommand => ({
      type: 'SetZone',
      data: {
        providerId: PROVIDER,
        zone: { postalCode: '69003', radiusKm: 10, ...input },
        located: null,
      },
      meta,
    });
    const set = await send(zone({ city: 'Lyon' }));
    expect(set.events[0]).toMatchObject({
      type: 'ProviderZoneSet',
      data: {
        zone: { postalCode: '69003', city: 'Lyon', lat: 45.7597, lng: 4.8422, radiusKm: 10 },
      },
    });
    expect(geocoder.asked).toEqual([['69003', 'Lyon']]);
    expect(await refusal(send(zone({ postalCode: '99999' })))).toBe('POSTAL_CODE_UNKNOWN');
    expect(await refusal(send(zone({ city: 'Villeurbanne' })))).toBe('POSTAL_CODE_UNKNOWN');
    // A malformed code is refused by the decider without asking the dataset.
    expect(await refusal(send(zone({ postalCode: 'abc' })))).toBe('OFFER_INVALID_POSTAL_CODE');
    expect(geocoder.asked.map(([code]) => code)).not.toContain('abc');
  });
});

describe('ServiceTypeCommandHandler: labels already shown by another type', () => {
  it('refuses a rename onto a label whose stream exists, and one the read model says a renamed type shows', async () => {
    const store = new MemoryEventStore();
    const labels = new StubLabels();
    const handler = new ServiceTypeCommandHandler(store, labels);
    const run = (id: string, type: 'CreateServiceType' | 'UpdateServiceType', label: string) =>
      handler
        .execute(
          new ServiceTypeCommandMessage(
            id,
            {
              type,
              data: { serviceTypeId: id, label, description: '', category: 'home' },
              meta: adminMeta,
            },
            { correlationId: 'c' },
          ),
        )
        .then(
          () => null,
          (error: unknown) => (error instanceof DomainError ? error.code : error),
        );
    const menage = serviceTypeIdFor('Ménage');
    const repassage = serviceTypeIdFor('Repassage');
    expect(await run(menage, 'CreateServiceType', 'Ménage')).toBeNull();
    expect(await run(repassage, 'CreateServiceType', 'Repassage')).toBeNull();
    expect(await run(repassage, 'UpdateServiceType', 'menage')).toBe('SERVICE_TYPE_LABEL_TAKEN');
    expect(await run(menage, 'UpdateServiceType', 'Nettoyage')).toBeNull();
    labels.holders.set('nettoyage', menage);
    const nettoyage = serviceTypeIdFor('Nettoyage');
    expect(await run(nettoyage, 'CreateServiceType', 'Nettoyage')).toBe('SERVICE_TYPE_EXISTS');
    expect(await run(repassage, 'UpdateServiceType', 'Nettoyage')).toBe('SERVICE_TYPE_LABEL_TAKEN');
    // A type keeps its own label through an edit of its description.
    expect(await run(menage, 'UpdateServiceType', 'Nettoyage')).toBeNull();
  });
});
