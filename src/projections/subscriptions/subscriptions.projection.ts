import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import {
  subscriptionDecider,
  SUBSCRIPTION_EVENT_VERSIONS,
  type SubscriptionEvent,
  type SubscriptionState,
} from '../../domain/plans';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { isNewer, RowBuffer } from '../runner/row-buffer';
import { SUBSCRIPTIONS, SUBSCRIPTIONS_TABLES, SubscriptionRow } from './subscriptions.tables';

export const SUBSCRIPTION_EVENT_TYPES = Object.keys(SUBSCRIPTION_EVENT_VERSIONS);

/** One row per subscription, folded with the domain's `evolve`; a redelivered or older event changes nothing. */
export function evolveSubscriptionRow(
  row: SubscriptionRow | undefined,
  event: SubscriptionEvent,
  rev: number,
  at: string,
): SubscriptionRow | undefined {
  const before: SubscriptionState = row ? row.state : subscriptionDecider.initialState();
  const state = subscriptionDecider.evolve(before, event);
  if (state.status === 'none') return row;
  return {
    subscription_id: state.subscriptionId,
    rev,
    account_id: state.accountId,
    plan_id: state.planId,
    plan_kind: state.planKind,
    status: state.status,
    period: state.current.period,
    renewal_due_at: state.renewalDueAt,
    started_at: state.startedAt,
    updated_at: at,
    state,
  };
}

/** Staff's list of subscriptions (`GET /admin/subscriptions`), by account and status. */
export class SubscriptionsProjection implements Projection {
  readonly name = 'subscriptions';
  readonly version = 1;
  readonly handles = SUBSCRIPTION_EVENT_TYPES;
  readonly tables = SUBSCRIPTIONS_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const rows = new RowBuffer(SUBSCRIPTIONS, tx, false, session);
    const idOf = (e: RecordedEvent) => (e.data as { subscriptionId: string }).subscriptionId;
    await rows.prefetch(events.map(idOf));
    for (const event of events) {
      const row = rows.peek(idOf(event));
      if (row && !isNewer(event.revision, row.rev)) continue;
      const next = evolveSubscriptionRow(
        row,
        { type: event.type, data: event.data } as SubscriptionEvent,
        Number(event.revision),
        occurredAt(event),
      );
      if (next) rows.put(next);
    }
    await rows.flush();
  }
}
