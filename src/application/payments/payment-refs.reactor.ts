import { Injectable } from '@nestjs/common';
import type { EscrowFunded } from '../../domain/escrow';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { PaymentReferences } from './payment-references.port';

/** Keeps the payment reference -> escrow index a chargeback or refund notification is resolved with. */
@Injectable()
export class PaymentRefsReactor implements Reactor {
  /** The name keys the reactor's checkpoint, so it keeps the one it had under interfaces/http. */
  readonly name = 'webhooks.payment-refs';
  readonly filter = { categories: ['escrow'], eventTypePrefixes: ['EscrowFunded'] };

  constructor(private readonly refs: PaymentReferences) {}

  async handle(event: RecordedEvent): Promise<void> {
    await this.handleBatch([event]);
  }

  /** One write for all the payments of a subscription batch. */
  async handleBatch(events: RecordedEvent[]): Promise<void> {
    const funded = events
      .filter((e) => e.type === 'EscrowFunded')
      .map((e) => e.data as EscrowFunded['data']);
    if (funded.length === 0) return;
    await this.refs.remember(
      funded.map((f) => ({ paymentRef: f.paymentRef, escrowId: f.escrowId })),
    );
  }
}
