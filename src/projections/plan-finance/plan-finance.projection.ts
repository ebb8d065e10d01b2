import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { Projection, ProjectionSession } from '../runner/projection';
import { InsertBuffer, RowBuffer } from '../runner/row-buffer';
import {
  evolveFinancePack,
  evolveFinancePlan,
  evolveFinanceSubscription,
  FINANCE_PACK_TYPES,
  FINANCE_PLAN_TYPES,
  FINANCE_SUBSCRIPTION_TYPES,
  subscriptionCharge,
} from './plan-finance.evolve';
import {
  FINANCE_CHARGES,
  FINANCE_PACKS,
  FINANCE_PLANS,
  FINANCE_SUBSCRIPTIONS,
  FinanceChargeRow,
  PLAN_FINANCE_TABLES,
} from './plan-finance.tables';

const CHARGE_TYPES = new Set([
  'SubscriptionStarted',
  'SubscriptionRenewed',
  'SubscriptionReinstated',
]);

const idOf = (e: RecordedEvent, field: 'subscriptionId' | 'packId' | 'planId') => {
  const v = (e.data as Record<string, unknown>)[field];
  return typeof v === 'string' ? v : undefined;
};

/**
 * Finance's view of the platform's plans (docs/plans-billing.md): recurring revenue per Paris
 * month (every charge and pack refund with its VAT split), the subscriptions renewing soon and
 * those in payment incident or suspended.
 */
export class PlanFinanceProjection implements Projection {
  readonly name = 'plan_finance';
  readonly version = 1;
  readonly handles = [...FINANCE_SUBSCRIPTION_TYPES, ...FINANCE_PACK_TYPES, ...FINANCE_PLAN_TYPES];
  readonly tables = PLAN_FINANCE_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const subscriptions = new RowBuffer(FINANCE_SUBSCRIPTIONS, tx, false, session);
    const packs = new RowBuffer(FINANCE_PACKS, tx, false, session);
    const plans = new RowBuffer(FINANCE_PLANS, tx, false, session);
    const charges = new InsertBuffer<FinanceChargeRow>(FINANCE_CHARGES, tx);
    await subscriptions.prefetch(
      events
        .filter((e) => FINANCE_SUBSCRIPTION_TYPES.has(e.type))
        .map((e) => idOf(e, 'subscriptionId')),
    );
    await packs.prefetch(
      events.filter((e) => FINANCE_PACK_TYPES.has(e.type)).map((e) => idOf(e, 'packId')),
    );
    await plans.prefetch(
      events.filter((e) => FINANCE_PLAN_TYPES.has(e.type)).map((e) => idOf(e, 'planId')),
    );
    for (const event of events) {
      if (FINANCE_SUBSCRIPTION_TYPES.has(event.type)) {
        const id = idOf(event, 'subscriptionId');
        if (!id) continue;
        const row = evolveFinanceSubscription(subscriptions.peek(id), event);
        if (!row) continue;
        subscriptions.put(row);
        if (CHARGE_TYPES.has(event.type)) {
          const charge = subscriptionCharge(row, event);
          if (charge) charges.add(charge);
        }
      } else if (FINANCE_PACK_TYPES.has(event.type)) {
        const id = idOf(event, 'packId');
        if (!id) continue;
        const { pack, charge } = evolveFinancePack(packs.peek(id), event);
        if (pack) packs.put(pack);
        if (charge) charges.add(charge);
      } else if (FINANCE_PLAN_TYPES.has(event.type)) {
        const id = idOf(event, 'planId');
        if (!id) continue;
        const plan = evolveFinancePlan(plans.peek(id), event);
        if (plan) plans.put(plan);
      }
    }
    await subscriptions.flush();
    await packs.flush();
    await plans.flush();
    await charges.flush();
  }
}
