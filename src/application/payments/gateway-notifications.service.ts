import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type {
  PlanChargeFacts,
  PlanChargeSubject,
  RecordGatewayNotification,
} from '../../domain/payments';
import { CommandMeta, ConcurrencyError, DomainError } from '../../domain/shared';
import { OpenChargebackDispute } from '../disputes/dispute.messages';
import { SettleAwaitedFunds, SettledFunds } from '../orders/order-funds.messages';
import { GatewayNotification } from '../payouts/gateway-notification';
import { gatewayIds } from './gateway-ids';
import { PayoutCommandMessage } from '../payouts/payout.messages';
import { CausationContext } from '../shared/command-handling';
import { GatewayInbox } from './gateway-inbox.port';
import { GatewayLogCommandMessage } from './gateway-log.messages';
import { PaymentReferences } from './payment-references.port';
import { PlanChargeReferences } from './plan-charge-references.port';

export interface NotificationResult {
  duplicate: boolean;
  outcome: string;
}

type Handled = Exclude<GatewayNotification, { kind: 'ignored' }>;
type PaymentSide = Exclude<Handled, { kind: 'payout.paid' | 'payout.failed' }>;

/** What a payment-side notification says about a plan charge; an authorisation never concerns one. */
export function planChargeFacts(
  n: PaymentSide,
  subject: PlanChargeSubject,
): PlanChargeFacts | null {
  const { paymentRef } = n;
  switch (n.kind) {
    case 'payment.succeeded':
      return { kind: 'plan-charge.succeeded', paymentRef, subject, amountCents: n.amountCents };
    case 'payment.failed':
      return { kind: 'plan-charge.failed', paymentRef, subject, failureCode: n.failureCode };
    case 'refund.succeeded':
    case 'refund.failed':
      return {
        kind: n.kind === 'refund.succeeded' ? 'plan-charge.refunded' : 'plan-charge.refund-failed',
        paymentRef,
        subject,
        refundRef: n.refundRef,
        amountCents: n.amountCents,
      };
    case 'chargeback.opened':
      return {
        kind: 'plan-charge.disputed',
        paymentRef,
        subject,
        gatewayDisputeId: n.gatewayDisputeId,
        amountCents: n.amountCents,
        reason: n.reason,
      };
    case 'payment.authorized':
      return null;
    default:
      n satisfies never;
      return null;
  }
}

/**
 * Turns gateway notifications into facts in the log and commands on the aggregates they concern:
 * payouts are marked sent or failed, a chargeback opens a dispute as the system. A notification
 * is handled once per provider event id; a delivery that failed half-way is handled again, and
 * every step it repeats is a command its aggregate decides to be a no-op. A plan charge's
 * notification (its metadata names a subscription or pack, or its reference was a plan charge) is
 * logged for that sale and goes no further: the plans act on none (docs/plans-payments.md).
 */
@Injectable()
export class GatewayNotifications {
  private readonly logger = new Logger('GatewayNotifications');

  constructor(
    private readonly inbox: GatewayInbox,
    private readonly paymentRefs: PaymentReferences,
    private readonly commandBus: CommandBus,
    private readonly planRefs: PlanChargeReferences,
  ) {}

  async handle(notification: GatewayNotification): Promise<NotificationResult> {
    const delivery = {
      provider: notification.provider,
      eventId: notification.eventId,
      providerType: notification.providerType,
    };
    const receipt = await this.inbox.receive(delivery);
    if (receipt.handled) return { duplicate: true, outcome: receipt.outcome };
    const outcome = await this.apply(notification);
    await this.inbox.complete(delivery, outcome);
    return { duplicate: false, outcome };
  }

