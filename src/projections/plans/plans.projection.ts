import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { PlanEvent } from '../../domain/plans';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { isNewer, RowBuffer } from '../runner/row-buffer';
import { PLANS, PLANS_TABLES, PlanRow } from './plans.tables';

export const PLAN_EVENT_TYPES = ['PlanDefined', 'PlanRevised', 'PlanRetired'] as const;

/** One row per plan, its current version and the history of versions; pure, for the unit spec. */
export function evolvePlanRow(
  row: PlanRow | undefined,
  event: PlanEvent,
  rev: number,
  at: string,
): PlanRow | undefined {
  switch (event.type) {
    case 'PlanDefined': {
      if (row) return { ...row, rev };
      const d = event.data;
      return {
        plan_id: d.planId,
        rev,
        kind: d.kind,
        name: d.name,
        description: d.description,
        version: 1,
        price_ttc_cents: d.terms.priceTtcCents,
        period: d.terms.period,
        benefits: d.terms.benefits,
        credits: d.terms.credits,
        hour_pack: d.terms.hourPack,
        status: 'active',
        versions: [
          {
            version: 1,
            priceTtcCents: d.terms.priceTtcCents,
            period: d.terms.period,
            effectiveFrom: d.definedAt,
          },
        ],
        defined_at: d.definedAt,
        updated_at: at,
        retired_at: null,
      };
    }
    case 'PlanRevised': {
      if (!row) return undefined;
      const d = event.data;
      if (d.version <= row.version) return { ...row, rev };
      return {
        ...row,
        rev,
        name: d.name,
        description: d.description,
        version: d.version,
        price_ttc_cents: d.terms.priceTtcCents,
        period: d.terms.period,
        benefits: d.terms.benefits,
        credits: d.terms.credits,
        hour_pack: d.terms.hourPack,
        versions: [
          ...row.versions,
          {
            version: d.version,
            priceTtcCents: d.terms.priceTtcCents,
            period: d.terms.period,
            effectiveFrom: d.revisedAt,
          },
        ],
        updated_at: at,
      };
    }
    case 'PlanRetired':
      if (!row) return undefined;
      return { ...row, rev, status: 'retired', retired_at: event.data.retiredAt, updated_at: at };
    default:
      event satisfies never;
      return row;
  }
}

/** The plans catalogue: the public list of active plans and each plan with its versions. */
export class PlansProjection implements Projection {
  readonly name = 'plans';
  readonly version = 1;
  readonly handles = [...PLAN_EVENT_TYPES];
  readonly tables = PLANS_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const rows = new RowBuffer(PLANS, tx, false, session);
    const idOf = (e: RecordedEvent) => (e.data as { planId: string }).planId;
    await rows.prefetch(events.map(idOf));
    for (const event of events) {
      const row = rows.peek(idOf(event));
      if (row && !isNewer(event.revision, row.rev)) continue;
      const next = evolvePlanRow(
        row,
        event as unknown as PlanEvent,
        Number(event.revision),
        occurredAt(event),
      );
      if (next) rows.put(next);
    }
    await rows.flush();
  }
}
