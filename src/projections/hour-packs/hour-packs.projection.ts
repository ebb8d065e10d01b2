import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { hourPackDecider, type HourPackEvent } from '../../domain/plans';
import { HOUR_PACK_EVENT_VERSIONS } from '../../domain/plans/hour-pack.events';
import { Projection, ProjectionSession } from '../runner/projection';
import { isNewer, RowBuffer } from '../runner/row-buffer';
import { HOUR_PACKS, HOUR_PACKS_TABLES, HourPackRow } from './hour-packs.tables';

export const HOUR_PACK_EVENT_TYPES = Object.keys(HOUR_PACK_EVENT_VERSIONS);

/** The row after `event`: the pack's own (total) evolve, so the view never disagrees with the decider. */
export function evolveHourPackRow(
  row: HourPackRow | undefined,
  event: HourPackEvent,
  rev: number,
): HourPackRow | undefined {
  const state = hourPackDecider.evolve(row ? row.state : hourPackDecider.initialState(), event);
  if (state.status === 'none') return row;
  return {
    pack_id: state.packId,
    rev,
    client_id: state.clientId,
    status: state.status,
    service_type_id: state.serviceTypeId,
    purchased_at: state.purchasedAt,
    expires_at: state.expiresAt,
    state,
  };
}

/** The client's hour packs ("Mes packs d'heures"): minutes, missions paid, refunds. */
export class HourPacksProjection implements Projection {
  readonly name = 'hour_packs';
  readonly version = 1;
  readonly handles = [...HOUR_PACK_EVENT_TYPES];
  readonly tables = HOUR_PACKS_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const rows = new RowBuffer(HOUR_PACKS, tx, false, session);
    const idOf = (e: RecordedEvent) => (e.data as { packId: string }).packId;
    await rows.prefetch(events.map(idOf));
    for (const event of events) {
      const row = rows.peek(idOf(event));
      if (row && !isNewer(event.revision, row.rev)) continue;
      const next = evolveHourPackRow(
        row,
        { type: event.type, data: event.data } as HourPackEvent,
        Number(event.revision),
      );
      if (next) rows.put(next);
    }
    await rows.flush();
  }
}
