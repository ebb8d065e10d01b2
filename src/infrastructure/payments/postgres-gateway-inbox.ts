import { Pool } from 'pg';
import {
  GatewayDelivery,
  GatewayInbox,
  InboxReceipt,
} from '../../application/payments/gateway-inbox.port';

/** Received notifications in `gateway_webhook_events`, keyed by provider and provider event id. */
export class PostgresGatewayInbox extends GatewayInbox {
  constructor(private readonly pool: Pool) {
    super();
  }

  async receive({ provider, eventId, providerType }: GatewayDelivery): Promise<InboxReceipt> {
    const inserted = await this.pool.query(
      `INSERT INTO gateway_webhook_events (provider, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [provider, eventId, providerType],
    );
    if (inserted.rowCount !== 0) return { handled: false };
    const { rows } = await this.pool.query<{ processed_at: Date | null; outcome: string | null }>(
      'SELECT processed_at, outcome FROM gateway_webhook_events WHERE provider = $1 AND event_id = $2',
      [provider, eventId],
    );
    return rows[0]?.processed_at
      ? { handled: true, outcome: rows[0].outcome ?? 'handled' }
      : { handled: false };
  }

  async complete({ provider, eventId }: GatewayDelivery, outcome: string): Promise<void> {
    await this.pool.query(
      'UPDATE gateway_webhook_events SET processed_at = now(), outcome = $3 WHERE provider = $1 AND event_id = $2',
      [provider, eventId, outcome],
    );
  }
}
