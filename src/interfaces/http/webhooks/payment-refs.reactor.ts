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
    if (event.type !== 'EscrowFunded') return;
    const { paymentRef, escrowId } = event.data as EscrowFunded['data'];
    await this.pool.query(
      'INSERT INTO gateway_payment_refs (payment_ref, escrow_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [paymentRef, escrowId],
    );
  }
}
