import { Clock } from '../../../src/application/identity/identity.ports';
import { startTestApp, TestApp } from '../../support/test-app';

/** Real time shifted by whatever the test advanced it by. */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export type IdentityTestApp = TestApp & { clock: TestClock };

/** The application as `startTestApp` builds it, with a movable identity clock. */
export async function startIdentityTestApp(
  env: Record<string, string> = {},
): Promise<IdentityTestApp> {
  const clock = new TestClock();
  const t = await startTestApp(env, [[Clock, clock]]);
  return Object.assign(t, { clock });
}

/** The single-use code last e-mailed to an account with this template, read from the outbox as staff. */
export async function lastCodeSent(
  t: TestApp,
  accountId: string,
  template: string,
): Promise<string> {
  const admin = await t.tokenFor({ roles: ['admin'] });
  const res = await t.request(
    'GET',
    `/admin/notifications?template=${template}&accountId=${accountId}&limit=1`,
    { token: admin },
  );
  if (res.status !== 200 || res.body.items.length === 0)
    throw new Error(`no ${template} for ${accountId}: ${res.text}`);
  return res.body.items[0].data.token as string;
}

export const STRONG_PASSWORD = 'Str0ng!pass';

/** Registers, confirms through the outbox and logs in. */
export async function registerAndLogin(
  t: TestApp,
  input: { email: string; displayName?: string; roles?: string[]; password?: string },
): Promise<{
  accountId: string;
  accessToken: string;
  refreshToken: string;
  providerReference: string | null;
}> {
  const password = input.password ?? STRONG_PASSWORD;
  const reg = await t.request('POST', '/auth/register', {
    body: {
      email: input.email,
      password,
      displayName: input.displayName ?? 'Test Person',
      roles: input.roles ?? ['client'],
    },
  });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.text}`);
  const token = await lastCodeSent(t, reg.body.accountId, 'identity.email_confirmation');
  const confirmed = await t.request('POST', '/auth/confirm-email', { body: { token } });
  if (confirmed.status !== 200) throw new Error(`confirm failed: ${confirmed.text}`);
  const login = await t.request('POST', '/auth/login', { body: { email: input.email, password } });
  if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
  return {
    accountId: reg.body.accountId,
    accessToken: login.body.accessToken,
    refreshToken: login.body.refreshToken,
    providerReference: reg.body.providerReference,
  };
}
