import { Clock, OffsetClock } from '../../../src/application/shared/clock';
import { RecipientDirectory } from '../../../src/application/notifications/notifications.port';
import { renderNotification } from '../../../src/infrastructure/notifications/notification-templates';
import { TestMailbox } from '../../support/mailbox';
import { ProviderOverride, startTestApp, TestApp } from '../../support/test-app';

export type IdentityTestApp = TestApp & { clock: OffsetClock; mailbox: TestMailbox };

/** The application as `startTestApp` builds it, with a movable clock, mailing over SMTP to a test mailbox. */
export async function startIdentityTestApp(
  env: Record<string, string> = {},
  overrides: ProviderOverride[] = [],
): Promise<IdentityTestApp> {
  const clock = new OffsetClock();
  const mailbox = await TestMailbox.start();
  const t = await startTestApp({ SMTP_URL: mailbox.url, ...env }, [[Clock, clock], ...overrides]);
  const close = t.close.bind(t);
  return Object.assign(t, {
    clock,
    mailbox,
    async close() {
      await close();
      await mailbox.close();
    },
  });
}

/** The single-use code last e-mailed to an account with this template, read from its mailbox. */
export async function lastCodeSent(
  t: IdentityTestApp,
  accountId: string,
  template: string,
): Promise<string> {
  const address = await t.app.get(RecipientDirectory).emailOf(accountId);
  if (!address) throw new Error(`no address for ${accountId}`);
  const { subject } = renderNotification(template, {});
  const code = t.mailbox.lastCode(address, subject);
  if (code === null) throw new Error(`no ${template} in the mailbox of ${accountId}`);
  return code;
}

export const STRONG_PASSWORD = 'Str0ng!pass';

/** Registers, confirms with the code from the mailbox and logs in. */
export async function registerAndLogin(
  t: IdentityTestApp,
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
