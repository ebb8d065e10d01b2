import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type {
  MissionChangeAccepted,
  MissionDisputeClosed,
  MissionRequestChanged,
  MissionRequested,
} from '../../domain/missions';
import type { HourPackCommand, HourPackPurchased } from '../../domain/plans';
import { ConcurrencyError, DomainError } from '../../domain/shared';
import { MissionCommandMessage, missionStream } from '../missions/mission.messages';
import { JobScheduler } from '../scheduling/job-scheduler.port';
import { PlanJob, scheduled } from '../scheduling/jobs';
import { CausationContext } from '../shared/command-handling';
import {
  EVENT_STORE,
  EventStore,
  RecordedEvent,
  StreamNotFoundError,
} from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { hourPackIds } from './hour-pack-ids';
import { HourPackExpiry } from './hour-pack-expiry.job';
import { HourPackCommandMessage } from './hour-pack.messages';

/** The mission facts the pack needs, folded from the mission's own events (known by their types only). */
export interface PackMission {
  missionId: string;
  hourPackId: string;
  startsAt: string;
  durationMinutes: number;
}

export function packMissionOf(
  events: readonly { type: string; data: unknown; revision: bigint }[],
  uptoRevision?: bigint,
): PackMission | null {
  let mission = null as PackMission | null;
  for (const e of events) {
    if (uptoRevision !== undefined && e.revision > uptoRevision) break;
    if (e.type === 'MissionRequested') {
      const d = e.data as MissionRequested['data'];
      if (d.paymentPlan !== 'hour_pack' || !d.hourPackId) return null;
      mission = {
        missionId: d.missionId,
        hourPackId: d.hourPackId,
        startsAt: d.startsAt,
        durationMinutes: d.durationMinutes,
      };
    } else if (
      mission &&
      (e.type === 'MissionRequestChanged' || e.type === 'MissionChangeAccepted')
    ) {
      const d = e.data as MissionRequestChanged['data'] | MissionChangeAccepted['data'];
      const known: PackMission = mission;
      mission = { ...known, startsAt: d.startsAt, durationMinutes: d.durationMinutes };
    }
  }
  return mission;
}

export const HOUR_PACK_MISSION_TRIGGERS = [
  'MissionConfirmed',
  'MissionValidated',
  'MissionCancelled',
  'MissionExpired',
  'MissionDisputeClosed',
] as const;

/** Why the system cancels a pack mission whose pack could not reserve its minutes at confirmation. */
export const HOUR_PACK_UNAVAILABLE_REASON =
  'Le pack d’heures ne couvre plus cette mission (heures déjà utilisées, pack expiré ou rétracté).';

/**
 * Ties hour packs to the missions they pay (docs/plans-hour-packs.md):
 * - `HourPackPurchased` schedules the expiry at `expiresAt`;
 * - `MissionConfirmed` reserves the mission's minutes; when the pack no longer has them (another
 *   mission took them first, the pack expired or was withdrawn) the system cancels the mission;
 * - `MissionValidated` consumes them; `MissionCancelled` / `MissionExpired` release them;
 * - a dispute's decision that refunds the client anything releases them, else they are consumed;
 * - minutes released after the pack expired are refunded at once (the expiry runs again).
 * Idempotent: event ids derive from the causing event, and the pack answers a repeat with nothing.
 */
