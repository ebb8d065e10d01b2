import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type {
  HourPackEvent,
  PlanEvent,
  SubscriptionEvent,
  SubscriptionPeriodTerms,
} from '../../domain/plans';

/**
 * Builders of the plans' stored events (the contracts in src/domain/plans), for the billing read
 * models' tests: a subscription's periods and incidents, an hour pack's sale and refunds.
 */
export const NO_CREDITS = { consultation: 0, offer: 0, direct_contact: 0 };

type Stored =
  | SubscriptionEvent
  | HourPackEvent
  | PlanEvent
  | { type: 'ServiceTypeCreated'; data: Record<string, unknown> };

let position = 1n;

/** A recorded event at the next log position; `revision` is the stream's revision. */
export function recorded<E extends Stored>(
  streamName: string,
  revision: number,
  type: E['type'],
  data: E['data'],
  at?: string,
): RecordedEvent {
  const p = position++;
  return {
    id: randomUUID(),
    streamName,
    revision: BigInt(revision),
    position: { commit: p, prepare: p },
    type,
    schemaVersion: 1,
    data,
    metadata: at ? { occurredAt: at } : {},
    recordedAt: new Date(at ?? '2026-12-02T09:00:00.000Z'),
  };
}

export function periodTerms(
  period: number,
  startsAt: string,
  endsAt: string,
  priceTtcCents: number,
): SubscriptionPeriodTerms {
  return {
    period,
    planVersion: 1,
    priceTtcCents,
    periodStartsAt: startsAt,
    periodEndsAt: endsAt,
    credits: NO_CREDITS,
    chargeRef: `ch_${randomUUID().slice(0, 8)}`,
  };
}

/** A subscription's stream, event by event, with its revisions counted. */
export class SubscriptionHistory {
  private revision = -1;
  readonly stream: string;
  constructor(
    readonly subscriptionId: string,
    readonly accountId: string,
    readonly planId = 'plan-pro',
    readonly planKind: 'pro' | 'credits' = 'pro',
    readonly planName = 'Pro',
  ) {
    this.stream = `subscription-${subscriptionId}`;
  }

  private next<E extends SubscriptionEvent>(type: E['type'], data: E['data'], at: string) {
    this.revision += 1;
    return recorded<E>(this.stream, this.revision, type, data, at);
  }

  started(terms: SubscriptionPeriodTerms): RecordedEvent {
    return this.next(
      'SubscriptionStarted',
      {
        ...terms,
        subscriptionId: this.subscriptionId,
        accountId: this.accountId,
        planId: this.planId,
        planKind: this.planKind,
        planName: this.planName,
        billingPeriod: 'month',
        paymentMethodRef: 'pm_card_visa',
        startedAt: terms.periodStartsAt,
      },
      terms.periodStartsAt,
    );
  }

  renewed(terms: SubscriptionPeriodTerms, at = terms.periodStartsAt): RecordedEvent {
    return this.next(
      'SubscriptionRenewed',
      {
        ...terms,
        subscriptionId: this.subscriptionId,
        accountId: this.accountId,
        planId: this.planId,
        renewedAt: at,
      },
      at,
    );
  }

  reinstated(terms: SubscriptionPeriodTerms): RecordedEvent {
    return this.next(
      'SubscriptionReinstated',
      {
        ...terms,
        subscriptionId: this.subscriptionId,
        accountId: this.accountId,
        planId: this.planId,
        reinstatedAt: terms.periodStartsAt,
      },
      terms.periodStartsAt,
    );
  }

  renewalFailed(
    period: number,
    attempt: number,
    amountCents: number,
    failedAt: string,
    nextAttemptAt: string | null,
  ): RecordedEvent {
    return this.next(
      'SubscriptionRenewalFailed',
      {
        subscriptionId: this.subscriptionId,
        accountId: this.accountId,
        period,
        attempt,
        amountCents,
        failureCode: 'card_declined',
        nextAttemptAt,
        failedAt,
      },
      failedAt,
    );
  }

  suspended(period: number, at: string): RecordedEvent {
    return this.next(
      'SubscriptionSuspended',
      {
        subscriptionId: this.subscriptionId,
        accountId: this.accountId,
        period,
        reason: 'payment_incident',
        suspendedAt: at,
      },
      at,
    );
  }

  pauseScheduled(pausedFrom: string, resumesAt: string, at: string): RecordedEvent {
    return this.next(
      'SubscriptionPauseScheduled',
      {
        subscriptionId: this.subscriptionId,
        accountId: this.accountId,
        periods: 1,
        pausedFrom,
        resumesAt,
        scheduledAt: at,
      },
      at,
    );
  }

  cancelled(at: string, endsAt = at): RecordedEvent {
    return this.next(
      'SubscriptionCancelled',
      {
        subscriptionId: this.subscriptionId,
        accountId: this.accountId,
        planKind: this.planKind,
        reason: 'owner_request',
        cancelledBy: this.accountId,
        endsAt,
        cancelledAt: at,
      },
      at,
    );
  }
}

/** An hour pack's stream. */
export class HourPackHistory {
  private revision = -1;
  readonly stream: string;
  constructor(
    readonly packId: string,
    readonly clientId: string,
    readonly serviceTypeId = 'menage',
    readonly minutes = 600,
    readonly planId = 'plan-pack-menage-10',
    readonly planName = 'Pack Ménage 10 h',
  ) {
    this.stream = `hourpack-${packId}`;
  }

  private next<E extends HourPackEvent>(type: E['type'], data: E['data'], at: string) {
    this.revision += 1;
    return recorded<E>(this.stream, this.revision, type, data, at);
  }

  purchased(priceTtcCents: number, at: string, expiresAt = '2027-06-02T09:00:00.000Z') {
    return this.next(
      'HourPackPurchased',
      {
        packId: this.packId,
        clientId: this.clientId,
        planId: this.planId,
        planVersion: 1,
        planName: this.planName,
        serviceTypeId: this.serviceTypeId,
        minutes: this.minutes,
        priceTtcCents,
        chargeRef: `ch_${randomUUID().slice(0, 8)}`,
        purchasedAt: at,
        expiresAt,
      },
      at,
    );
  }

  /** A step that is not a sale (a reservation), so revisions have gaps as in a real stream. */
  reserved(missionId: string, minutes: number, at: string) {
    return this.next(
      'HourPackHoursReserved',
      {
        packId: this.packId,
        clientId: this.clientId,
        missionId,
        minutes,
        reservedAt: at,
      },
      at,
    );
  }

  refunded(
    refundCents: number,
    minutes: number,
    at: string,
    reason: 'withdrawal' | 'expiry' = 'expiry',
  ) {
    return this.next(
      'HourPackRefunded',
      {
        packId: this.packId,
        clientId: this.clientId,
        minutes,
        refundCents,
        refundRef: `re_${randomUUID().slice(0, 8)}`,
        reason,
        refundedAt: at,
      },
      at,
    );
  }
}
