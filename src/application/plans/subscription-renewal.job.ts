import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { renewalStep, type SubscriptionCommand, type SubscriptionState } from '../../domain/plans';
import { DomainError, IllegalStateError } from '../../domain/shared';
import {
  PAYMENT_GATEWAY,
  PaymentDeclinedError,
  PaymentGateway,
} from '../payments/payment-gateway.port';
import { causationOf, jobOptions, notDue, runCommand, systemMeta } from '../scheduling/job-context';
import type { JobOutcome, PlanJob } from '../scheduling/jobs';
import { Clock } from '../shared/clock';
import type { HandleResult } from '../shared/command-handling';
import { PLAN_CATALOG, PlanCatalog } from './plan-catalog.port';
import { CachedPlans, planTerms } from './subscription-plans';
import { SUBSCRIPTION_SETTINGS, SubscriptionSettings } from './subscription-settings';
import { periodChargeKey, SubscriptionCommandMessage } from './subscription.messages';

export type RenewJob = { jobId: string; payload: Extract<PlanJob, { kind: 'subscription.renew' }> };

/** The job no longer applies; a domain refusal, so `runCommand` ends the job as obsolete. */
class RenewalObsolete extends IllegalStateError {}

/**
 * Tacit renewal (`subscription.renew`, queue `renewals`), due at `periodEndsAt` (or the pause's
 * end, or a retry's `nextAttemptAt`). One stream read, one gateway call, one append: the charge
 * runs inside the command builder on the state just read, keyed by (subscription, period), so a
 * retried or redelivered job never charges twice; the events' ids derive from the job id.
 * A refused card records `SubscriptionRenewalFailed` (and after the last retry `SubscriptionSuspended`).
 */
@Injectable()
export class SubscriptionRenewalJob {
  private readonly logger = new Logger('SubscriptionRenewal');
  private readonly plans: CachedPlans;

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    @Inject(PLAN_CATALOG) catalog: PlanCatalog,
    @Inject(SUBSCRIPTION_SETTINGS) private readonly settings: SubscriptionSettings,
    private readonly clock: Clock,
  ) {
    this.plans = new CachedPlans(catalog, settings.catalogCacheMs);
  }

  async renew({ jobId, payload }: RenewJob): Promise<JobOutcome> {
    const early = notDue(this.clock, payload);
    if (early) return early;
    const meta = systemMeta(this.clock);
    const { subscriptionId } = payload;
    let charged: { chargeRef: string; amountCents: number } | null = null;
    const build = async (state: SubscriptionState): Promise<SubscriptionCommand> => {
      const step = renewalStep(state, payload);
      if (step.kind === 'obsolete')
        throw new RenewalObsolete(step.code, `Renewal not due: ${step.detail}`);
      if (step.kind === 'pause')
        return { type: 'StartPause', data: { subscriptionId, period: step.period }, meta };
      const s = state as Exclude<SubscriptionState, { status: 'none' }>;
      const plan = await this.plans.find(s.planId);
      if (!plan) throw new RenewalObsolete('PLAN_NOT_FOUND', `Plan ${s.planId} is unknown`);
      const terms = planTerms(plan);
      try {
        const charge = await this.gateway.chargeSaved({
          accountId: s.accountId,
          paymentMethodRef: s.paymentMethodRef,
          amountCents: terms.priceTtcCents,
          description: `Abonnement ${terms.name} — période ${step.period}`,
          metadata: {
            subscriptionId,
            period: String(step.period),
            planId: terms.planId,
            planVersion: String(terms.version),
          },
          idempotencyKey: periodChargeKey(subscriptionId, step.period),
        });
        charged = charge;
        return {
          type: 'RenewSubscription',
          data: {
            subscriptionId,
            period: step.period,
            attempt: step.attempt,
            charge: { chargeRef: charge.chargeRef, plan: terms },
          },
          meta,
        };
      } catch (error) {
        // The key was used with another card or amount (a card fix won the race, or a crash
        // between a charge and its append then a revision): not a refusal; the job is retried
        // and finds the state settled, or fails visibly instead of ending silently obsolete.
        if (error instanceof DomainError && error.code === 'PAYMENT_IDEMPOTENCY_KEY_REUSED')
          throw new Error(`renewal ${subscriptionId}/${step.period}: ${error.message}`);
        if (!(error instanceof PaymentDeclinedError)) throw error;
        return {
          type: 'RecordRenewalFailure',
          data: {
            subscriptionId,
            period: step.period,
            attempt: step.attempt,
            amountCents: terms.priceTtcCents,
            failureCode: String(error.details.reason ?? 'card_declined'),
            retryHours: this.settings.retryHours,
          },
          meta,
        };
      }
    };
    const outcome = await runCommand(() =>
      this.commandBus.execute<SubscriptionCommandMessage, HandleResult<SubscriptionState, never>>(
        new SubscriptionCommandMessage(subscriptionId, build, causationOf(payload), {
          // Never decide on a cached guess here: the builder charges.
          cache: undefined,
          ...jobOptions(jobId, 'renew'),
        }),
      ),
    );
    if (outcome.result === 'obsolete' && charged)
      await this.refundLost(subscriptionId, payload.period, charged);
    return outcome;
  }

  /**
   * The charge went through but the stream moved on before the append (a cancellation at that
   * very moment): nothing renewed, so the charge is given back.
   */
  private async refundLost(
    subscriptionId: string,
    period: number,
    charge: { chargeRef: string; amountCents: number },
  ): Promise<void> {
    try {
      await this.gateway.refundCharge({
        chargeRef: charge.chargeRef,
        amountCents: charge.amountCents,
        idempotencyKey: `${periodChargeKey(subscriptionId, period)}-refund`,
      });
      this.logger.warn(`renewal ${subscriptionId}/${period} lost its race: charge refunded`);
    } catch (error) {
      if (error instanceof DomainError) this.logger.error(`refund failed: ${error.code}`);
      else throw error;
    }
  }
}
