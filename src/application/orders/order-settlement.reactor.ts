import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EscrowCommand } from '../../domain/escrow';
import type {
  CancellationReason,
  OrderCancelled,
  OrderCompleted,
  OrderPlacementAbandoned,
} from '../../domain/orders';
import { CommandMeta } from '../../domain/shared';
import { EscrowCommandMessage } from '../escrow/escrow.messages';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { deterministicId, eventIdsFrom } from '../shared/deterministic-id';

type RefundReason = Extract<EscrowCommand, { type: 'RefundEscrow' }>['data']['reason'];

const REFUND_REASONS: Record<CancellationReason, RefundReason> = {
  buyer_before_start: 'cancelled',
  seller_declined: 'seller_declined',
  late_delivery: 'late_delivery',
  mutual: 'mutual',
};

const SYSTEM = (now: string): CommandMeta => ({ now, actorId: 'system', actorRole: 'system' });

/** The buyer gets `amountCents` back, as the system, under a refund id derived from the order event. */
const refund = (
  eventId: string,
  escrowId: string,
  amountCents: number,
  reason: RefundReason,
  at: string,
): { escrowId: string; command: EscrowCommand } => ({
  escrowId,
  command: {
    type: 'RefundEscrow',
    data: { refundId: deterministicId('refund', eventId), amountCents, reason },
    meta: SYSTEM(at),
  },
});

/**
 * Settles an order's escrow once the order ends: completion releases everything held to the
 * seller, a cancellation refunds the buyer, and so does an abandoned placement (the escrow was
 * funded, the order never placed). Dispute outcomes are settled by the disputes context.
 * Command and event ids derive from the order event, so a redelivery changes nothing.
 */
@Injectable()
export class OrderSettlementReactor implements Reactor {
  readonly name = 'orders.escrow-settlement';
  readonly filter = {
    categories: ['order'],
    eventTypePrefixes: ['OrderCompleted', 'OrderCancelled', 'OrderPlacementAbandoned'],
  };

  constructor(private readonly commandBus: CommandBus) {}

  async handle(event: RecordedEvent): Promise<void> {
    const causation = {
      correlationId: String(event.metadata.correlationId ?? event.id),
      causationId: event.id,
    };
    const command = this.settlement(event);
    if (!command) return;
    await this.commandBus.execute(
      new EscrowCommandMessage(command.escrowId, command.command, causation, {
        eventIds: eventIdsFrom(event.id, 'settlement'),
      }),
    );
  }

  private settlement(event: RecordedEvent): { escrowId: string; command: EscrowCommand } | null {
    if (event.type === 'OrderCompleted') {
      const data = event.data as OrderCompleted['data'];
      // The escrow lets only the payer accept, or the system once the review window lapsed.
      const meta: CommandMeta = data.auto
        ? SYSTEM(data.completedAt)
        : { now: data.completedAt, actorId: data.buyerId, actorRole: 'client' };
      return {
        escrowId: data.escrowId,
        command: {
          type: 'ReleaseEscrow',
          data: {
            releaseId: deterministicId('release', event.id),
            amountCents: data.amountCents,
            reason: data.auto ? 'auto_accepted' : 'accepted',
          },
          meta,
        },
      };
    }
    if (event.type === 'OrderCancelled') {
      const data = event.data as OrderCancelled['data'];
      return refund(
        event.id,
        data.escrowId,
        data.refundCents,
        REFUND_REASONS[data.reason],
        data.cancelledAt,
      );
    }
    if (event.type === 'OrderPlacementAbandoned') {
      const data = event.data as OrderPlacementAbandoned['data'];
      return refund(
        event.id,
        data.escrowId,
        data.refundCents,
        'placement_abandoned',
        data.abandonedAt,
      );
    }
    return null;
  }
}
