import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { randomBytes, randomUUID } from 'node:crypto';
import { WalletCommandMessage } from '../../../src/application/payouts/wallet.messages';
import { ListPartnersQuery, Partner } from '../../../src/application/solidarity/partners.query';
import { uploadFile } from '../../support/files';
import {
  IdentityTestApp,
  registerAndLogin,
  startIdentityTestApp,
} from '../identity/identity-test-app';
import { eventually } from '../workers/support/helpers';

const GOOD_IBAN = 'FR76 3000 6000 0112 3456 7890 189';
const KINDS = ['association_statutes', 'association_registration_receipt'];
const REGISTRATION = {
  officialName: 'Les Restos du Cœur de Lyon',
  rnaNumber: 'W691234567',
  siren: '775672272',
  address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
  purpose: 'Aide alimentaire et accompagnement des personnes en difficulté.',
  contactName: 'Camille Martin',
};

describe('solidarity: an association is verified, made a partner, and paid to its withdrawal account', () => {
  let t: IdentityTestApp;
  let association: Awaited<ReturnType<typeof registerAndLogin>>;
  let admin: string;
  let mediator: string;
  const documents: Record<string, string> = {};
  const email = () => `asso.${randomBytes(5).toString('hex')}@example.fr`;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    association = await registerAndLogin(t, { email: email(), roles: ['association'] });
    admin = await t.tokenFor({ roles: ['admin'] });
    mediator = await t.tokenFor({ roles: ['mediator'] });
  });
  afterAll(async () => t?.close());

  const grant = (note?: string) =>
    t.request('POST', `/admin/associations/${association.accountId}/partnership`, {
      token: admin,
      body: note === undefined ? {} : { note },
    });

  it('starts unverified; a provider cannot read an association file', async () => {
    const file = await t.request('GET', '/me/association-verification', {
      token: association.accessToken,
    });
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({
      associationId: association.accountId,
      verified: false,
      registered: false,
      registration: null,
      missing: KINDS,
      documents: [],
    });
    const provider = await t.tokenFor({ roles: ['provider'] });
    const refused = await t.request('GET', '/me/association-verification', { token: provider });
    expect(refused.status).toBe(403);
  });

  it('declares its registration details, refusing a malformed RNA number or SIREN', async () => {
    const badRna = await t.request('PUT', '/me/association-verification/registration', {
      token: association.accessToken,
      body: { ...REGISTRATION, rnaNumber: '691234567' },
    });
    expect({ status: badRna.status, code: badRna.body.code }).toEqual({
      status: 400,
      code: 'INVALID_RNA_NUMBER',
    });
    const badSiren = await t.request('PUT', '/me/association-verification/registration', {
      token: association.accessToken,
      body: { ...REGISTRATION, siren: '775672273' },
    });
    expect(badSiren.body.code).toBe('INVALID_SIREN');
    const declared = await t.request('PUT', '/me/association-verification/registration', {
      token: association.accessToken,
      body: REGISTRATION,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({
      registered: true,
      verified: false,
      contactName: 'Camille Martin',
      registration: {
        rnaNumber: 'W691234567',
        siren: '775672272',
        officialName: REGISTRATION.officialName,
      },
    });
  });

  it('sends its statutes and declaration receipt; staff cannot make it a partner before approving them', async () => {
    for (const kind of KINDS) {
      const res = await t.request('POST', '/me/association-verification/documents', {
        token: association.accessToken,
        body: {
          kind,
          uploadRef: await uploadFile(
            t,
            association.accessToken,
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
    const wrongKind = await t.request('POST', '/me/association-verification/documents', {
      token: association.accessToken,
      body: {
        kind: 'kbis_or_cfe',
        uploadRef: await uploadFile(t, association.accessToken, 'verification_document'),
      },
    });
    expect(wrongKind.body.code).toBe('UNKNOWN_DOCUMENT_KIND');
    const early = await grant();
    expect({ status: early.status, code: early.body.code }).toEqual({
      status: 422,
      code: 'ASSOCIATION_NOT_VERIFIED',
    });
    await t.settle();
    const queue = await t.request('GET', '/admin/verifications', { token: mediator });
    expect(
      queue.body.items
        .filter((i: { providerId: string }) => i.providerId === association.accountId)
        .map((i: { kind: string }) => i.kind)
        .sort(),
    ).toEqual([...KINDS].sort());
    const listed = await t.request('GET', '/admin/associations?verified=false', { token: admin });
    expect(listed.status).toBe(200);
    expect(
      listed.body.items.find(
        (a: { associationId: string }) => a.associationId === association.accountId,
      ),
    ).toMatchObject({
      registered: true,
      verified: false,
      partner: false,
      documentsAwaitingReview: 2,
    });
  });

  it('is verified once staff approve both documents, at the same routes as a provider’s', async () => {
    for (const kind of KINDS) {
      const res = await t.request(
        'POST',
        `/admin/verifications/${association.accountId}/documents/${documents[kind]}/approve`,
        { token: mediator },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'approved', expiresAt: null });
    }
    const file = await t.request(
      'GET',
      `/admin/associations/${association.accountId}/verification`,
      {
        token: mediator,
      },
    );
    expect(file.body).toMatchObject({ verified: true, missing: [], expired: [] });
  });

  it('staff make it a partner; a second grant is refused; it shows in the public list', async () => {
    const before = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const granted = await grant('Banque alimentaire du Rhône');
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      associationId: association.accountId,
      status: 'partner',
      name: REGISTRATION.officialName,
    });
    const again = await grant();
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'ALREADY_PARTNER',
    });
    const told = await t.request(
      'GET',
      `/admin/notifications?accountId=${association.accountId}&template=solidarity.partnership_granted`,
      { token: admin },
    );
    expect(told.body.items).toHaveLength(1);
    expect(told.body.items[0].data).toMatchObject({ name: REGISTRATION.officialName });
    await t.settle();
    const list = await t.request('GET', '/solidarity/associations');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual({
      associationId: association.accountId,
      name: REGISTRATION.officialName,
      purpose: REGISTRATION.purpose,
      partnerSince: granted.body.partnerSince,
    });
    const one = await t.request('GET', `/solidarity/associations/${association.accountId}`);
    expect(one.body).toMatchObject({ rnaNumber: 'W691234567', city: 'Lyon' });
    const staff = await t.request('GET', '/admin/associations?partner=true&verified=true', {
      token: admin,
    });
    expect(staff.body.items.map((a: { associationId: string }) => a.associationId)).toContain(
      association.accountId,
    );
    const queries = t.app.get(QueryBus);
    const now = await queries.execute<ListPartnersQuery, Partner[]>(
      new ListPartnersQuery(t.clock.now().toISOString()),
    );
    expect(now.map((p) => p.associationId)).toContain(association.accountId);
    const earlier = await queries.execute<ListPartnersQuery, Partner[]>(
      new ListPartnersQuery(before),
    );
    expect(earlier.map((p) => p.associationId)).not.toContain(association.accountId);
  });

  it('registers a withdrawal account; its wallet is credited and paid out', async () => {
    const token = association.accessToken;
    const registered = await t.request('POST', '/wallet/withdrawal-accounts', {
      token,
      body: { kind: 'bank', iban: GOOD_IBAN, holderName: REGISTRATION.officialName },
    });
    expect(registered.status).toBe(201);
    const accountId = registered.body.account.accountId as string;
    await t.app.get(CommandBus).execute(
      new WalletCommandMessage(
        association.accountId,
        {
          type: 'CreditWallet',
          data: {
            providerId: association.accountId,
            creditId: randomUUID(),
            escrowId: randomUUID(),
            amountCents: 12_345,
          },
          meta: { now: t.clock.now().toISOString(), actorId: 'system', actorRole: 'system' },
        },
        { correlationId: 'test-pot-share' },
      ),
    );
    const wallet = await t.request('GET', '/wallet', { token });
    expect(wallet.body).toMatchObject({
      providerId: association.accountId,
      availableCents: 12_345,
    });
    expect(wallet.body.accounts).toHaveLength(1);
    const requested = await t.request('POST', '/wallet/withdrawals', {
      token,
      body: { amountCents: 12_345, accountId },
    });
    expect(requested.status).toBe(201);
    const payoutId = requested.body.payoutId as string;
    const sent = await eventually(
      async () => {
        const res = await t.request('GET', `/payouts/${payoutId}`, { token });
        return res.body.status === 'sent' ? res.body : undefined;
      },
      15_000,
      'the payout to the association to be sent',
    );
    expect(sent).toMatchObject({ providerId: association.accountId, amountCents: 12_345 });
  });

  it('staff end the partnership with a reason; it leaves the public list', async () => {
    const url = `/admin/associations/${association.accountId}/partnership`;
    const noReason = await t.request('DELETE', url, { token: admin, body: { reason: ' ' } });
    expect(noReason.body.code).toBe('PARTNERSHIP_REASON_REQUIRED');
    const ended = await t.request('DELETE', url, {
      token: admin,
      body: { reason: 'L’association a cessé son activité.' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended' });
    const twice = await t.request('DELETE', url, { token: admin, body: { reason: 'encore' } });
    expect({ status: twice.status, code: twice.body.code }).toEqual({
      status: 409,
      code: 'NOT_A_PARTNER',
    });
    await t.settle();
    const list = await t.request('GET', '/solidarity/associations');
    expect(list.body.items.map((a: { associationId: string }) => a.associationId)).not.toContain(
      association.accountId,
    );
    const one = await t.request('GET', `/solidarity/associations/${association.accountId}`);
    expect({ status: one.status, code: one.body.code }).toEqual({
      status: 404,
      code: 'ASSOCIATION_NOT_FOUND',
    });
  });
  it('the contact person is personal data: erased with the account, the registration details stay', async () => {
    const erased = await t.request('POST', `/admin/accounts/${association.accountId}/erasure`, {
      token: admin,
      body: { reason: 'gdpr_request' },
    });
    expect(erased.body).toMatchObject({ status: 'erased' });
    const file = await t.request(
      'GET',
      `/admin/associations/${association.accountId}/verification`,
      {
        token: mediator,
      },
    );
    expect(file.body).toMatchObject({
      contactName: '[erased]',
      registration: { officialName: REGISTRATION.officialName, rnaNumber: 'W691234567' },
      verified: true,
    });
  });
});
