import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  hourPackDecider,
  type HourPackEvent,
  type HourPackState,
  type PlanSnapshot,
} from '../../domain/plans';
import { hourPackStream } from '../../domain/plans/hour-pack.events';
import { BusinessRuleError, CommandMeta } from '../../domain/shared';
import { PAYMENT_GATEWAY, PaymentGateway } from '../payments/payment-gateway.port';
import { CausationContext, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { hourPackGatewayKeys } from './hour-pack-ids';
import { HOUR_PACK_SETTINGS, HourPackSettings } from './hour-pack-settings';
import { HourPackCommandMessage } from './hour-pack.messages';
import { PLAN_CATALOG, PlanCatalog } from './plan-catalog.port';

export type HourPackResult = HandleResult<HourPackState, HourPackEvent>;

export const HourPackPurchaseErrorCode = {
  PLAN_NOT_FOUND: 'HOUR_PACK_PLAN_NOT_FOUND',
  PLAN_RETIRED: 'HOUR_PACK_PLAN_RETIRED',
} as const;

/** `validityMonths` calendar months after `from` (UTC), the day clamped to the month's last. */
export function addMonths(from: string, months: number): string {
  const date = new Date(from);
  const day = date.getUTCDate();
  const target = new Date(date);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString();
}

/**
 * Buying an hour pack and withdrawing from it (docs/plans-hour-packs.md): the card is saved and
 * charged at once through the payment gateway, with keys derived from the purchase id, before the
 * pack's stream records anything; a refusal leaves nothing written.
 */
@Injectable()
export class HourPackPurchases {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PLAN_CATALOG) private readonly catalog: PlanCatalog,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    @Inject(HOUR_PACK_SETTINGS) private readonly settings: HourPackSettings,
  ) {}

  async purchase(
    input: { packId: string; clientId: string; planId: string; paymentMethod: string },
    meta: CommandMeta,
    causation: CausationContext,
  ): Promise<HourPackResult> {
    const { packId, clientId } = input;
    const { state } = await loadAggregate(this.store, hourPackStream(packId), hourPackDecider);
    // A retried request (same Idempotency-Key): the pack bought then, never a second charge.
    if (state.status !== 'none' && state.clientId === clientId)
      return { events: [], eventIds: [], state, nextExpectedRevision: null, position: null };
    const plan = await this.hourPackPlan(input.planId);
    const terms = plan.terms.hourPack!;
    const { paymentMethodRef } = await this.gateway.savePaymentMethod({
      accountId: clientId,
      paymentMethod: input.paymentMethod,
      idempotencyKey: hourPackGatewayKeys.saveMethod(packId),
    });
    const charge = await this.gateway.chargeSaved({
      accountId: clientId,
      paymentMethodRef,
      amountCents: plan.terms.priceTtcCents,
      description: `Pack horaire « ${plan.name} »`,
      metadata: { packId, planId: plan.planId, planVersion: String(plan.version) },
      idempotencyKey: hourPackGatewayKeys.charge(packId),
    });
    return this.commandBus.execute(
      new HourPackCommandMessage(
        packId,
        {
          type: 'PurchaseHourPack',
          data: {
            packId,
            clientId,
            planId: plan.planId,
            planVersion: plan.version,
            planName: plan.name,
            serviceTypeId: terms.serviceTypeId,
            minutes: terms.minutes,
            priceTtcCents: charge.amountCents,
            chargeRef: charge.chargeRef,
            expiresAt: addMonths(meta.now, terms.validityMonths),
          },
          meta,
        },
        causation,
      ),
    );
  }

  /**
   * "Droit de rétractation": decided on the pack's current state first (a refusal refunds
   * nothing), then the whole charge is refunded with a key derived from the pack, then recorded.
   */
  async withdraw(
    packId: string,
    meta: CommandMeta,
    causation: CausationContext,
  ): Promise<HourPackResult> {
    return this.commandBus.execute(
      new HourPackCommandMessage(
        packId,
        async (state: HourPackState) => {
          const command = {
            type: 'WithdrawHourPack' as const,
            data: { packId, withdrawalDays: this.settings.withdrawalDays, refundRef: 'pending' },
            meta,
          };
          const decided = hourPackDecider.decide(command, state);
          if (decided.length === 0 || state.status === 'none') return command;
          const amountCents = state.priceTtcCents - state.consumedCents - state.refundedCents;
          const { refundRef } =
            amountCents > 0
              ? await this.gateway.refundCharge({
                  chargeRef: state.chargeRef,
                  amountCents,
                  idempotencyKey: hourPackGatewayKeys.withdrawal(packId),
                })
              : { refundRef: 'none' };
          return { ...command, data: { ...command.data, refundRef } };
        },
        causation,
      ),
    );
  }

  private async hourPackPlan(planId: string): Promise<PlanSnapshot> {
    const plan = await this.catalog.find(planId);
    if (plan === null || plan.kind !== 'hour_pack' || plan.terms.hourPack === null)
      throw new BusinessRuleError(
        HourPackPurchaseErrorCode.PLAN_NOT_FOUND,
        'No hour-pack plan has this id',
        { field: 'planId', planId },
      );
    if (plan.retired)
      throw new BusinessRuleError(
        HourPackPurchaseErrorCode.PLAN_RETIRED,
        'This hour-pack plan is no longer sold',
        { field: 'planId', planId },
      );
    return plan;
  }
}
