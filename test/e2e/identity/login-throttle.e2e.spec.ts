import { randomBytes } from 'node:crypto';
import { buildOpenApi } from '../../../src/bootstrap';
import { TestApp, TestResponse } from '../../support/test-app';
import {
  IdentityTestApp,
  registerAndLogin,
  startIdentityTestApp,
  STRONG_PASSWORD,
} from './identity-test-app';

const WRONG = 'Wr0ng!pass';
const email = () => `user.${randomBytes(5).toString('hex')}@example.fr`;

function login(
  t: TestApp,
  body: { email: string; password: string; deviceToken?: string },
  headers: Record<string, string> = {},
): Promise<TestResponse> {
  return t.request('POST', '/auth/login', { body, headers });
}

const from = (address: string) => ({ 'x-forwarded-for': address });

function expectThrottled(res: TestResponse): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({
    status: 429,
    code: 'LOGIN_THROTTLED',
  });
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

/** Issue 12, point 5: the login throttle cannot be dodged with forged or rotating addresses. */
describe('login throttle with the default configuration (no trusted proxy)', () => {
  let t: IdentityTestApp;
  beforeAll(async () => {
    t = await startIdentityTestApp();
  });
  afterAll(async () => t?.close());

  it('ignores X-Forwarded-For: once locked, rotating it gets 429 even with the right password', async () => {
    // A registered login and an unknown one behave the same, so the lockout reveals nothing.
    for (const [target, registered] of [
      [email(), true],
      [email(), false],
    ] as const) {
      if (registered) await registerAndLogin(t, { email: target });
      for (let i = 0; i < 5; i++) {
        const res = await login(t, { email: target, password: WRONG }, from(`198.51.100.${i}`));
        expect({ status: res.status, code: res.body.code }).toEqual({
          status: 401,
          code: 'INVALID_CREDENTIALS',
        });
      }
      for (let i = 0; i < 30; i++) {
        const forged = { 'x-forwarded-for': `203.0.113.${i}, 192.0.2.${i}` };
        expectThrottled(await login(t, { email: target, password: STRONG_PASSWORD }, forged));
      }
    }
  });

  it('documents the 429 and the device token on POST /auth/login', () => {
    const operation = JSON.parse(JSON.stringify(buildOpenApi(t.app))).paths['/auth/login'].post;
    expect(operation.responses['429'].description).toContain('LOGIN_THROTTLED');
    expect(operation.description).toContain('deviceToken');
  });
});

describe('login throttle behind a trusted proxy (TRUST_PROXY=127.0.0.1, the test client)', () => {
  let t: IdentityTestApp;
  beforeAll(async () => {
    t = await startIdentityTestApp({ TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(async () => t?.close());

  it('throttles on the forwarded client address', async () => {
    const victim = email();
    await registerAndLogin(t, { email: victim });
    for (let i = 0; i < 5; i++)
      expect((await login(t, { email: victim, password: WRONG }, from('203.0.113.5'))).status).toBe(
        401,
      );
    expectThrottled(
      await login(t, { email: victim, password: STRONG_PASSWORD }, from('203.0.113.5')),
    );
    const elsewhere = await login(
      t,
      { email: victim, password: STRONG_PASSWORD },
      from('203.0.113.6'),
    );
    expect(elsewhere.status).toBe(200);
  });

  it("locks a login for every unknown client after failures from rotating addresses, but not the victim's known device", async () => {
    const victim = email();
    const other = email();
    await registerAndLogin(t, { email: victim });
    await registerAndLogin(t, { email: other });
    const known = await login(t, { email: victim, password: STRONG_PASSWORD }, from('192.0.2.10'));
    expect(known.status).toBe(200);
    const deviceToken = known.body.deviceToken as string;
    expect(deviceToken).toMatch(/^[\w-]{43}$/);
    expect(String(known.headers['set-cookie'])).toContain(`mk_device=${deviceToken};`);
    const otherDevice = (await login(t, { email: other, password: STRONG_PASSWORD })).body
      .deviceToken as string;

    for (const target of [victim, email()]) {
      // Ten failures, each from a fresh address: no address is locked, the login is.
      for (let i = 0; i < 10; i++) {
        const res = await login(t, { email: target, password: WRONG }, from(`198.51.100.${i}`));
        expect({ status: res.status, code: res.body.code }).toEqual({
          status: 401,
          code: 'INVALID_CREDENTIALS',
        });
      }
      for (let i = 10; i < 15; i++)
        expectThrottled(
          await login(t, { email: target, password: STRONG_PASSWORD }, from(`198.51.100.${i}`)),
        );
    }
    // A device token given to another login trusts nothing here.
    expectThrottled(
      await login(t, { email: victim, password: STRONG_PASSWORD, deviceToken: otherDevice }),
    );

    // The victim's own device still logs in, and each success hands it a fresh token.
    const again = await login(
      t,
      { email: victim, password: STRONG_PASSWORD, deviceToken },
      from('192.0.2.10'),
    );
    expect(again.status).toBe(200);
    expect(again.body.accessToken).toEqual(expect.any(String));
    const next = again.body.deviceToken as string;
    expect(next).not.toBe(deviceToken);
    // The cookie works as well as the body field; the spent token no longer does.
    const byCookie = await t.request('POST', '/auth/login', {
      body: { email: victim, password: STRONG_PASSWORD },
      headers: { cookie: `theme=dark; mk_device=${next}` },
    });
    expect(byCookie.status).toBe(200);
    expectThrottled(await login(t, { email: victim, password: STRONG_PASSWORD, deviceToken }));

    // A known device is throttled on its own: a stolen device token buys five guesses.
    const current = byCookie.body.deviceToken as string;
    for (let i = 0; i < 5; i++)
      expect(
        (await login(t, { email: victim, password: WRONG, deviceToken: current })).status,
      ).toBe(401);
    expectThrottled(
      await login(t, { email: victim, password: STRONG_PASSWORD, deviceToken: current }),
    );

    // Both lockouts end with their time.
    t.clock.advance(16 * 60_000);
    try {
      const later = await login(
        t,
        { email: victim, password: STRONG_PASSWORD },
        from('198.51.100.99'),
      );
      expect(later.status).toBe(200);
    } finally {
      t.clock.advance(-16 * 60_000);
    }
  });
});
