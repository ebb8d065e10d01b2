import { Inject, Injectable } from '@nestjs/common';
import type { EscrowFunded, EscrowRefunded, EscrowReleased } from '../../domain/escrow';
import { PAYMENT_GATEWAY, PaymentGateway } from '../payments/payment-gateway.port';
import { EVENT_STORE, EventStore, RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { escrowStream } from './escrow.messages';

/**
 * Moves the money at the payment gateway once the escrow recorded the movement, whatever caused
 * it (acceptance, cancellation, arbitration). The idempotency key is the movement's own id, so a
 * redelivered event never pays or refunds twice.
 */
@Injectable()
export class EscrowGatewayReactor implements Reactor {
  readonly name = 'escrow.gateway';
  readonly filter = {
    categories: ['escrow'],
    eventTypePrefixes: ['EscrowReleased', 'EscrowRefunded'],
  };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type === 'EscrowReleased') {
      const data = event.data as EscrowReleased['data'];
      await this.gateway.release({
        escrowId: data.escrowId,
        paymentRef: await this.paymentRef(data.escrowId),
        amountCents: data.amountCents,
        payeeNetCents: data.payeeNetCents,
        payeeId: data.payeeId,
        idempotencyKey: `escrow-${data.escrowId}-release-${data.releaseId}`,
      });
    } else if (event.type === 'EscrowRefunded') {
      const data = event.data as EscrowRefunded['data'];
      await this.gateway.refund({
        escrowId: data.escrowId,
        paymentRef: await this.paymentRef(data.escrowId),
        amountCents: data.amountCents,
        idempotencyKey: `escrow-${data.escrowId}-refund-${data.refundId}`,
      });
    }
  }

  /** The latest payment into the escrow; orders and missions have exactly one. */
  private async paymentRef(escrowId: string): Promise<string> {
    const events = await this.store.readStream(escrowStream(escrowId));
    const funded = events.filter((e) => e.type === 'EscrowFunded');
    return (funded[funded.length - 1].data as EscrowFunded['data']).paymentRef;
  }
}
