import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  missionDecider,
  MissionCandidate,
  MissionEvent,
  MissionState,
} from '../../domain/missions';
import { DomainError } from '../../domain/shared';
import { PaymentDeclinedError } from '../payments/payment-gateway.port';
import { EventStore, RecordedEvent, StreamNotFoundError } from '../shared/event-store.port';
import { FindProviderByReferenceQuery } from '../identity/provider-reference.query';
import { Geocoder } from './geocoder.port';
import { CandidateQuery, MissionCandidates } from './mission-candidates.port';
import { MissionPayments } from './mission-payments.port';
import { MissionRequests, PublishMissionInput } from './mission-request.service';
import { MissionSettings } from './mission-settings';
import { MissionCommandMessage } from './mission.messages';

const NOW = '2026-12-01T09:00:00.000Z';
const CLIENT = 'client-1';
const MISSION = 'mission-1';
const SETTINGS: MissionSettings = {
  commissionBp: 1_500,
  responseHours: 24,
  authorisationWindowHours: 144,
  autoValidateHours: 48,
  lateCancelWindowHours: 24,
  lateCancelFeeBp: 0,
  dispatchLimit: 20,
};
const hourly = (providerId: string, rate: number, minutes = 120): MissionCandidate => ({
  providerId,
  rank: 1,
  pricing: { kind: 'hourly', hourlyRateCents: rate },
  priceCents: (rate * minutes) / 60,
});

/** The mission stream in memory: the bus runs the real decider, as the Nest handler does. */
class World {
  events: MissionEvent[] = [];
  commands: MissionCommandMessage[] = [];
  secured: Parameters<MissionPayments['secure']>[0][] = [];
  queries: CandidateQuery[] = [];
  offered: MissionCandidate[] = [hourly('p-1', 3_000), hourly('p-2', 4_500)];
  labels: Record<string, string> = { cleaning: 'Ménage' };
  declined = false;
  references: Record<string, string> = { 'PR-7K3Q9': 'p-9' };

  state(): MissionState {
    return this.events.reduce(missionDecider.evolve, missionDecider.initialState());
  }

  readonly bus = {
    execute: async (message: MissionCommandMessage) => {
      this.commands.push(message);
      const state = this.state();
      const command =
        typeof message.command === 'function' ? await message.command(state) : message.command;
      const events = missionDecider.decide(command, state);
      this.events.push(...events);
      return {
        events,
        eventIds: [],
        state: this.state(),
        nextExpectedRevision: 0n,
        position: null,
      };
    },
  } as unknown as CommandBus;

  readonly queryBus = {
    execute: async (query: FindProviderByReferenceQuery) => {
      const providerId = this.references[query.reference.toUpperCase()];
      return providerId ? { providerId, providerReference: query.reference.toUpperCase() } : null;
    },
  } as unknown as QueryBus;

  readonly store = {
    readStream: async (): Promise<RecordedEvent[]> => {
      if (this.events.length === 0) throw new StreamNotFoundError(MISSION);
      return this.events.map((e, i) => ({
        id: `e-${i}`,
        streamName: `mission-${MISSION}`,
        revision: BigInt(i),
        position: { commit: BigInt(i + 1), prepare: BigInt(i + 1) },
        type: e.type,
        schemaVersion: 1,
        data: e.data,
        metadata: {},
        recordedAt: new Date(NOW),
      }));
    },
  } as unknown as EventStore;

  readonly candidates: MissionCandidates = {
    available: async (query) => {
      this.queries.push(query);
      return this.offered;
    },
    direct: async (providerId, query) => {
      this.queries.push(query);
      return providerId === 'p-9' ? hourly('p-9', 2_400, query.durationMinutes) : null;
    },
    serviceTypeLabel: async (id) => this.labels[id] ?? null,
  };

  readonly geocoder: Geocoder = {
    locate: async (postalCode) =>
      postalCode === '69003' ? { postalCode, city: 'Lyon', lat: 45.76, lng: 4.85 } : null,
  };

