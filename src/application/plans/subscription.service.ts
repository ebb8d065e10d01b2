import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  assertSubscribable,
  isRunning,
  subscriptionDecider,
  SubscriptionErrorCode,
  type ExistingSubscription,
  type SubscriptionCommand,
  type SubscriptionEvent,
  type SubscriptionState,
} from '../../domain/plans';
import type { SubscriptionPlanKind } from '../../domain/plans';
import { CommandMeta, ForbiddenError, IllegalStateError, NotFoundError } from '../../domain/shared';
import { PAYMENT_GATEWAY, PaymentGateway } from '../payments/payment-gateway.port';
import { CausationContext, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { eventIdsFrom } from '../shared/deterministic-id';
import { PLAN_CATALOG, PlanCatalog } from './plan-catalog.port';
import { findPlan, planTerms } from './subscription-plans';
import {
  paymentMethodKey,
  periodChargeKey,
  SUBSCRIPTION_KINDS,
  SubscriptionCommandMessage,
  subscriptionIdFor,
  subscriptionStream,
} from './subscription.messages';

export type SubscriptionResult = HandleResult<SubscriptionState, SubscriptionEvent>;

const notFound = (subscriptionId: string) =>
  new NotFoundError(SubscriptionErrorCode.NOT_FOUND, 'Subscription not found', { subscriptionId });

/**
 * The provider's subscription steps that touch the gateway before the decision: subscribing
 * (save the card, charge period 1, start) and replacing the card (which pays what is owed while in
 * incident or suspended). Both charge with keys derived from the subscription and the period.
 */
@Injectable()
export class SubscriptionService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PLAN_CATALOG) private readonly catalog: PlanCatalog,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly commandBus: CommandBus,
  ) {}

  /** The account's subscriptions of one kind, oldest first (slots 1, 2, ... until the first free one). */
  async slots(
    accountId: string,
    kind: SubscriptionPlanKind,
  ): Promise<{ subscriptions: { state: ExistingSubscription; revision: bigint }[]; free: string }> {
    const subscriptions: { state: ExistingSubscription; revision: bigint }[] = [];
    for (let slot = 1; ; slot++) {
      const id = subscriptionIdFor(accountId, kind, slot);
      const { state, revision } = await loadAggregate(
        this.store,
        subscriptionStream(id),
        subscriptionDecider,
      );
      if (state.status === 'none' || revision === null) return { subscriptions, free: id };
      subscriptions.push({ state, revision });
    }
  }

  /** Every subscription of the account, both kinds. */
  async ofAccount(accountId: string): Promise<{ state: ExistingSubscription; revision: bigint }[]> {
    const all = await Promise.all(SUBSCRIPTION_KINDS.map((kind) => this.slots(accountId, kind)));
    return all.flatMap((s) => s.subscriptions);
  }

  async subscribe(request: {
    accountId: string;
    planId: string;
    paymentMethod: string;
    meta: CommandMeta;
    causation: CausationContext;
  }): Promise<SubscriptionResult & { subscriptionId: string }> {
    const snapshot = await findPlan(this.catalog, request.planId);
    const plan = snapshot ? planTerms(snapshot) : null;
    assertSubscribable(plan, request.planId);
    const kind = plan!.kind as SubscriptionPlanKind;
    const { subscriptions, free } = await this.slots(request.accountId, kind);
    const running = subscriptions.find((s) => isRunning(s.state));
    if (running) throw alreadyActive(running.state);
    const subscriptionId = free;
    try {
      const { paymentMethodRef } = await this.gateway.savePaymentMethod({
        accountId: request.accountId,
        paymentMethod: request.paymentMethod,
        idempotencyKey: paymentMethodKey(subscriptionId, request.paymentMethod),
      });
      const charge = await this.gateway.chargeSaved({
        accountId: request.accountId,
        paymentMethodRef,
        amountCents: plan!.priceTtcCents,
        description: `Abonnement ${plan!.name} — période 1`,
        metadata: {
          subscriptionId,
          period: '1',
          planId: plan!.planId,
          planVersion: String(plan!.version),
        },
        idempotencyKey: periodChargeKey(subscriptionId, 1),
      });
      const result = await this.send(subscriptionId, request.causation, {
        type: 'StartSubscription',
        data: {
          subscriptionId,
          accountId: request.accountId,
          paymentMethodRef,
          charge: { chargeRef: charge.chargeRef, plan: plan! },
        },
        meta: request.meta,
      });
      return { ...result, subscriptionId };
    } catch (error) {
      // A parallel subscription took the slot first (its charge key is the same one): 409.
      const { state } = await loadAggregate(
        this.store,
        subscriptionStream(subscriptionId),
        subscriptionDecider,
      );
      if (isRunning(state) && !(error instanceof IllegalStateError)) throw alreadyActive(state);
      throw error;
    }
  }

  /**
   * A new card for the subscription. While in incident or suspended the owed period is charged
   * with it first (a refusal writes nothing); otherwise it only replaces the card.
   */
  replacePaymentMethod(request: {
    subscriptionId: string;
    paymentMethod: string;
    meta: CommandMeta;
    causation: CausationContext;
  }): Promise<SubscriptionResult> {
    const { subscriptionId, meta } = request;
    return this.send(subscriptionId, request.causation, async (state) => {
      if (state.status === 'none') throw notFound(subscriptionId);
      if (meta.actorRole !== 'admin' && meta.actorId !== state.accountId)
        throw new ForbiddenError(SubscriptionErrorCode.NOT_OWNER, 'Not your subscription');
      if (state.status === 'cancelled')
        throw new IllegalStateError(
          SubscriptionErrorCode.CANCELLED,
          'The subscription is cancelled',
          {
            currentStatus: state.status,
          },
        );
      const { paymentMethodRef } = await this.gateway.savePaymentMethod({
        accountId: state.accountId,
        paymentMethod: request.paymentMethod,
        idempotencyKey: paymentMethodKey(subscriptionId, request.paymentMethod),
      });
      let charge = null;
      if (state.status === 'incident' || state.status === 'suspended') {
        const snapshot = await findPlan(this.catalog, state.planId);
        if (!snapshot) throw notFound(subscriptionId);
        const plan = planTerms(snapshot);
        const period = state.current.period + 1;
        const paid = await this.gateway.chargeSaved({
          accountId: state.accountId,
          paymentMethodRef,
          amountCents: plan.priceTtcCents,
          description: `Abonnement ${plan.name} — période ${period}`,
          metadata: {
            subscriptionId,
            period: String(period),
            planId: plan.planId,
            planVersion: String(plan.version),
          },
          idempotencyKey: periodChargeKey(subscriptionId, period),
        });
        charge = { chargeRef: paid.chargeRef, plan };
      }
      return {
        type: 'ReplacePaymentMethod',
        data: { subscriptionId, paymentMethodRef, charge },
        meta,
      };
    });
  }

  /** Account closure: every running subscription of the account is cancelled at once, no charge follows. */
  async closeAccount(
    accountId: string,
    causeId: string,
    meta: CommandMeta,
    causation: CausationContext,
  ) {
    const cancelled: string[] = [];
    for (const { state } of await this.ofAccount(accountId)) {
      // Only running ones: a cancelled one renews no more, and a closed account uses no benefit.
      if (!isRunning(state)) continue;
      const result = await this.send(
        state.subscriptionId,
        causation,
        {
          type: 'CancelSubscription',
          data: { subscriptionId: state.subscriptionId, reason: 'account_closed' },
          meta,
        },
        { eventIds: eventIdsFrom('subscription-account-closed', causeId, state.subscriptionId) },
      ).catch((error: unknown) => {
        // A credits subscription already cancelled by its owner keeps its end; nothing else to do.
        if (error instanceof IllegalStateError) return null;
        throw error;
      });
      if (result && result.events.length > 0) cancelled.push(state.subscriptionId);
    }
    return cancelled;
  }

  send(
    subscriptionId: string,
    causation: CausationContext,
    command:
      | SubscriptionCommand
      | ((state: SubscriptionState) => SubscriptionCommand | Promise<SubscriptionCommand>),
    options: { eventIds?: (index: number) => string } = {},
  ): Promise<SubscriptionResult> {
    return this.commandBus.execute(
      new SubscriptionCommandMessage(subscriptionId, command, causation, options),
    );
  }
}

function alreadyActive(state: ExistingSubscription): IllegalStateError {
  return new IllegalStateError(
    SubscriptionErrorCode.ALREADY_ACTIVE,
    'A subscription of this kind is already running on this account',
    { currentStatus: state.status, subscriptionId: state.subscriptionId, planId: state.planId },
  );
}
