import { Inject, Injectable } from '@nestjs/common';
import {
  refundDraws,
  type EscrowEvent,
  type EscrowFunded,
  type EscrowOpened,
  type EscrowRefunded,
  type EscrowReleased,
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
 *
 * A tender project's R0 account is charged tranche by tranche and the money stays on the platform
 * balance: a release is paid out later through the provider's payment request (docs/tenders-r0.md),
 * so nothing moves here on a release; a refund gives back each tranche's own charge, drawn oldest
 * first as the account shows it.
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
    const kind = (opened?.data as EscrowOpened['data'] | undefined)?.subject.kind;
    if (kind === 'mission') return;
    if (kind === 'project') {
      if (event.type === 'EscrowRefunded') await this.refundTranches(event, escrowEvents);
      return;
    }
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

  /** Each tranche the refund drew on gives back its own part of its charge. */
  private async refundTranches(event: RecordedEvent, escrowEvents: RecordedEvent[]) {
    const data = event.data as EscrowRefunded['data'];
    const draws = refundDraws(
      escrowEvents.map((e) => ({ type: e.type, data: e.data }) as EscrowEvent),
      data.refundId,
    );
    for (const draw of draws) {
      await this.gateway.refund({
        escrowId: data.escrowId,
        paymentRef: draw.paymentRef,
        amountCents: draw.amountCents,
        idempotencyKey: `escrow-${data.escrowId}-refund-${data.refundId}-${draw.trancheId}`,
      });
    }
  }

  /** The latest payment into the escrow; orders have exactly one. */
  private paymentRef(events: RecordedEvent[]): string {
    const funded = events.filter((e) => e.type === 'EscrowFunded');
    return (funded[funded.length - 1].data as EscrowFunded['data']).paymentRef;
  }
}
