import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { buildOpenApi } from '../../../src/bootstrap';
import { renderNotification } from '../../../src/infrastructure/notifications/notification-templates';
import { eventually } from '../workers/support/helpers';
import { uploadFile } from '../../support/files';
import { RegistrationService } from '../../../src/application/identity/registration.service';
import {
  IdentityTestApp,
  lastCodeSent,
  registerAndLogin,
  startIdentityTestApp,
  STRONG_PASSWORD,
} from './identity-test-app';

const STAFF_ROLES = ['admin', 'mediator', 'finance'] as const;
/** The staff areas whose every GET route must answer (the sweep also reads any other GET a staff role may call). */
const STAFF_AREAS = /^\/(admin|finance|mediation)(\/|$)/;
/** Staff GET routes outside the OpenAPI document: the BullMQ dashboard's JSON API (a Fastify plugin). */
const UNDOCUMENTED_STAFF_GETS = ['/admin/queues/api/queues'];
/** Staff routes off by default (404 unless TEST_CLOCK_ENABLED): swept, not required to answer. */
const OFF_BY_DEFAULT = ['/admin/test-clock'];

/**
 * Issue 12, points 2 and 12: the codes of confirmation and reset mails reach only the recipient's
 * mailbox; no staff view shows any secret the platform created (codes, tokens, password hashes,
 * passwords).
 */
