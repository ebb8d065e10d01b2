import { Injectable } from '@nestjs/common';
import type { PlanChargeSubject } from '../../domain/payments';
import type {
  HourPackPurchased,
  SubscriptionReinstated,
  SubscriptionRenewed,
  SubscriptionStarted,
} from '../../domain/plans';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { PlanChargeReferences } from './plan-charge-references.port';

type PeriodCharged = SubscriptionStarted | SubscriptionRenewed | SubscriptionReinstated;
const PERIOD_CHARGED: readonly string[] = [
  'SubscriptionStarted',
  'SubscriptionRenewed',
  'SubscriptionReinstated',
];

/** The plan sale a charged event names, or null for any other event. */
export function planChargeOf(
  event: Pick<RecordedEvent, 'type' | 'data'>,
): { paymentRef: string; subject: PlanChargeSubject } | null {
  if (PERIOD_CHARGED.includes(event.type)) {
    const data = event.data as PeriodCharged['data'];
    return {
      paymentRef: data.chargeRef,
      subject: { kind: 'subscription', id: data.subscriptionId },
    };
  }
  if (event.type === 'HourPackPurchased') {
    const data = event.data as HourPackPurchased['data'];
    return { paymentRef: data.chargeRef, subject: { kind: 'hour-pack', id: data.packId } };
  }
  return null;
}

/** Keeps the plan charge reference -> subscription or pack index a dispute notification is resolved with. */
@Injectable()
export class PlanChargeRefsReactor implements Reactor {
  readonly name = 'payments.plan-charge-refs';
  readonly filter = {
    categories: ['subscription', 'hourpack'],
    eventTypePrefixes: [...PERIOD_CHARGED, 'HourPackPurchased'],
  };

  constructor(private readonly refs: PlanChargeReferences) {}

  async handle(event: RecordedEvent): Promise<void> {
    await this.handleBatch([event]);
  }

  /** One write for all the charges of a subscription batch. */
  async handleBatch(events: RecordedEvent[]): Promise<void> {
    const charges = events
      .map(planChargeOf)
      .filter((c): c is NonNullable<typeof c> => c !== null && c.paymentRef !== '');
    await this.refs.remember(charges);
  }
}
