import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../src/application/shared/event-store.port';
import {
  CreditAllowance,
  HourPackTerms,
  PlanDefined,
  PlanKind,
  PlanPeriod,
  planStream,
} from '../../src/domain/plans';
import type { TestApp } from './test-app';

export const NO_CREDITS: CreditAllowance = { consultation: 0, offer: 0, direct_contact: 0 };

/**
 * Defines a plan straight in its stream (as the staff route would), so subscriptions and hour
 * packs can be tested before or without the catalogue's HTTP routes. Returns the event's data.
 */
export async function definePlan(
  t: TestApp,
  options: {
    kind: PlanKind;
    planId?: string;
    name?: string;
    priceTtcCents?: number;
    period?: PlanPeriod | null;
    credits?: Partial<CreditAllowance>;
    hourPack?: HourPackTerms | null;
    at?: string;
  },
): Promise<PlanDefined['data']> {
  const planId = options.planId ?? `plan-${randomUUID().slice(0, 8)}`;
  const data: PlanDefined['data'] = {
    planId,
    kind: options.kind,
    name: options.name ?? `Plan ${planId}`,
    description: 'Test plan',
    version: 1,
    terms: {
      priceTtcCents: options.priceTtcCents ?? 2_990,
      period: options.kind === 'hour_pack' ? null : (options.period ?? 'month'),
      benefits: ['Test'],
      credits: { ...NO_CREDITS, ...(options.credits ?? {}) },
      hourPack: options.kind === 'hour_pack' ? (options.hourPack ?? null) : null,
    },
    definedBy: 'staff-test',
    definedAt: options.at ?? new Date().toISOString(),
  };
  const store = t.app.get<EventStore>(EVENT_STORE);
  const correlationId = randomUUID();
  await store.appendToStream(
    planStream(planId),
    [
      {
        id: randomUUID(),
        type: 'PlanDefined',
        data,
        metadata: {
          correlationId,
          causationId: correlationId,
          actorId: 'staff-test',
          actorRole: 'admin',
          occurredAt: data.definedAt,
        },
      },
    ],
    { expectedRevision: 'no_stream' },
  );
  return data;
}
