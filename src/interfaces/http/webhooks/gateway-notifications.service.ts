import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { DisputeCommandMessage } from '../../../application/disputes/dispute.messages';
import { escrowStream } from '../../../application/escrow/escrow.messages';
import { orderStream } from '../../../application/orders/order.messages';
import {
  GatewayNotification,
  GatewayNotificationKind,
} from '../../../application/payouts/gateway-notification';
import { payoutIds } from '../../../application/payouts/payout-ids';
import { PayoutCommandMessage } from '../../../application/payouts/payout.messages';
import {
  CausationContext,
  eventMetadata,
  loadAggregate,
} from '../../../application/shared/command-handling';
import { EVENT_STORE, EventStore } from '../../../application/shared/event-store.port';
import { escrowDecider } from '../../../domain/escrow';
import { orderDecider } from '../../../domain/orders';
import { CommandMeta, ConcurrencyError, DomainError } from '../../../domain/shared';
import { APP_CONFIG, AppConfig } from '../../../infrastructure/config/config';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';

/** The log's record of what the gateway told us, one type per notification kind. */
export const GATEWAY_EVENT_TYPES: Record<Exclude<GatewayNotificationKind, 'ignored'>, string> = {
  'payment.authorized': 'GatewayPaymentAuthorized',
  'payment.succeeded': 'GatewayPaymentSucceeded',
  'payment.failed': 'GatewayPaymentFailed',
  'refund.succeeded': 'GatewayRefundSucceeded',
  'refund.failed': 'GatewayRefundFailed',
  'payout.paid': 'GatewayPayoutPaid',
  'payout.failed': 'GatewayPayoutFailed',
  'chargeback.opened': 'GatewayChargebackOpened',
};

export interface NotificationResult {
  duplicate: boolean;
  outcome: string;
}

/**
 * Turns gateway notifications into facts in the log and commands on the aggregates they concern:
 * payouts are marked sent or failed, a chargeback opens a dispute as the system. A notification
 * is handled once per provider event id; a delivery that failed half-way is handled again.
 */
@Injectable()
export class GatewayNotifications {
  private readonly logger = new Logger('GatewayNotifications');

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly commandBus: CommandBus,
  ) {}

  async handle(notification: GatewayNotification): Promise<NotificationResult> {
    const { provider, eventId, providerType } = notification;
    const inserted = await this.pool.query(
      `INSERT INTO gateway_webhook_events (provider, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [provider, eventId, providerType],
    );
    if (inserted.rowCount === 0) {
      const { rows } = await this.pool.query<{ processed_at: Date | null; outcome: string | null }>(
        'SELECT processed_at, outcome FROM gateway_webhook_events WHERE provider = $1 AND event_id = $2',
        [provider, eventId],
      );
      if (rows[0]?.processed_at) return { duplicate: true, outcome: rows[0].outcome ?? 'handled' };
    }
    const outcome = await this.apply(notification);
    await this.pool.query(
      'UPDATE gateway_webhook_events SET processed_at = now(), outcome = $3 WHERE provider = $1 AND event_id = $2',
      [provider, eventId, outcome],
    );
    return { duplicate: false, outcome };
  }

  private async apply(n: GatewayNotification): Promise<string> {
    const causation: CausationContext = { correlationId: `${n.provider}:${n.eventId}` };
    const meta: CommandMeta = { now: n.occurredAt, actorId: 'system', actorRole: 'system' };
    const options = { eventIds: payoutIds.events(`${n.provider}:${n.eventId}`) };
    switch (n.kind) {
      case 'ignored':
        return 'ignored';
      case 'payout.paid':
      case 'payout.failed': {
        await this.record(`gateway-${n.payoutId}`, n, causation);
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
        return this.refusalAsOutcome(
          () =>
            this.commandBus.execute(
              new PayoutCommandMessage(n.payoutId, command, causation, options),
            ),
          n.kind,
        );
      }
      default: {
        const escrowId = n.escrowId ?? (await this.escrowOfPayment(n.paymentRef));
        if (!escrowId) return `unknown payment ${n.paymentRef}`;
        await this.record(`gateway-${escrowId}`, { ...n, escrowId }, causation);
        if (n.kind !== 'chargeback.opened') return 'recorded';
        return this.openChargeback(
          escrowId,
          n.gatewayDisputeId,
          n.reason,
          n.amountCents,
          meta,
          causation,
        );
      }
    }
  }

  /** A card dispute opens a case as the system on the buyer's behalf, while the order can still be contested. */
  private async openChargeback(
    escrowId: string,
    gatewayDisputeId: string,
    reason: string,
    amountCents: number,
    meta: CommandMeta,
    causation: CausationContext,
  ): Promise<string> {
    const { state: escrow } = await loadAggregate(
      this.store,
      escrowStream(escrowId),
      escrowDecider,
    );
    if (escrow.status === 'none') return `unknown escrow ${escrowId}`;
    let orderStatus = 'active';
    if (escrow.subject.kind === 'order') {
      const { state: order } = await loadAggregate(
        this.store,
        orderStream(escrow.subject.id),
        orderDecider,
      );
      orderStatus = order.status;
    }
    const disputeId = payoutIds.id('chargeback', gatewayDisputeId);
    const command = {
      type: 'OpenDispute' as const,
      data: {
        disputeId,
        subject: { kind: escrow.subject.kind, id: escrow.subject.id },
        buyerId: escrow.payerId,
        sellerId: escrow.payeeId,
        escrowId,
        reason: 'chargeback' as const,
        statement: `Card payment disputed at the bank (${reason}), ${amountCents} cents, reference ${gatewayDisputeId}.`,
        evidenceRefs: [],
        orderStatus,
        heldCents: escrow.heldCents,
        responseDeadlineDays: this.config.DISPUTE_RESPONSE_DAYS,
      },
      meta,
    };
    return this.refusalAsOutcome(
      () =>
        this.commandBus.execute(
          new DisputeCommandMessage(disputeId, command, causation, {
            eventIds: payoutIds.events(disputeId, 'opened'),
          }),
        ),
      `dispute ${disputeId}`,
    );
  }

  private async refusalAsOutcome(send: () => Promise<unknown>, done: string): Promise<string> {
    try {
      await send();
      return done;
    } catch (error) {
      if (error instanceof DomainError && !(error instanceof ConcurrencyError)) {
        this.logger.warn(`Gateway notification refused: ${error.code}`);
        return `refused ${error.code}`;
      }
      throw error;
    }
  }

  private async record(
    stream: string,
    n: GatewayNotification,
    causation: CausationContext,
  ): Promise<void> {
    if (n.kind === 'ignored') return;
    const id = payoutIds.id('gateway-event', n.provider, n.eventId);
    const { provider, eventId, providerType, occurredAt, kind, ...facts } = n;
    await this.store.appendToStream(
      stream,
      [
        {
          id,
          type: GATEWAY_EVENT_TYPES[kind],
          data: { provider, providerEventId: eventId, providerType, occurredAt, ...facts },
          metadata: eventMetadata(
            { now: occurredAt, actorId: 'system', actorRole: 'system' },
            causation,
            id,
          ),
        },
      ],
      { expectedRevision: 'any' },
    );
  }

  private async escrowOfPayment(paymentRef: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ escrow_id: string }>(
      'SELECT escrow_id FROM gateway_payment_refs WHERE payment_ref = $1',
      [paymentRef],
    );
    return rows[0]?.escrow_id ?? null;
  }
}
