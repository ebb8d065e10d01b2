import { QueryBus } from '@nestjs/cqrs';
import { uploadFile } from '../../support/files';
import { randomBytes } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { RegistrationService } from '../../../src/application/identity/registration.service';
import {
  assertProviderVerified,
  GetProviderVerificationQuery,
  ProviderVerificationStatus,
} from '../../../src/application/identity/provider-verification.query';
import {
  IdentityTestApp,
  lastCodeSent,
  registerAndLogin,
  startIdentityTestApp,
} from './identity-test-app';

const DAY = 86_400_000;
const REQUIRED = ['kbis_or_cfe', 'rib', 'urssaf_vigilance', 'tax_compliance', 'rc_pro'];

describe('identity: provider verification and staff roles', () => {
  let t: IdentityTestApp;
  const email = () => `pro.${randomBytes(5).toString('hex')}@example.fr`;
  const status = (providerId: string, now = t.clock.now()) =>
    t.app
      .get(QueryBus)
      .execute<GetProviderVerificationQuery, ProviderVerificationStatus>(
        new GetProviderVerificationQuery(providerId, now.toISOString()),
      );

  beforeAll(async () => {
    t = await startIdentityTestApp();
  });
  afterAll(async () => t.close());

  describe('a provider file', () => {
    let provider: Awaited<ReturnType<typeof registerAndLogin>>;
    let mediator: string;
    const documents: Record<string, string> = {};

    beforeAll(async () => {
      provider = await registerAndLogin(t, { email: email(), roles: ['provider'] });
      mediator = await t.tokenFor({ roles: ['mediator'] });
    });

    it('starts unverified, listing every required document as missing', async () => {
      const file = await t.request('GET', '/me/verification', { token: provider.accessToken });
      expect(file.status).toBe(200);
      expect(file.body).toMatchObject({
        verified: false,
        missing: REQUIRED,
        expired: [],
        documents: [],
      });
      const s = await status(provider.accountId);
      expect(s.missing).toEqual(REQUIRED);
      let refusal: any;
      try {
        assertProviderVerified(s);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toMatchObject({
        code: 'PROVIDER_NOT_VERIFIED',
        family: 'forbidden',
        details: { missingDocuments: REQUIRED },
      });
    });

    it('takes documents for review; staff see them in the queue', async () => {
      for (const kind of REQUIRED) {
        const res = await t.request('POST', '/me/verification/documents', {
          token: provider.accessToken,
          body: {
            kind,
            uploadRef: await uploadFile(
              t,
              provider.accessToken,
              'verification_document',
              undefined,
              `${kind}.pdf`,
            ),
          },
        });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ kind, status: 'submitted' });
        documents[kind] = res.body.documentId;
      }
      const bad = await t.request('POST', '/me/verification/documents', {
        token: provider.accessToken,
        body: {
          kind: 'passport',
          uploadRef: await uploadFile(t, provider.accessToken, 'verification_document'),
        },
      });
      expect(bad.body.code).toBe('UNKNOWN_DOCUMENT_KIND');
      await t.settle();
      const queue = await t.request('GET', '/admin/verifications', { token: mediator });
      expect(queue.status).toBe(200);
      expect(
        queue.body.items
          .filter((i: any) => i.providerId === provider.accountId)
          .map((i: any) => i.kind)
          .sort(),
      ).toEqual([...REQUIRED].sort());
    });

    it('is verified once every document is approved; a rejection says why and keeps the kind missing', async () => {
      const reviewerId = (await registerAndLogin(t, { email: email() })).accountId;
      const reviewer = await t.tokenFor({ accountId: reviewerId, roles: ['mediator'] });
      for (const kind of REQUIRED.filter((k) => k !== 'rib')) {
        const res = await t.request(
          'POST',
          `/admin/verifications/${provider.accountId}/documents/${documents[kind]}/approve`,
          { token: reviewer },
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'approved', reviewedBy: reviewerId });
      }
      const rejected = await t.request(
        'POST',
        `/admin/verifications/${provider.accountId}/documents/${documents.rib}/reject`,
        {
          token: reviewer,
          body: { reason: 'RIB illisible' },
        },
      );
      expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'RIB illisible' });
      expect((await status(provider.accountId)).missing).toEqual(['rib']);
      const mail = await t.request(
        'GET',
        `/admin/notifications?template=identity.document_rejected&accountId=${provider.accountId}`,
        { token: mediator },
      );
      expect(mail.body.items[0].data).toMatchObject({ reason: 'RIB illisible' });

      const again = await t.request('POST', '/me/verification/documents', {
        token: provider.accessToken,
        body: {
          kind: 'rib',
          uploadRef: await uploadFile(
            t,
            provider.accessToken,
            'verification_document',
            undefined,
            'rib-2.pdf',
          ),
        },
      });
      await t.request(
        'POST',
        `/admin/verifications/${provider.accountId}/documents/${again.body.documentId}/approve`,
        { token: reviewer },
      );
      expect(await status(provider.accountId)).toMatchObject({
        verified: true,
        missing: [],
        expired: [],
      });
    });

    it('counts the URSSAF and tax certificates expired after 6 months and RC Pro after a year', async () => {
      const sevenMonths = new Date(t.clock.now().getTime() + 7 * 31 * DAY);
      expect(await status(provider.accountId, sevenMonths)).toMatchObject({
        verified: false,
        missing: [],
        expired: ['urssaf_vigilance', 'tax_compliance'],
      });
      const thirteenMonths = new Date(t.clock.now().getTime() + 13 * 31 * DAY);
      expect((await status(provider.accountId, thirteenMonths)).expired).toEqual([
        'urssaf_vigilance',
        'tax_compliance',
        'rc_pro',
      ]);
    });

    it('requires a DPAE once the provider declares salary portage', async () => {
      const res = await t.request('PUT', '/me/verification/salary-portage', {
        token: provider.accessToken,
        body: { salaryPortage: true },
      });
      expect(res.status).toBe(200);
      expect((await status(provider.accountId)).missing).toEqual(['dpae']);
    });

    it('does not let staff review their own file', async () => {
      const own = await t.tokenFor({
        accountId: provider.accountId,
        roles: ['provider', 'mediator'],
      });
      const res = await t.request(
        'POST',
        `/admin/verifications/${provider.accountId}/documents/${documents.rib}/approve`,
        { token: own },
      );
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CANNOT_REVIEW_OWN_DOCUMENT');
    });
  });

  describe('staff roles', () => {
    it('are granted and revoked by an admin only, recording who did it; a revoked role stops working at once', async () => {
      const adminEmail = email();
      const boot = await t.app
        .get(RegistrationService)
        .bootstrapAdmin(adminEmail, 'B00tstrap!admin');
      expect(boot.created).toBe(true);
      expect(
        await t.app.get(RegistrationService).bootstrapAdmin(adminEmail, 'An0ther!admin'),
      ).toEqual({ accountId: boot.accountId, created: false });
      const adminLogin = await t.request('POST', '/auth/login', {
        body: { email: adminEmail, password: 'B00tstrap!admin' },
      });
      expect(adminLogin.body).toMatchObject({ activeRole: 'admin' });
      expect(adminLogin.body.roles).toContain('admin');
      const admin = adminLogin.body.accessToken;

      const staffEmail = email();
      const member = await registerAndLogin(t, { email: staffEmail });
      const grant = await t.request('POST', `/admin/accounts/${member.accountId}/staff-roles`, {
        token: admin,
        body: { role: 'mediator' },
      });
      expect(grant.status).toBe(200);
      expect(grant.body).toMatchObject({ roles: ['client', 'mediator'], actedBy: boot.accountId });
      const events = await t.app
        .get<EventStore>(EVENT_STORE)
        .readStream(`account-${member.accountId}`);
      const granted = events.find((e) => e.type === 'StaffRoleGranted')!;
      expect(granted.data).toMatchObject({ role: 'mediator', grantedBy: boot.accountId });
      expect(granted.metadata).toMatchObject({ actorId: boot.accountId, actorRole: 'admin' });

      const asMediator = await t.request('POST', '/auth/login', {
        body: { email: staffEmail, password: 'Str0ng!pass' },
      });
      expect(
        (await t.request('GET', '/admin/verifications', { token: asMediator.body.accessToken }))
          .status,
      ).toBe(200);

      const mediatorGrants = await t.request(
        'POST',
        `/admin/accounts/${member.accountId}/staff-roles`,
        { token: asMediator.body.accessToken, body: { role: 'admin' } },
      );
      expect(mediatorGrants.body.code).toBe('ROLE_REQUIRED');

      const revoke = await t.request(
        'DELETE',
        `/admin/accounts/${member.accountId}/staff-roles/mediator`,
        { token: admin },
      );
      expect(revoke.body).toMatchObject({ roles: ['client'], actedBy: boot.accountId });
      expect(
        (await t.request('GET', '/admin/verifications', { token: asMediator.body.accessToken }))
          .status,
      ).toBe(401);

      const self = await t.request(
        'DELETE',
        `/admin/accounts/${boot.accountId}/staff-roles/admin`,
        { token: admin },
      );
      expect(self.body.code).toBe('CANNOT_REVOKE_OWN_ADMIN_ROLE');
    });

    it('lets an admin erase a person on a GDPR request', async () => {
      const admin = await t.tokenFor({ roles: ['admin'] });
      const address = email();
      const member = await registerAndLogin(t, { email: address, displayName: 'Zoé Effacée' });
      expect(await lastCodeSent(t, member.accountId, 'identity.email_confirmation')).toBeTruthy();
      const res = await t.request('POST', `/admin/accounts/${member.accountId}/erasure`, {
        token: admin,
        body: { reason: 'gdpr_request' },
      });
      expect(res.body).toMatchObject({ status: 'erased' });
      expect((await t.request('GET', '/me', { token: member.accessToken })).status).toBe(401);
      const outbox = await t.request('GET', `/admin/notifications?accountId=${member.accountId}`, {
        token: admin,
      });
      expect(outbox.body.items[0]).toMatchObject({ recipientEmail: null, data: {} });
      // The address is free again.
      const again = await t.request('POST', '/auth/register', {
        body: { email: address, password: 'Str0ng!pass', displayName: 'Zoé', roles: ['client'] },
      });
      expect(again.status).toBe(201);
    });
  });
});
