import { randomBytes } from 'node:crypto';
import { RegistrationService } from '../../../src/application/identity/registration.service';
import {
  IdentityTestApp,
  registerAndLogin,
  startIdentityTestApp,
  STRONG_PASSWORD,
} from '../identity/identity-test-app';

const email = () => `staff.${randomBytes(5).toString('hex')}@example.fr`;

interface Credentials {
  token: string;
  cookie: string;
}

/** Issue 12, point 6: the queue dashboard honours logout and role revocation on every request. */
describe('queue dashboard and session revocation', () => {
  let t: IdentityTestApp;
  beforeAll(async () => {
    t = await startIdentityTestApp();
  });
  afterAll(async () => t?.close());

  async function logIn(address: string, password: string): Promise<Credentials> {
    const login = await t.request('POST', '/auth/login', { body: { email: address, password } });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    const session = await t.request('POST', '/admin/queues/session', { token });
    expect(session.status).toBe(204);
    return { token, cookie: String(session.headers['set-cookie']).split(';')[0] };
  }

  /** The statuses of a read, a new dashboard session and two admin actions, with a bearer token and with the cookie. */
  async function dashboardStatuses({ token, cookie }: Credentials): Promise<number[]> {
    const calls = [
      ['GET', '/admin/queues/api/queues'],
      ['POST', '/admin/queues/session'],
      ['PUT', '/admin/queues/api/queues/deadlines/retry/failed'],
      ['PUT', '/admin/queues/api/queues/deadlines/clean/failed'],
    ] as const;
    const statuses: number[] = [];
    for (const auth of [{ token }, { headers: { cookie } }])
      for (const [method, url] of calls) statuses.push((await t.request(method, url, auth)).status);
    return statuses;
  }

  it('refuses a logged-out token and its cookie, and a member whose staff role was revoked; a live admin session still works', async () => {
    const adminEmail = email();
    await t.app.get(RegistrationService).bootstrapAdmin(adminEmail, 'B00tstrap!admin');
    const leaving = await logIn(adminEmail, 'B00tstrap!admin');
    const staying = await logIn(adminEmail, 'B00tstrap!admin');
    expect(await dashboardStatuses(leaving)).toEqual([200, 204, 200, 200, 200, 204, 200, 200]);

    expect((await t.request('POST', '/auth/logout', { token: leaving.token })).status).toBe(204);
    expect(await dashboardStatuses(leaving)).toEqual([401, 401, 401, 401, 401, 401, 401, 401]);
    expect(
      (await t.request('GET', '/admin/queues/api/queues', { token: leaving.token })).body.code,
    ).toBe('SESSION_REVOKED');

    // A member granted finance and admin, then stripped of finance: every session of theirs ends.
    const memberEmail = email();
    const member = await registerAndLogin(t, { email: memberEmail });
    for (const role of ['finance', 'admin'])
      expect(
        (
          await t.request('POST', `/admin/accounts/${member.accountId}/staff-roles`, {
            token: staying.token,
            body: { role },
          })
        ).status,
      ).toBe(200);
    const promoted = await logIn(memberEmail, STRONG_PASSWORD);
    expect(await dashboardStatuses(promoted)).toEqual([200, 204, 200, 200, 200, 204, 200, 200]);
    const revoke = await t.request(
      'DELETE',
      `/admin/accounts/${member.accountId}/staff-roles/finance`,
      { token: staying.token },
    );
    expect(revoke.status).toBe(200);
    expect(await dashboardStatuses(promoted)).toEqual([401, 401, 401, 401, 401, 401, 401, 401]);

    // A fresh login of the member has the roles they still hold: admin, so the dashboard opens.
    expect(await dashboardStatuses(await logIn(memberEmail, STRONG_PASSWORD))).toEqual([
      200, 204, 200, 200, 200, 204, 200, 200,
    ]);
    // Without any staff role left, even a fresh session is refused.
    await t.request('DELETE', `/admin/accounts/${member.accountId}/staff-roles/admin`, {
      token: staying.token,
    });
    const client = await t.request('POST', '/auth/login', {
      body: { email: memberEmail, password: STRONG_PASSWORD },
    });
    expect(
      (await t.request('GET', '/admin/queues/api/queues', { token: client.body.accessToken }))
        .status,
    ).toBe(403);
    expect(await dashboardStatuses(staying)).toEqual([200, 204, 200, 200, 200, 204, 200, 200]);
  });
});
