import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { serviceTypeSlug, type ServiceTypeEvent } from '../../domain/missions/offers';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { isNewer, RowBuffer } from '../runner/row-buffer';
import { SERVICE_TYPES, SERVICE_TYPES_TABLES, ServiceTypeRow } from './service-types.tables';

export const SERVICE_TYPE_EVENT_TYPES = [
  'ServiceTypeCreated',
  'ServiceTypeUpdated',
  'ServiceTypeRetired',
] as const;

/** One row per type; a redelivered or older event (by stream revision) changes nothing. */
export function evolveServiceTypeRow(
  row: ServiceTypeRow | undefined,
  event: ServiceTypeEvent,
  rev: number,
  at: string,
): ServiceTypeRow | undefined {
  switch (event.type) {
    case 'ServiceTypeCreated': {
      if (row) return { ...row, rev };
      const d = event.data;
      return {
        service_type_id: d.serviceTypeId,
        rev,
        slug: serviceTypeSlug(d.label),
        label: d.label,
        description: d.description,
        category: d.category,
        status: 'active',
        created_at: d.createdAt,
        updated_at: at,
        retired_at: null,
      };
    }
    case 'ServiceTypeUpdated': {
      if (!row) return undefined;
      const d = event.data;
      return {
        ...row,
        rev,
        slug: serviceTypeSlug(d.label),
        label: d.label,
        description: d.description,
        category: d.category,
        updated_at: at,
      };
    }
    case 'ServiceTypeRetired':
      if (!row) return undefined;
      return { ...row, rev, status: 'retired', retired_at: event.data.retiredAt, updated_at: at };
    default:
      event satisfies never;
      return row;
  }
}

/** The catalogue of service types, for the public list and the label checks. */
export class ServiceTypesProjection implements Projection {
  readonly name = 'service_types';
  readonly version = 1;
  readonly handles = [...SERVICE_TYPE_EVENT_TYPES];
  readonly tables = SERVICE_TYPES_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const rows = new RowBuffer(SERVICE_TYPES, tx, false, session);
    const idOf = (e: RecordedEvent) => (e.data as { serviceTypeId: string }).serviceTypeId;
    await rows.prefetch(events.map(idOf));
    for (const event of events) {
      const row = rows.peek(idOf(event));
      if (row && !isNewer(event.revision, row.rev)) continue;
      const next = evolveServiceTypeRow(
        row,
        event as unknown as ServiceTypeEvent,
        Number(event.revision),
        occurredAt(event),
      );
      if (next) rows.put(next);
    }
    await rows.flush();
  }
}