describe('staff views never show a secret', () => {
  let t: IdentityTestApp;
  const tag = Math.random().toString(36).slice(2, 8);
  const email = (who: string) => `${who}.${tag}@example.fr`;
  const secrets = new Set<string>();
  const keep = (...values: (string | null | undefined)[]) => {
    for (const v of values) if (v) secrets.add(v);
  };
  const staff: Record<(typeof STAFF_ROLES)[number], { accountId: string; accessToken: string }> =
    {} as never;
  const ids: Record<string, string> = {};

  /** Logs in as a staff account and keeps its tokens among the secrets. */
  const staffLogin = async (address: string, password: string) => {
    const res = await t.request('POST', '/auth/login', { body: { email: address, password } });
    if (res.status !== 200) throw new Error(`login ${address}: ${res.text}`);
    keep(res.body.accessToken, res.body.refreshToken);
    return { accountId: res.body.accountId as string, accessToken: res.body.accessToken as string };
  };

  beforeAll(async () => {
    t = await startIdentityTestApp();
    const adminPassword = 'Adm1n!secret';
    keep(adminPassword, STRONG_PASSWORD);
    await t.app.get(RegistrationService).bootstrapAdmin(email('admin'), adminPassword);
    staff.admin = await staffLogin(email('admin'), adminPassword);
    for (const role of ['mediator', 'finance'] as const) {
      const member = await registerAndLogin(t, { email: email(role) });
      keep(member.accessToken, member.refreshToken);
      keep(await lastCodeSent(t, member.accountId, 'identity.email_confirmation'));
      const grant = await t.request('POST', `/admin/accounts/${member.accountId}/staff-roles`, {
        token: staff.admin.accessToken,
        body: { role },
      });
      if (grant.status !== 200) throw new Error(`grant ${role}: ${grant.text}`);
      staff[role] = await staffLogin(email(role), STRONG_PASSWORD);
    }
  });
  afterAll(async () => t.close());

  it('a mediator who asks a reset for the admin’s e-mail cannot read the code anywhere staff look', async () => {
    const forgot = await t.request('POST', '/auth/forgot-password', {
      token: staff.mediator.accessToken,
      body: { email: email('admin') },
    });
    expect(forgot.status).toBe(202);
    const code = await lastCodeSent(t, staff.admin.accountId, 'identity.password_reset');
    keep(code);

    const outbox = await t.request(
      'GET',
      `/admin/notifications?template=identity.password_reset&accountId=${staff.admin.accountId}`,
      { token: staff.mediator.accessToken },
    );
    expect(outbox.status).toBe(200);
    // The staff view says a reset mail went to the admin, and when; never what it said.
    expect(outbox.body.items[0]).toMatchObject({
      template: 'identity.password_reset',
      recipientAccountId: staff.admin.accountId,
      status: 'sent',
      sentAt: expect.any(String),
    });
    expect(outbox.text).not.toContain(code);
    expect(JSON.stringify(outbox.body.items[0].data)).not.toMatch(/token|link/i);

    // Nor is it kept at rest: the outbox table holds no trace of it.
    const table = await t.db.pool.query('SELECT * FROM notification_outbox');
    expect(JSON.stringify(table.rows)).not.toContain(code);

    // The code does work for whoever reads the admin's mailbox.
    const newPassword = 'N0uveau!admin';
    keep(newPassword);
    expect(
      (await t.request('POST', '/auth/reset-password', { body: { token: code, newPassword } }))
        .status,
    ).toBe(200);
    staff.admin = await staffLogin(email('admin'), newPassword);
  });

  it('drives every secret-making flow, then finds none of them in any staff GET route, as each staff role', async () => {
    // Registration and confirmation (a client and a provider with a document to review).
    const client = await registerAndLogin(t, { email: email('client') });
    const provider = await registerAndLogin(t, { email: email('provider'), roles: ['provider'] });
    keep(client.accessToken, client.refreshToken, provider.accessToken, provider.refreshToken);
    keep(await lastCodeSent(t, client.accountId, 'identity.email_confirmation'));
    keep(await lastCodeSent(t, provider.accountId, 'identity.email_confirmation'));
    ids.accountId = client.accountId;
    ids.providerId = provider.accountId;
    const doc = await t.request('POST', '/me/verification/documents', {
      token: provider.accessToken,
      body: {
        kind: 'rib',
        uploadRef: await uploadFile(
          t,
          provider.accessToken,
          'verification_document',
          undefined,
          'rib.pdf',
        ),
      },
    });
    expect(doc.status).toBe(201);
    ids.documentId = doc.body.documentId;

    // A confirmation code resent and never used.
    const pending = await t.request('POST', '/auth/register', {
      body: {
        email: email('pending'),
        password: STRONG_PASSWORD,
        displayName: 'Pending',
        roles: ['client'],
      },
    });
    await t.request('POST', '/auth/resend-confirmation', { body: { email: email('pending') } });
    keep(await lastCodeSent(t, pending.body.accountId, 'identity.email_confirmation'));
    expect(t.mailbox.to(email('pending')).length).toBe(2);
    keep(...t.mailbox.to(email('pending')).map((m) => m.text.match(/[A-Za-z0-9_-]{64}/)?.[0]));

    // Token refresh, a used reset and an unused one.
    const refreshed = await t.request('POST', '/auth/refresh', {
      body: { refreshToken: client.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    keep(refreshed.body.accessToken, refreshed.body.refreshToken);
    await t.request('POST', '/auth/forgot-password', { body: { email: email('client') } });
    const reset = await lastCodeSent(t, client.accountId, 'identity.password_reset');
    keep(reset, 'R3set!client');
    await t.request('POST', '/auth/reset-password', {
      body: { token: reset, newPassword: 'R3set!client' },
    });
    const after = await t.request('POST', '/auth/login', {
      body: { email: email('client'), password: 'R3set!client' },
    });
    expect(after.status).toBe(200);
    keep(after.body.accessToken, after.body.refreshToken);
    await t.request('POST', '/auth/forgot-password', { body: { email: email('provider') } });
    keep(await lastCodeSent(t, provider.accountId, 'identity.password_reset'));

    // A certification link sent to a provider's client reference (its token is a secret).
    const referenceEmail = email('reference');
    const added = await t.request('POST', '/me/certification/references', {
      token: provider.accessToken,
      body: {
        name: 'Ref',
        email: referenceEmail,
        company: 'Réf SARL',
        work: 'Un site',
        year: 2025,
      },
    });
    expect(added.status).toBe(201);
    const requestSubject = renderNotification(
      'tenders.certification_reference_request',
      {},
    ).subject;
    keep(
      await eventually(async () => t.mailbox.lastCode(referenceEmail, requestSubject) ?? undefined),
    );

    // A payment request waiting for finance's check (appended as the tenders context records it).
    ids.requestId = randomUUID();
    await t.app.get<EventStore>(EVENT_STORE).appendToStream(`payment_request-${ids.requestId}`, [
      {
        id: randomUUID(),
        type: 'PaymentRequestSubmitted',
        data: {
          requestId: ids.requestId,
          projectId: randomUUID(),
          providerId: provider.accountId,
          escrowId: randomUUID(),
          releaseId: randomUUID(),
          amountCents: 50_000,
          invoiceFileId: randomUUID(),
          invoiceNumber: 'F-2026-001',
          submittedAt: new Date().toISOString(),
        },
        metadata: {
          actorId: provider.accountId,
          actorRole: 'provider',
          occurredAt: new Date().toISOString(),
        },
      },
    ]);
    await t.settle();

    const openApi = JSON.parse(JSON.stringify(buildOpenApi(t.app)));
    const routes = Object.entries(openApi.paths as Record<string, Record<string, unknown>>)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path)
      .concat(UNDOCUMENTED_STAFF_GETS);
    const staffRoutes = routes.filter((p) => STAFF_AREAS.test(p) && !OFF_BY_DEFAULT.includes(p));
    expect(staffRoutes.length).toBeGreaterThanOrEqual(8);

    const leaks: string[] = [];
    const answered = new Set<string>();
    for (const path of routes) {
      const url = path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        if (name === 'role') return 'mediator';
        return ids[name] ?? '00000000-0000-4000-8000-000000000000';
      });
      for (const role of STAFF_ROLES) {
        const res = await t.request('GET', url, { token: staff[role].accessToken });
        if (res.status === 200) answered.add(path);
        if (res.status >= 500) leaks.push(`${role} GET ${url}: ${res.status}`);
        for (const secret of secrets)
          if (res.text.includes(secret)) leaks.push(`${role} GET ${url} shows ${secret}`);
        if (res.text.includes('$argon2')) leaks.push(`${role} GET ${url} shows a password hash`);
      }
    }
    expect(leaks).toEqual([]);
    // A sweep that reads nothing proves nothing: every staff-area route answered some staff role.
    expect(staffRoutes.filter((p) => !answered.has(p))).toEqual([]);
    expect(secrets.size).toBeGreaterThanOrEqual(20);
  });
});
