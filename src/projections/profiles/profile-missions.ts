import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type {
  MissionAppreciated,
  MissionCancelled,
  MissionConfirmed,
  MissionRecommended,
  MissionRequested,
} from '../../domain/missions';
import { ProjectionSession } from '../runner/projection';
import { InsertBuffer, isNewer, RowBuffer } from '../runner/row-buffer';
import {
  MISSION_APPRECIATIONS,
  MISSION_CANCELLATIONS_TABLE,
  MissionAppreciationRow,
  MissionCancellationRow,
  PROFILE_MISSIONS,
  ProfileMissionRow,
} from './profiles.tables';

/** The mission events a provider's public profile shows: cancellations, appreciations, recommendations. */
export const PROFILE_MISSION_EVENTS = [
  'MissionRequested',
  'MissionConfirmed',
  'MissionCancelled',
  'MissionAppreciated',
  'MissionRecommended',
] as const;

const TYPES = new Set<string>(PROFILE_MISSION_EVENTS);

export const isProfileMissionEvent = (event: RecordedEvent): boolean => TYPES.has(event.type);

const missionIdOf = (event: RecordedEvent): string =>
  (event.data as { missionId: string }).missionId;

/** The buffers of one batch; mission events go through `apply`, in log order. */
export class ProfileMissions {
  private readonly seen: RowBuffer<ProfileMissionRow>;
  readonly appreciations: RowBuffer<MissionAppreciationRow>;
  readonly cancellations: InsertBuffer<MissionCancellationRow>;

  constructor(tx: PoolClient, session?: ProjectionSession) {
    this.seen = new RowBuffer(PROFILE_MISSIONS, tx, false, session);
    this.appreciations = new RowBuffer(MISSION_APPRECIATIONS, tx, false, session);
    this.cancellations = new InsertBuffer(MISSION_CANCELLATIONS_TABLE, tx);
  }

  async prefetch(events: RecordedEvent[]): Promise<void> {
    const ids = events.filter(isProfileMissionEvent).map(missionIdOf);
    await this.seen.prefetch(ids);
    await this.appreciations.prefetch(ids);
  }

  apply(event: RecordedEvent): void {
    const missionId = missionIdOf(event);
    const row = this.seen.peek(missionId) ?? {
      mission_id: missionId,
      rev: -1,
      client_id: null,
      provider_id: null,
    };
    if (!isNewer(event.revision, row.rev)) return;
    row.rev = Number(event.revision);
    this.seen.put(row);
    switch (event.type) {
      case 'MissionRequested':
        row.client_id = (event.data as MissionRequested['data']).clientId;
        return;
      case 'MissionConfirmed':
        row.provider_id ??= (event.data as MissionConfirmed['data']).providerId;
        return;
      case 'MissionCancelled': {
        const d = event.data as MissionCancelled['data'];
        // A request no provider had accepted marks nobody's profile.
        if (!row.provider_id || !row.client_id) return;
        this.cancellations.add({
          mission_id: missionId,
          provider_id: row.provider_id,
          client_id: row.client_id,
          cancelled_by: d.cancelledBy,
          actor_id: d.actorId ?? null,
          from_status: d.from,
          late: d.late,
          fee_cents: d.feeCents,
          cancelled_at: d.cancelledAt,
        });
        return;
      }
      case 'MissionAppreciated': {
        const d = event.data as MissionAppreciated['data'];
        if (this.appreciations.peek(missionId)) return;
        this.appreciations.put({
          mission_id: missionId,
          provider_id: d.providerId,
          client_id: d.clientId,
          appreciation: d.appreciation,
          comment: d.comment || null,
          appreciated_at: d.appreciatedAt,
          recommendation: null,
          recommended_at: null,
        });
        return;
      }
      case 'MissionRecommended': {
        const d = event.data as MissionRecommended['data'];
        const appreciation = this.appreciations.peek(missionId);
        if (!appreciation || appreciation.recommended_at) return;
        appreciation.recommendation = d.text;
        appreciation.recommended_at = d.recommendedAt;
        this.appreciations.put(appreciation);
        return;
      }
      default:
        return;
    }
  }

  /** An erased client's words go with them; the appreciation's value stays on the provider's profile. */
  async eraseClient(tx: PoolClient, accountId: string): Promise<void> {
    for (const row of this.appreciations.loaded())
      if (row.client_id === accountId && (row.comment !== null || row.recommendation !== null))
        this.appreciations.put({ ...row, comment: null, recommendation: null });
    await this.appreciations.flush();
    await tx.query(
      'UPDATE mission_appreciations SET comment = NULL, recommendation = NULL WHERE client_id = $1',
      [accountId],
    );
  }

  async flush(): Promise<void> {
    await this.seen.flush();
    await this.appreciations.flush();
    await this.cancellations.flush();
  }
}
