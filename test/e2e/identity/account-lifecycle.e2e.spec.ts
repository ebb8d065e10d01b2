import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { CommandBus } from '@nestjs/cqrs';
import { CloseDueAccountsCommand } from '../../../src/application/identity/close-due-accounts.command';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import {
  IdentityTestApp,
  lastCodeSent,
  startIdentityTestApp,
  STRONG_PASSWORD,
} from './identity-test-app';

const DAY = 86_400_000;

/**
 * Issue 3's end-to-end scenario: one person from sign-up to erasure. After erasure a plain-text
 * dump of the whole database holds none of their personal data, and their money still adds up.
 */
describe('identity: an account from registration to erasure', () => {
  let t: IdentityTestApp;
  let store: EventStore;
  const tag = randomBytes(4).toString('hex');
  const person = {
    email: `Camille.Zephyrine.${tag}@Example.fr`,
    displayName: `Camille Zéphyrine-${tag}`,
    phoneTyped: '06 71 42 93 58',
    phoneStored: '0671429358',
    line1: `17 rue des Capucines ${tag}`,
    city: `Saint-Zéphyrin-${tag}`,
  };
  const newPassword = 'An0ther!secret';
  let accountId: string;
  let accessToken: string;
  let refreshToken: string;

  const dump = async () =>
    (
      await promisify(execFile)('pg_dump', ['--no-owner', '--format=plain', t.db.url], {
        maxBuffer: 256 * 1024 * 1024,
      })
    ).stdout;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => t.close());

  it('registers; the e-mail must be confirmed before logging in', async () => {
    const reg = await t.request('POST', '/auth/register', {
      body: {
        email: person.email,
        password: STRONG_PASSWORD,
        displayName: person.displayName,
        roles: ['client'],
      },
    });
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({
      roles: ['client'],
      activeRole: 'client',
      emailConfirmed: false,
      providerReference: null,
    });
    accountId = reg.body.accountId;
    expect(JSON.stringify(reg.body)).not.toContain(tag);

    const early = await t.request('POST', '/auth/login', {
      body: { email: person.email, password: STRONG_PASSWORD },
    });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('EMAIL_NOT_CONFIRMED');
  });

  it('confirms the e-mail with the single-use code from the mailbox', async () => {
    const token = await lastCodeSent(t, accountId, 'identity.email_confirmation');
    const confirmed = await t.request('POST', '/auth/confirm-email', { body: { token } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ accountId, emailConfirmed: true });

    const again = await t.request('POST', '/auth/confirm-email', { body: { token } });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVALID_TOKEN');
  });

  it('logs in (e-mail in any case) and reads and updates the profile', async () => {
    const login = await t.request('POST', '/auth/login', {
      body: { email: person.email.toUpperCase(), password: STRONG_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      tokenType: 'Bearer',
      accountId,
      roles: ['client'],
      activeRole: 'client',
    });
    ({ accessToken, refreshToken } = login.body);

    const me = await t.request('GET', '/me', { token: accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      accountId,
      email: person.email.toLowerCase(),
      displayName: person.displayName,
      status: 'open',
      emailConfirmed: true,
    });

    const patch = await t.request('PATCH', '/me', {
      token: accessToken,
      idempotencyKey: randomUUID(),
      headers: { 'if-match': `"${me.body.revision}"` },
      body: {
        phone: person.phoneTyped,
        address: { line1: person.line1, postalCode: '69003', city: person.city, country: 'fr' },
      },
    });
    expect(patch.status).toBe(200);
    expect(patch.body.changed.sort()).toEqual(['address', 'phone']);
    // Stored idempotent replies must not carry personal data.
    expect(JSON.stringify(patch.body)).not.toContain(tag);

    const stale = await t.request('PATCH', '/me', {
      token: accessToken,
      headers: { 'if-match': `"${me.body.revision}"` },
      body: { displayName: 'Other' },
    });
    expect(stale.status).toBe(409);

    const after = await t.request('GET', '/me', { token: accessToken });
    expect(after.body).toMatchObject({
      phone: person.phoneStored,
      address: { line1: person.line1, city: person.city, country: 'FR' },
    });
  });

  it('rotates the refresh token; replaying a spent one revokes the whole session', async () => {
    const refreshed = await t.request('POST', '/auth/refresh', { body: { refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(refreshToken);
    const next = refreshed.body;
    expect((await t.request('GET', '/me', { token: next.accessToken })).status).toBe(200);

    const replay = await t.request('POST', '/auth/refresh', { body: { refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');

    const successor = await t.request('POST', '/auth/refresh', {
      body: { refreshToken: next.refreshToken },
    });
    expect(successor.status).toBe(401);
    expect(successor.body.code).toBe('SESSION_REVOKED');
    const revokedAccess = await t.request('GET', '/me', { token: next.accessToken });
    expect(revokedAccess.status).toBe(401);
    expect(revokedAccess.body.code).toBe('SESSION_REVOKED');
  });

  it('logs out: the access and refresh tokens of that session stop working', async () => {
    const login = await t.request('POST', '/auth/login', {
      body: { email: person.email, password: STRONG_PASSWORD },
    });
    const logout = await t.request('POST', '/auth/logout', { token: login.body.accessToken });
    expect(logout.status).toBe(204);
    expect((await t.request('GET', '/me', { token: login.body.accessToken })).status).toBe(401);
    const refresh = await t.request('POST', '/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(refresh.body.code).toBe('SESSION_REVOKED');
  });

  it('resets a forgotten password with a single-use code; older sessions are logged out', async () => {
    const before = await t.request('POST', '/auth/login', {
      body: { email: person.email, password: STRONG_PASSWORD },
    });
    const forgot = await t.request('POST', '/auth/forgot-password', {
      body: { email: person.email },
    });
    expect(forgot.status).toBe(202);
    const unknown = await t.request('POST', '/auth/forgot-password', {
      body: { email: `nobody.${tag}@example.fr` },
    });
    expect(unknown.status).toBe(202);

    const token = await lastCodeSent(t, accountId, 'identity.password_reset');
    const reset = await t.request('POST', '/auth/reset-password', { body: { token, newPassword } });
    expect(reset.status).toBe(200);
    const reused = await t.request('POST', '/auth/reset-password', {
      body: { token, newPassword: 'Y3t!another' },
    });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('INVALID_TOKEN');

    expect((await t.request('GET', '/me', { token: before.body.accessToken })).status).toBe(401);
    const old = await t.request('POST', '/auth/login', {
      body: { email: person.email, password: STRONG_PASSWORD },
    });
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('INVALID_CREDENTIALS');
    const login = await t.request('POST', '/auth/login', {
      body: { email: person.email, password: newPassword },
    });
    expect(login.status).toBe(200);
    ({ accessToken, refreshToken } = login.body);
  });

  it('activates a second role and switches to it, with fresh tokens each time', async () => {
    const activated = await t.request('POST', '/me/roles', {
      token: accessToken,
      body: { role: 'provider' },
    });
    expect(activated.status).toBe(200);
    expect(activated.body.roles).toEqual(['client', 'provider']);
    expect(activated.body.providerReference).toMatch(/^PR-[2-9A-HJ-NP-Z]{5}$/);
    expect(activated.body.activeRole).toBe('client');

    const switched = await t.request('PUT', '/me/active-role', {
      token: activated.body.accessToken,
      body: { role: 'provider' },
    });
    expect(switched.status).toBe(200);
    expect(switched.body.activeRole).toBe('provider');
    accessToken = switched.body.accessToken;
    // The provider role now passes the guard on provider-only routes.
    expect((await t.request('GET', '/me/verification', { token: accessToken })).status).toBe(200);

    const client = await t.tokenFor({ roles: ['client'] });
    const found = await t.request(
      'GET',
      `/providers/${activated.body.providerReference.toLowerCase()}`,
      { token: client },
    );
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ providerId: accountId, displayName: person.displayName });
  });

  const orderId = randomUUID();
  const escrowId = randomUUID();
  const sellerId = randomUUID();

  it('has orders and payments in the log (appended as their contexts would)', async () => {
    const meta = (actorId: string) => ({
      correlationId: orderId,
      causationId: orderId,
      actorId,
      actorRole: 'client',
      occurredAt: new Date().toISOString(),
    });
    await store.appendToStream(`order-${orderId}`, [
      {
        id: randomUUID(),
        type: 'OrderPlaced',
        data: {
          orderId,
          escrowId,
          buyerId: accountId,
          sellerId,
          source: {
            kind: 'custom',
            customRequestId: randomUUID(),
            title: 'Logo',
            priceCents: 12_000,
            deliveryDays: 5,
          },
          amountCents: 12_000,
          commissionRateBp: 2_000,
          commissionCents: 2_400,
          sellerNetCents: 9_600,
          totalDeliveryDays: 5,
          placedAt: new Date().toISOString(),
          // How any context marks personal data: `data.personal` plus `metadata.personalDataOwner`.
          personal: {
            deliveryAddress: `${person.line1}, ${person.city}`,
            buyerName: person.displayName,
          },
        },
        metadata: { ...meta(accountId), personalDataOwner: accountId },
      },
    ]);
    await store.appendToStream(`escrow-${escrowId}`, [
      {
        id: randomUUID(),
        type: 'EscrowOpened',
        data: {
          escrowId,
          subject: { kind: 'order', id: orderId },
          payerId: accountId,
          payeeId: sellerId,
          commissionRateBp: 1_000,
        },
        metadata: meta(accountId),
      },
      {
        id: randomUUID(),
        type: 'EscrowFunded',
        data: {
          escrowId,
          trancheId: 't1',
          amountCents: 12_000,
          paymentRef: 'pi_fixture_1',
          fundedTotalCents: 12_000,
        },
        metadata: meta(accountId),
      },
      {
        id: randomUUID(),
        type: 'EscrowReleased',
        data: {
          escrowId,
          releaseId: 'r1',
          payeeId: sellerId,
          amountCents: 9_000,
          commissionCents: 900,
          vatOnCommissionCents: 150,
          payeeNetCents: 8_100,
          reason: 'accepted',
        },
        metadata: meta(accountId),
      },
      {
        id: randomUUID(),
        type: 'EscrowRefunded',
        data: {
          escrowId,
          refundId: 'f1',
          payerId: accountId,
          amountCents: 3_000,
          reason: 'mutual',
        },
        metadata: meta(accountId),
      },
    ]);
    const order = await store.readStream(`order-${orderId}`);
    expect((order[0].data as any).personal.buyerName).toBe(person.displayName);
    // The dump does show the address while the person exists (the outbox has to send to it).
    expect((await dump()).toLowerCase()).toContain(person.email.toLowerCase());
  });

  it('closes the account two business days after the request, then erases the person', async () => {
    const closure = await t.request('POST', '/me/closure', { token: accessToken });
    expect(closure.status).toBe(202);
    expect(closure.body.status).toBe('closing');
    await t.settle();
    const bus = t.app.get(CommandBus);
    expect((await bus.execute(new CloseDueAccountsCommand())).closed).not.toContain(accountId);

    t.clock.advance(5 * DAY);
    const result = await bus.execute(new CloseDueAccountsCommand());
    expect(result.closed).toContain(accountId);
    expect(result.erased).toContain(accountId);
    await t.settle();

    expect((await t.request('GET', '/me', { token: accessToken })).status).toBe(401);
    const login = await t.request('POST', '/auth/login', {
      body: { email: person.email, password: newPassword },
    });
    expect(login.status).toBe(401);
    const admin = await t.tokenFor({ roles: ['admin'] });
    const view = await t.request('GET', `/admin/accounts/${accountId}`, { token: admin });
    expect(view.body).toMatchObject({
      status: 'erased',
      email: '[erased]',
      displayName: '[erased]',
    });
  });

  it('reads erased personal fields as a placeholder, in its own events and in other contexts', async () => {
    const events = await store.readStream(`account-${accountId}`);
    expect((events[0].data as any).personal).toEqual({
      email: '[erased]',
      displayName: '[erased]',
    });
    const order = await store.readStream(`order-${orderId}`);
    expect((order[0].data as any).personal).toEqual({
      deliveryAddress: '[erased]',
      buyerName: '[erased]',
    });
    expect((order[0].data as any).amountCents).toBe(12_000);
  });

  it('leaves none of the personal data in a plain-text dump of the whole database', async () => {
    await t.settle();
    const stdout = await dump();
    expect(stdout).toContain(`account-${accountId}`);
    const text = stdout.toLowerCase();
    for (const value of [
      person.email,
      person.displayName,
      person.phoneTyped,
      person.phoneStored,
      person.line1,
      person.city,
      tag,
    ]) {
      expect({ value, found: text.includes(value.toLowerCase()) }).toEqual({ value, found: false });
    }
  });

  it('keeps the money facts: funded = released + refunded + held', async () => {
    const escrow = await store.readStream(`escrow-${escrowId}`);
    const sum = (type: string) =>
      escrow.filter((e) => e.type === type).reduce((n, e) => n + (e.data as any).amountCents, 0);
    expect(sum('EscrowFunded')).toBe(12_000);
    expect(sum('EscrowReleased') + sum('EscrowRefunded')).toBe(12_000);
    const release = escrow.find((e) => e.type === 'EscrowReleased')!.data as any;
    expect(release.commissionCents + release.payeeNetCents).toBe(release.amountCents);
    expect((escrow[0].data as any).payerId).toBe(accountId);
    expect(escrow.every((e) => (e.metadata as any).actorId === accountId)).toBe(true);
  });
});
