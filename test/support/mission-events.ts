import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import {
  MissionCommandMessage,
  missionStream,
} from '../../src/application/missions/mission.messages';
import { aggregateCommandHandler } from '../../src/application/shared/aggregate-command';
import { EVENT_STORE, EventStore } from '../../src/application/shared/event-store.port';
import { missionDecider } from '../../src/domain/missions';
import type {
  MissionConfirmed,
  MissionEvent,
  MissionRequested,
  MissionValidated,
} from '../../src/domain/missions';
import { percentOf } from '../../src/domain/shared';
import type { TestApp } from './test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** When each mission event happened, as its own data says. */
function occurredAtOf(event: MissionEvent): string {
  const d = event.data as unknown as Record<string, unknown>;
  const key = Object.keys(d).find(
    (k) =>
      k.endsWith('At') &&
      !['startsAt', 'authoriseAt', 'autoValidateAt', 'nextAttemptAt'].includes(k) &&
      k !== 'respondBy',
  );
  return String(key ? d[key] : new Date().toISOString());
}

/**
 * Appends a mission's events straight to its stream (as the mission aggregate would have
 * decided them), so the money process can be driven before or without the missions HTTP routes.
 */
export async function appendMissionEvents(
  t: TestApp,
  missionId: string,
  events: MissionEvent[],
  actor: { actorId: string; actorRole: string } = { actorId: 'system', actorRole: 'system' },
): Promise<void> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const correlationId = randomUUID();
  await store.appendToStream(
    missionStream(missionId),
    events.map((e) => ({
      id: randomUUID(),
      type: e.type,
      data: e.data,
      metadata: {
        correlationId,
        causationId: correlationId,
        ...actor,
        occurredAt: occurredAtOf(e),
      },
    })),
    { expectedRevision: 'any' },
  );
}

/**
 * Until the missions module registers the mission's command handler, the money process's
 * commands (RecordMissionAuthorisation, CancelMission by the system, ValidateMission) reach the
 * real aggregate through this one, built the same way (`aggregateCommandHandler`).
 */
export function ensureMissionCommandHandler(t: TestApp): void {
  const bus = t.app.get(CommandBus) as unknown as {
    handlers: Map<string, (c: unknown) => unknown>;
  };
  let meta = Reflect.getMetadata('__command__', MissionCommandMessage) as
    { id: string } | undefined;
  if (meta && bus.handlers.has(meta.id)) return;
  if (!meta) {
    meta = { id: randomUUID() };
    Reflect.defineMetadata('__command__', meta, MissionCommandMessage);
  }
  const Handler = aggregateCommandHandler(missionDecider, missionStream);
  const handler = new Handler(t.app.get<EventStore>(EVENT_STORE));
  bus.handlers.set(meta.id, (command) => handler.execute(command as MissionCommandMessage));
}

export interface MissionFixture {
  missionId: string;
  escrowId: string;
  clientId: string;
  providerId: string;
  priceCents: number;
  commissionRateBp: number;
  requested: MissionRequested;
}

/**
 * A published request: `startsInDays` from `now` decides the plan (4 days or less: authorise
 * now; further: authorise 4 days before the start; automatic validation 2 days after it). The provider's price is `priceCents`, the
 * reservation `reservedCents` (the highest candidate price).
 */
export function missionRequested(options: {
  now: Date;
  startsInDays: number;
  priceCents?: number;
  reservedCents?: number;
  paymentMethodRef?: string;
  commissionRateBp?: number;
  clientId?: string;
}): MissionFixture {
  const missionId = randomUUID();
  const escrowId = randomUUID();
  const clientId = options.clientId ?? randomUUID();
  const providerId = randomUUID();
  const priceCents = options.priceCents ?? 9_000;
  const reservedCents = options.reservedCents ?? priceCents;
  const commissionRateBp = options.commissionRateBp ?? 1_500;
  const now = options.now.getTime();
  const startsAt = now + options.startsInDays * DAY;
  // As the missions context computes it: the authorisation (≈ 7 days) must outlive autoValidateAt.
  const later = options.startsInDays > 4;
  const authoriseAt = later ? startsAt - 4 * DAY : now;
  const requested: MissionRequested = {
    type: 'MissionRequested',
    data: {
      missionId,
      escrowId,
      clientId,
      serviceTypeId: 'menage',
      serviceTypeLabel: 'Ménage',
      place: {
        address: '1 rue de la Paix',
        postalCode: '75002',
        city: 'Paris',
        lat: 48.869,
        lng: 2.331,
      },
      targeting: 'direct',
      candidates: [{ providerId, rank: 1, pricing: { kind: 'fixed' }, priceCents: reservedCents }],
      reservedCents,
      commissionRateBp,
      paymentPlan: later ? 'authorise_later' : 'authorise_now',
      authoriseAt: iso(authoriseAt),
      paymentMethodRef: options.paymentMethodRef ?? 'pm_card_visa',
      respondBy: iso(Math.min(startsAt - HOUR, now + 2 * DAY)),
      // Within the authorisation's life: authorised + 7 days is after it.
      autoValidateAt: iso(startsAt + 2 * DAY),
      startsAt: iso(startsAt),
      durationMinutes: 120,
      details: 'Deux pièces',
      requestedAt: iso(now),
    },
  };
  return { missionId, escrowId, clientId, providerId, priceCents, commissionRateBp, requested };
}

export function missionConfirmed(m: MissionFixture, at: Date): MissionConfirmed {
  const commissionCents = percentOf(m.priceCents, m.commissionRateBp);
  return {
    type: 'MissionConfirmed',
    data: {
      missionId: m.missionId,
      clientId: m.clientId,
      providerId: m.providerId,
      priceCents: m.priceCents,
      commissionCents,
      providerNetCents: m.priceCents - commissionCents,
      releasedReservationCents: m.requested.data.reservedCents - m.priceCents,
      confirmedAt: at.toISOString(),
    },
  };
}

export function missionValidated(
  m: MissionFixture,
  at: Date,
  validatedBy: 'client' | 'system' = 'client',
): MissionValidated {
  const commissionCents = percentOf(m.priceCents, m.commissionRateBp);
  return {
    type: 'MissionValidated',
    data: {
      missionId: m.missionId,
      clientId: m.clientId,
      providerId: m.providerId,
      validatedBy,
      priceCents: m.priceCents,
      commissionCents,
      providerNetCents: m.priceCents - commissionCents,
      validatedAt: at.toISOString(),
    },
  };
}
