import { accountIdOfToken, hashSecret, newAccountToken, newRefreshToken } from './secret-tokens';

describe('single-use link tokens', () => {
  const accountId = '3f2b8c1e-9a4d-4e6f-8b21-0c5d7e9f1a2b';

  it('carry the account id and are stored only as their SHA-256', () => {
    const { token, tokenHash } = newAccountToken(accountId);
    expect(accountIdOfToken(token)).toBe(accountId);
    expect(tokenHash).toBe(hashSecret(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toContain(token);
  });

  it('are unguessable: two tokens for one account differ', () => {
    expect(newAccountToken(accountId).token).not.toBe(newAccountToken(accountId).token);
  });

  it('reject malformed input instead of naming an account', () => {
    for (const bad of [
      undefined,
      42,
      '',
      'garbage',
      `${newAccountToken(accountId).token}x`,
      '!'.repeat(64),
    ]) {
      expect(accountIdOfToken(bad)).toBeNull();
    }
  });

  it('refresh tokens are random and hashed the same way', () => {
    const a = newRefreshToken();
    expect(a.tokenHash).toBe(hashSecret(a.token));
    expect(newRefreshToken().token).not.toBe(a.token);
  });
});
