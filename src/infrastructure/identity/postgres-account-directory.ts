import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { AccountDirectory } from '../../application/identity/identity.ports';
import { formatProviderReference, PROVIDER_REFERENCE_RANDOM_BYTES } from '../../domain/identity';

const MAX_REFERENCE_ATTEMPTS = 20;

/**
 * E-mails are stored as HMAC-SHA256 under a key derived from the personal-data master key, so
 * the table proves uniqueness and finds the account at login without holding any address.
 */
export class PostgresAccountDirectory extends AccountDirectory {
  private readonly emailKey: Buffer;

  constructor(
    private readonly pool: Pool,
    masterKeyBase64: string,
  ) {
    super();
    this.emailKey = Buffer.from(
      hkdfSync(
        'sha256',
        Buffer.from(masterKeyBase64, 'base64'),
        Buffer.alloc(0),
        'account-email-lookup',
        32,
      ),
    );
  }

  async claimEmail(email: string, accountId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'INSERT INTO account_emails (email_hmac, account_id) VALUES ($1, $2) ON CONFLICT (email_hmac) DO NOTHING',
      [this.mac(email), accountId],
    );
    return rowCount === 1;
  }

  async accountIdByEmail(email: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ account_id: string }>(
      'SELECT account_id FROM account_emails WHERE email_hmac = $1',
      [this.mac(email)],
    );
    return rows[0]?.account_id ?? null;
  }

  async releaseEmail(accountId: string): Promise<void> {
    await this.pool.query('DELETE FROM account_emails WHERE account_id = $1', [accountId]);
  }

  async claimProviderReference(accountId: string): Promise<string> {
    for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt++) {
      const reference = formatProviderReference(randomBytes(PROVIDER_REFERENCE_RANDOM_BYTES));
      const { rows } = await this.pool.query<{ reference: string }>(
        `INSERT INTO provider_references (reference, account_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING reference`,
        [reference, accountId],
      );
      if (rows[0]) return rows[0].reference;
      const existing = await this.pool.query<{ reference: string }>(
        'SELECT reference FROM provider_references WHERE account_id = $1',
        [accountId],
      );
      if (existing.rows[0]) return existing.rows[0].reference;
    }
    throw new Error('No free provider reference after several attempts');
  }

  async releaseProviderReference(accountId: string): Promise<void> {
    await this.pool.query('DELETE FROM provider_references WHERE account_id = $1', [accountId]);
  }

  async accountIdByProviderReference(reference: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ account_id: string }>(
      'SELECT account_id FROM provider_references WHERE reference = $1',
      [reference],
    );
    return rows[0]?.account_id ?? null;
  }

  /** The address is normalised by the domain (`parseEmail`) before it gets here. */
  private mac(email: string): Buffer {
    return createHmac('sha256', this.emailKey).update(email, 'utf8').digest();
  }
}
