import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { EscrowFunded } from '../../../domain/escrow';
import { RecordedEvent } from '../../../application/shared/event-store.port';
import { Reactor } from '../../../application/shared/reactor';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';

/** Keeps the payment reference -> escrow index a chargeback or refund notification is resolved with. */
@Injectable()
export class PaymentRefsReactor implements Reactor {
  readonly name = 'webhooks.payment-refs';
  readonly filter = { categories: ['escrow'], eventTypePrefixes: ['EscrowFunded'] };

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async handle(event: RecordedEvent): Promise<void> {
    await this.handleBatch([event]);
  }

  /** One statement for all the payments of a subscription batch. */
  async handleBatch(events: RecordedEvent[]): Promise<void> {
    const funded = events
      .filter((e) => e.type === 'EscrowFunded')
      .map((e) => e.data as EscrowFunded['data']);
    if (funded.length === 0) return;
    await this.pool.query(
      `INSERT INTO gateway_payment_refs (payment_ref, escrow_id)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [funded.map((f) => f.paymentRef), funded.map((f) => f.escrowId)],
    );
  }
}
