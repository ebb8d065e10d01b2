import { Pool } from 'pg';
import { BusinessRuleError } from '../../../domain/shared';

/** The Stripe Connect account that receives a provider's transfers and payouts. */
export abstract class ConnectedAccounts {
  abstract stripeAccountOf(accountId: string): Promise<string>;
}

export class PostgresConnectedAccounts extends ConnectedAccounts {
  constructor(private readonly pool: Pool) {
    super();
  }

  async stripeAccountOf(accountId: string): Promise<string> {
    const { rows } = await this.pool.query<{ stripe_account_id: string }>(
      'SELECT stripe_account_id FROM stripe_connected_accounts WHERE account_id = $1',
      [accountId],
    );
    if (!rows[0]) {
      throw new BusinessRuleError(
        'PAYEE_NOT_ONBOARDED',
        'This provider has no Stripe connected account yet',
        { accountId },
      );
    }
    return rows[0].stripe_account_id;
  }
}
