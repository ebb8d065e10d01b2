import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type {
  OrderCancellationMarkAmended,
  OrderCancelled,
  OrderCompleted,
  OrderReviewed,
} from '../../domain/orders';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { InsertBuffer, isNewer, RowBuffer } from '../runner/row-buffer';
import {
  applyPartyEvent,
  isPartyEvent,
  PARTY_EVENTS,
  partiesBuffer,
  partyKey,
} from '../shared/parties';
import {
  CancellationMarkRow,
  MARKS_TABLE,
  PROFILE_ORDERS,
  PROFILE_PRO,
  PROFILE_STATS,
  ProfileStatsRow,
  PROFILES_TABLES,
  REVIEWS_TABLE,
  ReviewRow,
} from './profiles.tables';
import { isProfileMissionEvent, PROFILE_MISSION_EVENTS, ProfileMissions } from './profile-missions';
import {
  evolveProSubscriptions,
  isPro,
  isProSubscriptionEvent,
  PRO_SUBSCRIPTION_EVENT_TYPES,
  proSubscriptionAccountOf,
} from './pro-status';

const ORDER_TYPES = new Set([
  'OrderCompleted',
  'OrderReviewed',
  'OrderCancelled',
  'OrderCancellationMarkAmended',
]);

function subjectOf(event: RecordedEvent): string | null | undefined {
  if (event.type === 'OrderCancelled' || event.type === 'OrderCancellationMarkAmended')
    return (event.data as OrderCancelled['data']).markedOn;
  return (event.data as OrderCompleted['data']).sellerId;
}

/**
 * Provider profiles: rating average and count, completed orders, cancellation marks; missions'
 * cancellations and appreciations; the Pro subscription (badge, featured; docs/plans-pro.md).
 */
export class ProfilesProjection implements Projection {
  readonly name = 'profiles';
  /** 4: `profile_pro`. */
  readonly version = 4;
  readonly handles = [
    ...ORDER_TYPES,
    ...PROFILE_MISSION_EVENTS,
    ...PRO_SUBSCRIPTION_EVENT_TYPES,
    ...PARTY_EVENTS,
  ];
  readonly tables = PROFILES_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const stats = new RowBuffer(PROFILE_STATS, tx, false, session);
    const seen = new RowBuffer(PROFILE_ORDERS, tx, false, session);
    const reviews = new InsertBuffer<ReviewRow>(REVIEWS_TABLE, tx);
    const marks = new InsertBuffer<CancellationMarkRow>(MARKS_TABLE, tx);
    const parties = partiesBuffer(tx, session);
    const missions = new ProfileMissions(tx, session);
    const pro = new RowBuffer(PROFILE_PRO, tx, false, session);
    await missions.prefetch(events);
    await pro.prefetch(events.filter(isProSubscriptionEvent).map(proSubscriptionAccountOf));
    const orderEvents = events.filter((e) => ORDER_TYPES.has(e.type));
    await seen.prefetch(orderEvents.map((e) => (e.data as { orderId: string }).orderId));
    await stats.prefetch(orderEvents.map(subjectOf));
    await parties.prefetch(events.filter(isPartyEvent).map(partyKey));
    for (const event of events) {
      if (isPartyEvent(event)) {
        const erased = await applyPartyEvent(parties, event);
        if (erased) {
          // Review comments are the buyer's own words: they go with the buyer.
          await reviews.flush();
          await tx.query('UPDATE reviews SET comment = NULL WHERE buyer_id = $1', [
            erased.account_id,
          ]);
          await missions.eraseClient(tx, erased.account_id);
        }
        continue;
      }
      if (isProfileMissionEvent(event)) {
        missions.apply(event);
        continue;
      }
      if (isProSubscriptionEvent(event)) {
        const accountId = proSubscriptionAccountOf(event);
        if (!accountId) continue;
        const row = pro.peek(accountId);
        const subscriptions = evolveProSubscriptions(row?.subscriptions ?? {}, event);
        if (subscriptions)
          pro.put({
            account_id: accountId,
            subscriptions,
            pro: isPro(subscriptions),
            updated_at: occurredAt(event),
          });
        continue;
      }
      const orderId = (event.data as { orderId: string }).orderId;
      const rev = Number(event.revision);
      const done = seen.peek(orderId) ?? {
        order_id: orderId,
        rev: -1,
        completed: false,
        reviewed: false,
        marked: false,
        mark_answered: false,
      };
      if (!isNewer(event.revision, done.rev)) continue;
      done.rev = rev;
      seen.put(done);
      const subject = subjectOf(event);
      if (!subject) continue;
      const at = occurredAt(event);
      const row: ProfileStatsRow = (await stats.get(subject)) ?? {
        account_id: subject,
        rating_sum: 0,
        rating_count: 0,
        completed_orders: 0,
        cancellation_marks: 0,
        updated_at: at,
      };
      if (event.type === 'OrderCompleted' && !done.completed) {
        done.completed = true;
        row.completed_orders += 1;
      } else if (event.type === 'OrderReviewed' && !done.reviewed) {
        const d = event.data as OrderReviewed['data'];
        done.reviewed = true;
        row.rating_sum += d.rating;
        row.rating_count += 1;
        reviews.add({
          order_id: orderId,
          seller_id: d.sellerId,
          buyer_id: d.buyerId,
          rating: d.rating,
          comment: d.comment || null,
          reviewed_at: d.reviewedAt,
        });
      } else if (event.type === 'OrderCancelled' && !done.marked) {
        const d = event.data as OrderCancelled['data'];
        done.marked = true;
        row.cancellation_marks += 1;
        marks.add({
          order_id: orderId,
          account_id: subject,
          reason: d.reason,
          cancelled_by: d.cancelledBy,
          cancelled_at: d.cancelledAt,
        });
      } else if (
        event.type === 'OrderCancellationMarkAmended' &&
        done.marked &&
        !done.mark_answered
      ) {
        const d = event.data as OrderCancellationMarkAmended['data'];
        done.mark_answered = true;
        // A withdrawn mark no longer counts against the profile; an amended one keeps counting.
        if (d.action === 'withdrawn') row.cancellation_marks -= 1;
        await marks.flush();
        await tx.query(
          `UPDATE cancellation_marks SET amendment = $2, amended_by = $3, amended_comment = $4,
             amended_rating = $5, amended_at = $6 WHERE order_id = $1`,
          [orderId, d.action, d.amendedBy, d.comment, d.rating, d.amendedAt],
        );
      } else continue;
      row.updated_at = at;
      stats.put(row);
    }
    await stats.flush();
    await seen.flush();
    await reviews.flush();
    await marks.flush();
    await parties.flush();
    await missions.flush();
    await pro.flush();
  }
}
