import { Pool } from 'pg';

/** The one Stripe Customer of each account, its cards saved on it for off-session plan charges. */
export abstract class StripeCustomers {
  abstract customerOf(accountId: string): Promise<string | null>;
  /** Keeps the first customer remembered for the account and answers it (a racing twin gets that one). */
  abstract remember(accountId: string, customerId: string): Promise<string>;
}

export class PostgresStripeCustomers extends StripeCustomers {
  constructor(private readonly pool: Pool) {
    super();
  }

  async customerOf(accountId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ stripe_customer_id: string }>(
      'SELECT stripe_customer_id FROM stripe_customers WHERE account_id = $1',
      [accountId],
    );
    return rows[0]?.stripe_customer_id ?? null;
  }

  /** One statement: the no-op update makes the kept row come back whoever inserted it. */
  async remember(accountId: string, customerId: string): Promise<string> {
    const { rows } = await this.pool.query<{ stripe_customer_id: string }>(
      `INSERT INTO stripe_customers (account_id, stripe_customer_id) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET account_id = EXCLUDED.account_id
       RETURNING stripe_customer_id`,
      [accountId, customerId],
    );
    return rows[0].stripe_customer_id;
  }
}

/** For unit tests and tools: the same contract in memory. */
export class InMemoryStripeCustomers extends StripeCustomers {
  readonly customers = new Map<string, string>();
  async customerOf(accountId: string): Promise<string | null> {
    return this.customers.get(accountId) ?? null;
  }
  async remember(accountId: string, customerId: string): Promise<string> {
    if (!this.customers.has(accountId)) this.customers.set(accountId, customerId);
    return this.customers.get(accountId)!;
  }
}
