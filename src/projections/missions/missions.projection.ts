import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { MissionEvent, MissionMessagePosted } from '../../domain/missions';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { InsertBuffer, isNewer, RowBuffer } from '../runner/row-buffer';
import {
  applyPartyEvent,
  isPartyEvent,
  PARTY_EVENTS,
  partiesBuffer,
  partyKey,
} from '../shared/parties';
import { candidateRows, eraseClient, evolveMissionRow } from './missions.evolve';
import {
  MISSION_CANDIDATES_TABLE,
  MISSION_MESSAGES_TABLE,
  MISSION_VIEWS,
  MissionMessageRow,
  MISSIONS_TABLES,
  MissionViewRow,
} from './missions.tables';

export const MISSION_EVENT_TYPES = [
  'MissionRequested',
  'MissionRefusedByProvider',
  'MissionConfirmed',
  'MissionRequestChanged',
  'MissionChangeProposed',
  'MissionChangeAccepted',
  'MissionChangeRefused',
  'MissionChangeWithdrawn',
  'MissionPaymentAuthorised',
  'MissionPaymentAuthorisationFailed',
  'MissionPaymentMethodReplaced',
  'MissionMessagePosted',
  'MissionCancelled',
  'MissionExpired',
  'MissionValidated',
  'MissionProblemReported',
  'MissionDisputeClosed',
  'MissionAppreciated',
  'MissionRecommended',
] as const satisfies readonly MissionEvent['type'][];

const MISSION_TYPES = new Set<string>(MISSION_EVENT_TYPES);

const missionIdOf = (e: RecordedEvent): string | undefined => {
  const v = (e.data as { missionId?: unknown }).missionId;
  return typeof v === 'string' ? v : undefined;
};

/**
 * The client area, the provider's agenda and the staff list (seed 002 "Vos demandes",
 * "Historique"): one row per mission, who may see a pending request, the conversation, and the
 * names of the parties.
 */
export class MissionsProjection implements Projection {
  readonly name = 'missions';
  readonly version = 1;
  readonly handles = [...MISSION_EVENT_TYPES, ...PARTY_EVENTS];
  readonly tables = MISSIONS_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const missions = new RowBuffer(MISSION_VIEWS, tx, false, session);
    const candidates = new RowBuffer(MISSION_CANDIDATES_TABLE, tx, false, session);
    const messages = new InsertBuffer<MissionMessageRow>(MISSION_MESSAGES_TABLE, tx);
    const parties = partiesBuffer(tx, session);
    await missions.prefetch(events.filter((e) => MISSION_TYPES.has(e.type)).map(missionIdOf));
    await parties.prefetch(events.filter(isPartyEvent).map(partyKey));
    for (const event of events) {
      if (isPartyEvent(event)) {
        const erased = await applyPartyEvent(parties, event);
        if (erased) await this.eraseClient(tx, missions, messages, erased.account_id);
        continue;
      }
      if (!MISSION_TYPES.has(event.type)) continue;
      const id = missionIdOf(event);
      const row = id ? missions.peek(id) : undefined;
      if (!id || (row && !isNewer(event.revision, row.rev))) continue;
      const rev = Number(event.revision);
      const before = row?.state;
      const mission = event as unknown as MissionEvent;
      const next = evolveMissionRow(row ? { ...row } : undefined, mission, rev, occurredAt(event));
      if (!next) continue;
      missions.put(next);
      if (next.state.status !== 'none' && before !== next.state)
        for (const c of candidateRows(before, next.state)) candidates.put(c);
      if (mission.type === 'MissionMessagePosted') messages.add(messageRow(mission, rev));
    }
    await missions.flush();
    await candidates.flush();
    await messages.flush();
    await parties.flush();
  }

  /** An erased client's address, details, words and messages leave the read model. */
  private async eraseClient(
    tx: PoolClient,
    missions: RowBuffer<MissionViewRow>,
    messages: InsertBuffer<MissionMessageRow>,
    accountId: string,
  ): Promise<void> {
    await missions.flush();
    await messages.flush();
    const { rows } = await tx.query<{ mission_id: string }>(
      'SELECT mission_id FROM mission_views WHERE client_id = $1',
      [accountId],
    );
    await missions.prefetch(rows.map((r) => r.mission_id));
    for (const { mission_id } of rows) {
      const row = missions.peek(mission_id);
      if (row) missions.put(eraseClient(row));
    }
    await tx.query('UPDATE mission_messages SET text = NULL WHERE author_id = $1', [accountId]);
  }
}

function messageRow(event: MissionMessagePosted, rev: number): MissionMessageRow {
  const d = event.data;
  return {
    message_id: d.messageId,
    mission_id: d.missionId,
    author_id: d.authorId,
    text: d.text,
    file_refs: d.fileRefs,
    posted_at: d.postedAt,
    rev,
  };
}
