import { Inject, Injectable } from '@nestjs/common';
import type {
  EscrowFunded,
  EscrowOpened,
  EscrowRefunded,
  EscrowReleased,
} from '../../domain/escrow';
import { PAYMENT_GATEWAY, PaymentGateway } from '../payments/payment-gateway.port';
import { EVENT_STORE, EventStore, RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { escrowStream } from './escrow.messages';

/**
 * Moves the money at the payment gateway once the escrow recorded the movement, whatever caused
 * it (acceptance, cancellation, arbitration). The idempotency key is the movement's own id, so a
 * redelivered event never pays or refunds twice.
 *
 * A mission's escrow is the exception: the missions money process captures the card, pays the
 * provider out instantly and cancels what is left (docs/missions-money.md), so nothing moves here.
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
    if (event.type !== 'EscrowReleased' && event.type !== 'EscrowRefunded') return;
    const escrowEvents = await this.store.readStream(
      escrowStream((event.data as { escrowId: string }).escrowId),
    );
    const opened = escrowEvents.find((e) => e.type === 'EscrowOpened');
    if ((opened?.data as EscrowOpened['data'] | undefined)?.subject.kind === 'mission') return;
    if (event.type === 'EscrowReleased') {
      const data = event.data as EscrowReleased['data'];
      await this.gateway.release({
        escrowId: data.escrowId,
        paymentRef: this.paymentRef(escrowEvents),
        amountCents: data.amountCents,
        payeeNetCents: data.payeeNetCents,
        payeeId: data.payeeId,
        idempotencyKey: `escrow-${data.escrowId}-release-${data.releaseId}`,
      });
    } else if (event.type === 'EscrowRefunded') {
      const data = event.data as EscrowRefunded['data'];
      await this.gateway.refund({
        escrowId: data.escrowId,
        paymentRef: this.paymentRef(escrowEvents),
        amountCents: data.amountCents,
        idempotencyKey: `escrow-${data.escrowId}-refund-${data.refundId}`,
      });
    }
  }

  /** The latest payment into the escrow; orders have exactly one. */
  private paymentRef(events: RecordedEvent[]): string {
    const funded = events.filter((e) => e.type === 'EscrowFunded');
    return (funded[funded.length - 1].data as EscrowFunded['data']).paymentRef;
  }
}
