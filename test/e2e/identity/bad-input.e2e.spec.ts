import { randomBytes } from 'node:crypto';
import {
  IdentityTestApp,
  lastCodeSent,
  registerAndLogin,
  startIdentityTestApp,
  STRONG_PASSWORD,
} from './identity-test-app';

const HOUR = 3_600_000;

/** Issue 3: bad input answers problem+json with a stable code, never a 500. */
describe('identity: bad input', () => {
  let t: IdentityTestApp;
  const email = () => `user.${randomBytes(5).toString('hex')}@example.fr`;
  const register = (body: Record<string, unknown>) =>
    t.request('POST', '/auth/register', {
      body: {
        email: email(),
        password: STRONG_PASSWORD,
        displayName: 'Dominique',
        roles: ['client'],
        ...body,
      },
    });
  const expectProblem = (
    res: { status: number; headers: Record<string, unknown>; body: any },
    status: number,
    code: string,
  ) => {
    expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
  };

  beforeAll(async () => {
    t = await startIdentityTestApp();
  });
  afterAll(async () => t.close());

  it('refuses a malformed e-mail', async () => {
    expectProblem(await register({ email: 'camille@@example' }), 400, 'INVALID_EMAIL');
    expectProblem(
      await t.request('POST', '/auth/login', { body: { email: 'not-an-email', password: 'x' } }),
      400,
      'INVALID_EMAIL',
    );
  });

  it('refuses a weak password and says what it misses', async () => {
    const res = await register({ password: 'password' });
    expectProblem(res, 400, 'WEAK_PASSWORD');
    expect(res.body.missing).toEqual(['digit', 'symbol']);
  });

  it('refuses unknown roles, staff roles and an empty role list', async () => {
    expectProblem(await register({ roles: ['wizard'] }), 400, 'UNKNOWN_ROLE');
    expectProblem(await register({ roles: ['admin'] }), 400, 'STAFF_ROLE_NOT_SELF_ASSIGNABLE');
    expectProblem(await register({ roles: [] }), 400, 'ROLES_REQUIRED');
    expectProblem(await register({ roles: 'client' }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a second account with the same e-mail, whatever its case', async () => {
    const address = email();
    expect((await register({ email: address })).status).toBe(201);
    expectProblem(
      await register({ email: `  ${address.toUpperCase()} ` }),
      409,
      'EMAIL_ALREADY_REGISTERED',
    );
  });

  it('refuses malformed JSON and unknown fields', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expectProblem(await register({ isAdmin: true }), 400, 'VALIDATION_FAILED');
  });

  it('refuses an unknown, a reused and an expired confirmation code', async () => {
    expectProblem(
      await t.request('POST', '/auth/confirm-email', { body: { token: 'garbage' } }),
      400,
      'INVALID_TOKEN',
    );
    const reg = await register({});
    const token = await lastCodeSent(t, reg.body.accountId, 'identity.email_confirmation');
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expectProblem(
      await t.request('POST', '/auth/confirm-email', { body: { token: tampered } }),
      400,
      'INVALID_TOKEN',
    );
    t.clock.advance(49 * HOUR);
    try {
      expectProblem(
        await t.request('POST', '/auth/confirm-email', { body: { token } }),
        400,
        'TOKEN_EXPIRED',
      );
    } finally {
      t.clock.advance(-49 * HOUR);
    }
  });

  it('refuses a reused and an expired reset code, and a weak new password', async () => {
    const address = email();
    const { accountId } = await registerAndLogin(t, { email: address });
    await t.request('POST', '/auth/forgot-password', { body: { email: address } });
    const token = await lastCodeSent(t, accountId, 'identity.password_reset');
    expectProblem(
      await t.request('POST', '/auth/reset-password', { body: { token, newPassword: 'short' } }),
      400,
      'WEAK_PASSWORD',
    );
    expect(
      (
        await t.request('POST', '/auth/reset-password', {
          body: { token, newPassword: 'N3w!password' },
        })
      ).status,
    ).toBe(200);
    expectProblem(
      await t.request('POST', '/auth/reset-password', {
        body: { token, newPassword: 'N3w!password2' },
      }),
      400,
      'INVALID_TOKEN',
    );

    await t.request('POST', '/auth/forgot-password', { body: { email: address } });
    const second = await lastCodeSent(t, accountId, 'identity.password_reset');
    expect(second).not.toBe(token);
    t.clock.advance(2 * HOUR);
    try {
      expectProblem(
        await t.request('POST', '/auth/reset-password', {
          body: { token: second, newPassword: 'N3w!password3' },
        }),
        400,
        'TOKEN_EXPIRED',
      );
    } finally {
      t.clock.advance(-2 * HOUR);
    }
  });

  it('throttles repeated failed logins per e-mail and IP with 429 and Retry-After', async () => {
    const address = email();
    await registerAndLogin(t, { email: address });
    for (let i = 0; i < 5; i++) {
      expectProblem(
        await t.request('POST', '/auth/login', {
          body: { email: address, password: 'Wr0ng!pass' },
        }),
        401,
        'INVALID_CREDENTIALS',
      );
    }
    const locked = await t.request('POST', '/auth/login', {
      body: { email: address, password: STRONG_PASSWORD },
    });
    expectProblem(locked, 429, 'LOGIN_THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address from the same IP is not locked.
    const other = email();
    await registerAndLogin(t, { email: other });
    t.clock.advance(16 * 60_000);
    try {
      expect(
        (
          await t.request('POST', '/auth/login', {
            body: { email: address, password: STRONG_PASSWORD },
          })
        ).status,
      ).toBe(200);
    } finally {
      t.clock.advance(-16 * 60_000);
    }
  });

  it('refuses bad refresh tokens and bad profile values', async () => {
    expectProblem(
      await t.request('POST', '/auth/refresh', { body: { refreshToken: 'nope' } }),
      401,
      'REFRESH_TOKEN_INVALID',
    );
    const { accessToken } = await registerAndLogin(t, { email: email() });
    expectProblem(
      await t.request('PATCH', '/me', { token: accessToken, body: { phone: '12' } }),
      400,
      'INVALID_PHONE',
    );
    expectProblem(
      await t.request('PATCH', '/me', { token: accessToken, body: {} }),
      400,
      'EMPTY_PROFILE_UPDATE',
    );
    const badAddress = { line1: '1 rue A', postalCode: '!!', city: 'Lyon', country: 'FR' };
    expectProblem(
      await t.request('PATCH', '/me', { token: accessToken, body: { address: badAddress } }),
      400,
      'INVALID_ADDRESS',
    );
    expectProblem(
      await t.request('PATCH', '/me', {
        token: accessToken,
        headers: { 'if-match': 'abc' },
        body: { displayName: 'X' },
      }),
      400,
      'INVALID_IF_MATCH',
    );
  });

  it('refuses unknown roles, staff roles and roles not held when changing roles', async () => {
    const { accessToken } = await registerAndLogin(t, { email: email() });
    expectProblem(
      await t.request('POST', '/me/roles', { token: accessToken, body: { role: 'wizard' } }),
      400,
      'UNKNOWN_ROLE',
    );
    expectProblem(
      await t.request('POST', '/me/roles', { token: accessToken, body: { role: 'admin' } }),
      400,
      'STAFF_ROLE_NOT_SELF_ASSIGNABLE',
    );
    expectProblem(
      await t.request('PUT', '/me/active-role', {
        token: accessToken,
        body: { role: 'volunteer' },
      }),
      403,
      'ROLE_NOT_HELD',
    );
    expectProblem(
      await t.request('PUT', '/me/active-role', { token: accessToken, body: { role: 'sorcerer' } }),
      400,
      'UNKNOWN_ROLE',
    );
  });

  it('refuses bad staff input', async () => {
    const admin = await t.tokenFor({ roles: ['admin'] });
    const { accountId } = await registerAndLogin(t, { email: email() });
    expectProblem(
      await t.request('POST', `/admin/accounts/${accountId}/staff-roles`, {
        token: admin,
        body: { role: 'wizard' },
      }),
      400,
      'UNKNOWN_ROLE',
    );
    expectProblem(
      await t.request('POST', `/admin/accounts/${accountId}/staff-roles`, {
        token: admin,
        body: { role: 'client' },
      }),
      400,
      'NOT_A_STAFF_ROLE',
    );
    expectProblem(
      await t.request('POST', '/admin/accounts/not-a-uuid/staff-roles', {
        token: admin,
        body: { role: 'mediator' },
      }),
      400,
      'INVALID_ID',
    );
    expectProblem(
      await t.request('POST', `/admin/accounts/${accountId}/erasure`, {
        token: admin,
        body: { reason: 'bored' },
      }),
      400,
      'UNKNOWN_ERASURE_REASON',
    );
    expectProblem(
      await t.request('GET', '/admin/notifications?before=yesterday', { token: admin }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await t.request('GET', '/providers/XX', { token: admin }),
      400,
      'INVALID_PROVIDER_REFERENCE',
    );
    expectProblem(
      await t.request('GET', '/providers/PR-ABCDE', { token: admin }),
      404,
      'PROVIDER_NOT_FOUND',
    );
  });
});
