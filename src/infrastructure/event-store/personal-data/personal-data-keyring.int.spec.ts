import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/database';
import { PostgresPersonalDataKeyring } from './personal-data-keyring';

describe('PostgresPersonalDataKeyring', () => {
  let db: TestDatabase;
  const master = randomBytes(32).toString('base64');
  beforeAll(async () => {
    db = await createTestDatabase('mk_int_keys');
  });
  afterAll(async () => db.drop());

  it('stores each data key wrapped, never in clear, and gives the same key back', async () => {
    const keyring = new PostgresPersonalDataKeyring(db.pool, master);
    const key = await keyring.encryptionKey('owner-1');
    expect(key).toHaveLength(32);
    const { rows } = await db.pool.query(
      'SELECT wrapped_key FROM personal_data_keys WHERE owner_id = $1',
      ['owner-1'],
    );
    expect(Buffer.compare(rows[0].wrapped_key, key!)).not.toBe(0);
    expect(rows[0].wrapped_key.includes(key!)).toBe(false);
    // A keyring on another pool (another process, no shared cache) unwraps the same key.
    const pool = new Pool({ connectionString: db.url, max: 1 });
    try {
      expect(
        (await new PostgresPersonalDataKeyring(pool, master).decryptionKey('owner-1'))!.equals(
          key!,
        ),
      ).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it('destroys a key for good: reads get null and no new key is ever made', async () => {
    const keyring = new PostgresPersonalDataKeyring(db.pool, master);
    await keyring.encryptionKey('owner-2');
    await keyring.destroy('owner-2');
    expect(await keyring.decryptionKey('owner-2')).toBeNull();
    expect(await keyring.encryptionKey('owner-2')).toBeNull();
    const { rows } = await db.pool.query(
      'SELECT wrapped_key, destroyed_at FROM personal_data_keys WHERE owner_id = $1',
      ['owner-2'],
    );
    expect(rows[0].wrapped_key).toBeNull();
    expect(rows[0].destroyed_at).not.toBeNull();
  });

  it('evicts a destroyed key from every keyring sharing the pool', async () => {
    const writer = new PostgresPersonalDataKeyring(db.pool, master);
    const eraser = new PostgresPersonalDataKeyring(db.pool, master);
    await writer.encryptionKey('owner-3');
    await eraser.destroy('owner-3');
    expect(await writer.decryptionKey('owner-3')).toBeNull();
  });

  it('agrees on one key when two first writes race', async () => {
    const a = new PostgresPersonalDataKeyring(db.pool, master);
    const [k1, k2] = await Promise.all([a.encryptionKey('owner-4'), a.encryptionKey('owner-4')]);
    expect(k1!.equals(k2!)).toBe(true);
  });
});