  readonly payments: MissionPayments = {
    secure: async (request) => {
      if (this.declined) throw new PaymentDeclinedError('card_declined');
      this.secured.push(request);
      return { paymentMethodRef: `ref-${this.secured.length}` };
    },
    saveReplacement: async () => ({ paymentMethodRef: 'ref-replacement' }),
  };

  readonly service = new MissionRequests(
    this.bus,
    this.queryBus,
    this.store,
    this.candidates,
    this.geocoder,
    this.payments,
    SETTINGS,
  );
}

const meta = (actorId = CLIENT, now = NOW) => ({ now, actorId, actorRole: 'client' as const });
const causation = { correlationId: 'corr-1' };
const input = (over: Partial<PublishMissionInput> = {}): PublishMissionInput => ({
  missionId: MISSION,
  clientId: CLIENT,
  serviceTypeId: 'cleaning',
  place: { address: '12 rue des Lilas', postalCode: '69003' },
  startsAt: '2026-12-03T09:00:00.000Z',
  durationMinutes: 120,
  details: 'Digicode 4521',
  paymentMethod: 'pm_card_visa',
  ...over,
});

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('publishing a mission request', () => {
  it('sends the request to the available providers with the highest price reserved and the schedule derived', async () => {
    const w = new World();
    const result = await w.service.publish(input(), meta(), causation);
    expect(result.state).toMatchObject({
      status: 'pending',
      serviceTypeLabel: 'Ménage',
      targeting: 'dispatch',
      reservedCents: 9_000,
      commissionRateBp: 1_500,
      place: { city: 'Lyon', lat: 45.76, lng: 4.85, postalCode: '69003' },
      respondBy: '2026-12-02T09:00:00.000Z',
      autoValidateAt: '2026-12-05T11:00:00.000Z',
      payment: { plan: 'authorise_now', authoriseAt: NOW, paymentMethodRef: 'ref-1' },
    });
    expect(w.secured).toEqual([
      expect.objectContaining({ missionId: MISSION, amountCents: 9_000, plan: 'authorise_now' }),
    ]);
    expect(w.queries[0]).toMatchObject({ limit: 20, place: { lat: 45.76, lng: 4.85 } });
  });

  it('saves the card to authorise later for a mission beyond the authorisation window', async () => {
    const w = new World();
    const result = await w.service.publish(
      input({ startsAt: '2026-12-15T09:00:00.000Z' }),
      meta(),
      causation,
    );
    expect(result.state).toMatchObject({
      payment: { plan: 'authorise_later', authoriseAt: '2026-12-11T11:00:00.000Z' },
    });
    expect(w.secured[0].plan).toBe('authorise_later');
  });

  it('keeps given coordinates and never sends the request to the client themselves', async () => {
    const w = new World();
    w.offered = [hourly(CLIENT, 9_000), hourly('p-2', 4_500)];
    const result = await w.service.publish(
      input({ place: { address: 'x', postalCode: '75011', city: 'Paris', lat: 48.86, lng: 2.37 } }),
      meta(),
      causation,
    );
    expect(result.state).toMatchObject({
      candidates: [{ providerId: 'p-2', rank: 1 }],
      reservedCents: 9_000,
      place: { city: 'Paris', lat: 48.86 },
    });
  });

  it('addresses a request by provider reference to that provider only', async () => {
    const w = new World();
    const result = await w.service.publish(
      input({ providerReference: 'pr-7k3q9' }),
      meta(),
      causation,
    );
    expect(result.state).toMatchObject({
      targeting: 'direct',
      candidates: [{ providerId: 'p-9', priceCents: 4_800 }],
      reservedCents: 4_800,
    });
  });

  it.each([
    ['an unknown service type', input({ serviceTypeId: 'astrology' }), 'SERVICE_TYPE_NOT_FOUND'],
    [
      'an unknown postal code',
      input({ place: { address: 'x', postalCode: '00000' } }),
      'POSTAL_CODE_UNKNOWN',
    ],
    [
      'an unknown reference',
      input({ providerReference: 'PR-2222Z' }),
      'PROVIDER_REFERENCE_UNKNOWN',
    ],
    [
      'a start in the past',
      input({ startsAt: '2026-11-30T09:00:00.000Z' }),
      'MISSION_START_IN_PAST',
    ],
  ])('refuses %s and writes nothing', async (_name, request, code) => {
    const w = new World();
    expect(await codeOf(() => w.service.publish(request, meta(), causation))).toBe(code);
    expect(w.events).toEqual([]);
    expect(w.secured).toEqual([]);
  });

  it('refuses a request no provider can take', async () => {
    const w = new World();
    w.offered = [];
    expect(await codeOf(() => w.service.publish(input(), meta(), causation))).toBe(
      'MISSION_NO_AVAILABLE_PROVIDER',
    );
  });

  it('refuses a provider who does not offer the service', async () => {
    const w = new World();
    w.references['PR-3333Z'] = 'p-3';
    expect(
      await codeOf(() =>
        w.service.publish(input({ providerReference: 'PR-3333Z' }), meta(), causation),
      ),
    ).toBe('PROVIDER_DOES_NOT_OFFER_SERVICE');
  });

  it('writes nothing when the card is declined', async () => {
    const w = new World();
    w.declined = true;
    expect(await codeOf(() => w.service.publish(input(), meta(), causation))).toBe(
      'PAYMENT_DECLINED',
    );
    expect(w.commands).toEqual([]);
  });
});

