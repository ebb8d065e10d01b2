import { randomBytes } from 'node:crypto';
import { PasswordHasher } from '../../../src/application/identity/identity.ports';
import { Argon2PasswordHasher } from '../../../src/infrastructure/identity/argon2-password-hasher';
import { TestApp, TestResponse } from '../../support/test-app';
import {
  IdentityTestApp,
  registerAndLogin,
  startIdentityTestApp,
  STRONG_PASSWORD,
} from './identity-test-app';

const WRONG = 'Wr0ng!pass';
const email = () => `user.${randomBytes(5).toString('hex')}@example.fr`;

/** The real hasher, counting the password checks it makes. */
class CountingHasher extends Argon2PasswordHasher {
  verifies = 0;

  override verify(hashed: string, plain: string): Promise<boolean> {
    this.verifies++;
    return super.verify(hashed, plain);
  }
}

function login(
  t: TestApp,
  body: { email: string; password: string; deviceToken?: string },
  headers: Record<string, string> = {},
): Promise<TestResponse> {
  return t.request('POST', '/auth/login', { body, headers });
}

function expectThrottled(res: TestResponse): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({
    status: 429,
    code: 'LOGIN_THROTTLED',
  });
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

/** Sends the logins all at once and counts the password checks they caused and their answers. */
async function burst(
  t: TestApp,
  hasher: CountingHasher,
  requests: Array<Parameters<typeof login>>,
): Promise<{ checks: number; invalid: number; throttled: number }> {
  const before = hasher.verifies;
  const answers = await Promise.all(requests.map((args) => login(...args)));
  const invalid = answers.filter((res) => res.body?.code === 'INVALID_CREDENTIALS');
  const throttled = answers.filter((res) => res.body?.code === 'LOGIN_THROTTLED');
  // Every answer is one of the two: no 500, no success with a wrong password.
  expect(invalid.length + throttled.length).toBe(requests.length);
  invalid.forEach((res) => expect(res.status).toBe(401));
  throttled.forEach(expectThrottled);
  return { checks: hasher.verifies - before, invalid: invalid.length, throttled: throttled.length };
}

const times = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i));

/** Issue 12, point 5 follow-up: parallel requests get no more password checks than the threshold. */
describe('login throttle under a burst of parallel logins (default configuration)', () => {
  const hasher = new CountingHasher();
  let t: IdentityTestApp;
  beforeAll(async () => {
    t = await startIdentityTestApp({}, [[PasswordHasher, hasher]]);
  });
  afterAll(async () => t?.close());

  it('checks at most 5 of 50 parallel wrong passwords from one address, then refuses the right one', async () => {
    // A registered login and an unknown one behave the same, so the burst reveals nothing.
    for (const [target, registered] of [
      [email(), true],
      [email(), false],
    ] as const) {
      if (registered) await registerAndLogin(t, { email: target });
      const result = await burst(
        t,
        hasher,
        times(50, () => [t, { email: target, password: WRONG }]),
      );
      expect(result).toEqual({ checks: 5, invalid: 5, throttled: 45 });
      const before = hasher.verifies;
      expectThrottled(await login(t, { email: target, password: STRONG_PASSWORD }));
      expect(hasher.verifies).toBe(before);
    }
  });
});

describe('login throttle under a burst of parallel logins (TRUST_PROXY=127.0.0.1)', () => {
  const hasher = new CountingHasher();
  let t: IdentityTestApp;
  beforeAll(async () => {
    t = await startIdentityTestApp({ TRUST_PROXY: '127.0.0.1' }, [[PasswordHasher, hasher]]);
  });
  afterAll(async () => t?.close());

  it('checks at most 10 of 50 parallel wrong passwords from 50 addresses, and 5 from a known device', async () => {
    const victim = email();
    await registerAndLogin(t, { email: victim });
    const known = await login(t, { email: victim, password: STRONG_PASSWORD });
    const deviceToken = known.body.deviceToken as string;

    const rotating = await burst(
      t,
      hasher,
      times(50, (i) => [
        t,
        { email: victim, password: WRONG },
        { 'x-forwarded-for': `198.51.100.${i}` },
      ]),
    );
    expect(rotating).toEqual({ checks: 10, invalid: 10, throttled: 40 });
    expectThrottled(
      await login(
        t,
        { email: victim, password: STRONG_PASSWORD },
        { 'x-forwarded-for': '198.51.100.200' },
      ),
    );

    // The known device is counted on its own, and a burst with it gets its five checks only.
    const stolen = await burst(
      t,
      hasher,
      times(50, () => [t, { email: victim, password: WRONG, deviceToken }]),
    );
    expect(stolen).toEqual({ checks: 5, invalid: 5, throttled: 45 });
    expectThrottled(await login(t, { email: victim, password: STRONG_PASSWORD, deviceToken }));
  });
});