@Injectable()
export class HourPackReactor implements Reactor {
  readonly name = 'plans.hour-packs';
  readonly filter = {
    categories: ['mission', 'hourpack'],
    eventTypePrefixes: [
      ...HOUR_PACK_MISSION_TRIGGERS,
      'HourPackPurchased',
      'HourPackHoursReleased',
    ],
  };
  private readonly logger = new Logger('HourPacks');

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scheduler: JobScheduler,
    private readonly expiry: HourPackExpiry,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    const causation: CausationContext = {
      correlationId: String(event.metadata.correlationId ?? event.id),
      causationId: event.id,
    };
    const now = String(event.metadata.occurredAt ?? event.recordedAt.toISOString());
    if (event.type === 'HourPackPurchased') return this.scheduleExpiry(event, causation);
    if (event.type === 'HourPackHoursReleased') return this.afterRelease(event, causation);
    if (!(HOUR_PACK_MISSION_TRIGGERS as readonly string[]).includes(event.type)) return;
    const missionId = (event.data as { missionId: string }).missionId;
    const mission = packMissionOf(await this.read(missionStream(missionId)), event.revision);
    if (mission === null) return;
    const send = (command: Omit<HourPackCommand, 'meta'>, step: string) =>
      this.commandBus.execute(
        new HourPackCommandMessage(
          mission.hourPackId,
          { ...command, meta: { now, actorId: 'system', actorRole: 'system' } } as HourPackCommand,
          causation,
          { eventIds: hourPackIds.events(event.id, step) },
        ),
      );
    const ids = { packId: mission.hourPackId, missionId };
    switch (event.type) {
      case 'MissionConfirmed':
        try {
          await send(
            {
              type: 'ReserveHourPackHours',
              data: { ...ids, minutes: mission.durationMinutes, startsAt: mission.startsAt },
            },
            'reserve',
          );
        } catch (error) {
          if (!(error instanceof DomainError) || error instanceof ConcurrencyError) throw error;
          this.logger.warn(
            `Mission ${missionId}: pack ${mission.hourPackId} refused (${error.code})`,
          );
          await this.cancelMission(missionId, now, causation, event.id);
        }
        return;
      case 'MissionValidated':
        await send({ type: 'ConsumeHourPackHours', data: ids }, 'consume');
        return;
      case 'MissionCancelled':
      case 'MissionExpired':
        await send({ type: 'ReleaseHourPackHours', data: ids }, 'release');
        return;
      case 'MissionDisputeClosed': {
        const d = event.data as MissionDisputeClosed['data'];
        if (d.outcome !== 'decided') return;
        if (d.refundedToClientCents > 0)
          await send({ type: 'ReleaseHourPackHours', data: ids }, 'release');
        else await send({ type: 'ConsumeHourPackHours', data: ids }, 'consume');
        return;
      }
      default:
        return;
    }
  }

  private async cancelMission(
    missionId: string,
    now: string,
    causation: CausationContext,
    causeId: string,
  ): Promise<void> {
    try {
      await this.commandBus.execute(
        new MissionCommandMessage(
          missionId,
          {
            type: 'CancelMission',
            data: {
              missionId,
              cancelledBy: 'system',
              reason: HOUR_PACK_UNAVAILABLE_REASON,
              lateWindowHours: 0,
              lateFeeBp: 0,
            },
            meta: { now, actorId: 'system', actorRole: 'system' },
          },
          causation,
          { eventIds: hourPackIds.events(causeId, 'cancel-mission') },
        ),
      );
    } catch (error) {
      // The mission ended meanwhile (cancelled by a party): nothing left to do.
      if (!(error instanceof DomainError) || error instanceof ConcurrencyError) throw error;
    }
  }

  private async scheduleExpiry(event: RecordedEvent, causation: CausationContext): Promise<void> {
    const d = event.data as HourPackPurchased['data'];
    await this.scheduler.schedule([
      scheduled<PlanJob>(
        {
          kind: 'hour-pack.expire',
          packId: d.packId,
          expiresAt: d.expiresAt,
          dueAt: d.expiresAt,
          causationId: event.id,
          correlationId: causation.correlationId,
        },
        event.id,
      ),
    ]);
  }

  /** Minutes given back after the expiry are unused for good: refunded at once. */
  private async afterRelease(event: RecordedEvent, causation: CausationContext): Promise<void> {
    const packId = (event.data as { packId: string }).packId;
    const events = await this.read(`hourpack-${packId}`);
    const expired = events.some((e) => e.type === 'HourPackExpired' && e.revision < event.revision);
    if (!expired) return;
    await this.expiry.expire(packId, causation, {
      eventIds: hourPackIds.events(event.id, 'refund'),
    });
  }

  private async read(stream: string): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(stream);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
