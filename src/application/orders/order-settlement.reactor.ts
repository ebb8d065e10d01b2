import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EscrowCommand } from '../../domain/escrow';
import type { CancellationReason, OrderCancelled, OrderCompleted } from '../../domain/orders';
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

/**
 * Settles an order's escrow once the order ends: completion releases everything held to the
 * seller, a cancellation refunds the buyer. Dispute outcomes are settled by the disputes context.
 * Command and event ids derive from the order event, so a redelivery changes nothing.
 */
@Injectable()
export class OrderSettlementReactor implements Reactor {
  readonly name = 'orders.escrow-settlement';
  readonly filter = {
    categories: ['order'],
    eventTypePrefixes: ['OrderCompleted', 'OrderCancelled'],
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
      return {
        escrowId: data.escrowId,
        command: {
          type: 'RefundEscrow',
          data: {
            refundId: deterministicId('refund', event.id),
            amountCents: data.refundCents,
            reason: REFUND_REASONS[data.reason],
          },
          meta: SYSTEM(data.cancelledAt),
        },
      };
    }
    return null;
  }
}
