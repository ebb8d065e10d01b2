import { createHash, randomBytes } from 'node:crypto';

/**
 * Single-use links (e-mail confirmation, password reset) carry the account id and 32 random
 * bytes, so the holder's stream is found without a lookup table; only the SHA-256 is stored.
 */
const SECRET_BYTES = 32;
const UUID_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface IssuedSecret {
  token: string;
  tokenHash: string;
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newAccountToken(accountId: string): IssuedSecret {
  if (!UUID.test(accountId)) throw new RangeError('account ids are lower-case UUIDs');
  const bytes = Buffer.concat([
    Buffer.from(accountId.replace(/-/g, ''), 'hex'),
    randomBytes(SECRET_BYTES),
  ]);
  const token = bytes.toString('base64url');
  return { token, tokenHash: hashSecret(token) };
}

/** The account a link token names, or null when the token is malformed. */
export function accountIdOfToken(token: unknown): string | null {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{64}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== UUID_BYTES + SECRET_BYTES) return null;
  const hex = bytes.subarray(0, UUID_BYTES).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newRefreshToken(): IssuedSecret {
  const token = randomBytes(SECRET_BYTES).toString('base64url');
  return { token, tokenHash: hashSecret(token) };
}