describe('changing a request before any confirmation', () => {
  it('sends it again to the providers found for the new terms, the reservation following their prices', async () => {
    const w = new World();
    await w.service.publish(input(), meta(), causation);
    w.offered = [hourly('p-1', 6_000)];
    const result = await w.service.change(
      { missionId: MISSION, durationMinutes: 180 },
      meta(CLIENT, '2026-12-01T10:00:00.000Z'),
      causation,
    );
    expect(result.state).toMatchObject({
      status: 'pending',
      terms: { durationMinutes: 180, details: 'Digicode 4521' },
      candidates: [{ providerId: 'p-1', rank: 1 }],
      reservedCents: 12_000,
      respondBy: '2026-12-02T10:00:00.000Z',
    });
    expect(w.queries[1]).toMatchObject({ ignoreMissionId: MISSION, durationMinutes: 180 });
    // The money process authorises the larger reservation from the event; nothing is secured here.
    expect(w.secured).toHaveLength(1);
  });

  it('keeps a direct request with its provider', async () => {
    const w = new World();
    await w.service.publish(input({ providerReference: 'PR-7K3Q9' }), meta(), causation);
    const result = await w.service.change(
      { missionId: MISSION, durationMinutes: 60 },
      meta(),
      causation,
    );
    expect(result.state).toMatchObject({
      candidates: [{ providerId: 'p-9', priceCents: 2_400 }],
      reservedCents: 2_400,
    });
  });

  it('tells anyone but the parties that the mission does not exist', async () => {
    const w = new World();
    await w.service.publish(input(), meta(), causation);
    expect(
      await codeOf(() =>
        w.service.change({ missionId: MISSION, details: 'x' }, meta('stranger'), causation),
      ),
    ).toBe('MISSION_NOT_FOUND');
  });

  it('refuses a change once a provider accepted, naming the status', async () => {
    const w = new World();
    await w.service.publish(input(), meta(), causation);
    w.events.push(
      ...missionDecider.decide(
        {
          type: 'AcceptMission',
          data: { missionId: MISSION, providerId: 'p-1', providerVerified: true },
          meta: { now: NOW, actorId: 'p-1', actorRole: 'provider' },
        },
        w.state(),
      ),
    );
    expect(
      await codeOf(() => w.service.change({ missionId: MISSION, details: 'x' }, meta(), causation)),
    ).toBe('MISSION_NOT_PENDING');
  });
});