  private async apply(n: GatewayNotification): Promise<string> {
    if (n.kind === 'ignored') return 'ignored';
    const causation: CausationContext = { correlationId: `${n.provider}:${n.eventId}` };
    const meta: CommandMeta = { now: n.occurredAt, actorId: 'system', actorRole: 'system' };
    if (n.kind === 'payout.paid' || n.kind === 'payout.failed') {
      await this.record(n.payoutId, n, null, meta, causation);
      const options = { eventIds: gatewayIds.events(`${n.provider}:${n.eventId}`) };
      const command =
        n.kind === 'payout.paid'
          ? {
              type: 'MarkPayoutSent' as const,
              data: { gatewayPayoutId: n.gatewayPayoutId },
              meta,
            }
          : {
              type: 'MarkPayoutFailed' as const,
              data: { failureCode: n.failureCode, failureMessage: n.failureMessage },
              meta,
            };
      return this.refusalAsOutcome(async () => {
        await this.commandBus.execute(
          new PayoutCommandMessage(n.payoutId, command, causation, options),
        );
        return n.kind;
      });
    }
    if (n.planCharge) return this.recordPlanCharge(n.planCharge, n, meta, causation);
    const escrowId = n.escrowId ?? (await this.paymentRefs.escrowOf(n.paymentRef));
    if (!escrowId) {
      // A dispute carries no metadata: the reference alone tells a plan charge.
      const subject = await this.planRefs.subjectOf(n.paymentRef);
      if (subject) return this.recordPlanCharge(subject, n, meta, causation);
      return `unknown payment ${n.paymentRef}`;
    }
    await this.record(escrowId, n, escrowId, meta, causation);
    if (n.kind === 'payment.succeeded' && n.orderId) {
      const funds = { orderId: n.orderId, paymentRef: n.paymentRef, amountCents: n.amountCents };
      return this.refusalAsOutcome(async () => {
        const settled: SettledFunds = await this.commandBus.execute(
          new SettleAwaitedFunds(funds, meta, causation),
        );
        return settled.outcome === 'placed' ? `order ${n.orderId} placed` : settled.outcome;
      });
    }
    if (n.kind !== 'chargeback.opened') return 'recorded';
    const disputeId = gatewayIds.id('chargeback', n.gatewayDisputeId);
    const chargeback = new OpenChargebackDispute(
      {
        disputeId,
        openedEventId: gatewayIds.events(disputeId, 'opened')(0),
        escrowId,
        gatewayDisputeId: n.gatewayDisputeId,
        amountCents: n.amountCents,
        bankReason: n.reason,
      },
      meta,
      causation,
    );
    return this.refusalAsOutcome(async () => {
      const opening = await this.commandBus.execute(chargeback);
      return opening.opened ? `dispute ${opening.disputeId}` : `unknown escrow ${escrowId}`;
    });
  }

  /** The notification goes on record in the log of the payout or escrow it concerns. */
  private async record(
    subjectId: string,
    n: Handled,
    escrowId: string | null,
    meta: CommandMeta,
    causation: CausationContext,
  ): Promise<void> {
    // The order id only routes the notification; the logged facts keep their shape.
    const { eventId, orderId: _orderId, planCharge: _planCharge, ...rest } = n;
    // Payment-side facts are recorded with the escrow resolved for them; payout facts name none.
    const data = (
      escrowId === null
        ? { ...rest, providerEventId: eventId }
        : { ...rest, escrowId, providerEventId: eventId }
    ) as RecordGatewayNotification['data'];
    const id = gatewayIds.id('gateway-event', n.provider, eventId);
    await this.commandBus.execute(
      new GatewayLogCommandMessage(
        subjectId,
        { type: 'RecordGatewayNotification', data, meta },
        causation,
        { eventIds: () => id },
      ),
    );
  }

  /** Logged in `gateway-<subscription or pack id>`; no order, escrow or mission is looked for. */
  private async recordPlanCharge(
    subject: PlanChargeSubject,
    n: PaymentSide,
    meta: CommandMeta,
    causation: CausationContext,
  ): Promise<string> {
    const facts = planChargeFacts(n, subject);
    if (!facts) return 'ignored';
    const data: RecordGatewayNotification['data'] = {
      provider: n.provider,
      providerEventId: n.eventId,
      providerType: n.providerType,
      occurredAt: n.occurredAt,
      ...facts,
    };
    const id = gatewayIds.id('gateway-event', n.provider, n.eventId);
    await this.commandBus.execute(
      new GatewayLogCommandMessage(
        subject.id,
        { type: 'RecordGatewayNotification', data, meta },
        causation,
        { eventIds: () => id },
      ),
    );
    return facts.kind === 'plan-charge.disputed'
      ? `plan charge disputed (${subject.kind} ${subject.id}): listed for finance`
      : `recorded for ${subject.kind} ${subject.id}`;
  }

  /** A refusal is the notification's outcome (the provider must not retry it); anything else is thrown. */
  private async refusalAsOutcome(send: () => Promise<string>): Promise<string> {
    try {
      return await send();
    } catch (error) {
      if (error instanceof DomainError && !(error instanceof ConcurrencyError)) {
        this.logger.warn(`Gateway notification refused: ${error.code}`);
        return `refused ${error.code}`;
      }
      throw error;
    }
  }
}
