import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { WalletCommandMessage } from '../../../src/application/payouts/wallet.messages';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually, ibanWithCheckDigits } from './support/helpers';

const GOOD_IBAN = 'FR76 3000 6000 0112 3456 7890 189';
// The simulated gateway refuses a bank account whose IBAN ends in 0000.
const REFUSED_IBAN = ibanWithCheckDigits('FR', '30006000011234567890000');

describe('wallet and payouts: withdrawal accounts, withdrawal requests, the payout worker', () => {
  let t: TestApp;
  let bus: CommandBus;
  beforeAll(async () => {
    t = await startTestApp();
    bus = t.app.get(CommandBus);
  });
  afterAll(async () => t?.close());

  async function creditedProvider(amountCents: number) {
    const providerId = randomUUID();
    await bus.execute(
      new WalletCommandMessage(
        providerId,
        {
          type: 'CreditWallet',
          data: { providerId, creditId: randomUUID(), escrowId: randomUUID(), amountCents },
          meta: { now: new Date().toISOString(), actorId: 'system', actorRole: 'system' },
        },
        { correlationId: 'test-credit' },
      ),
    );
    return { providerId, token: await t.tokenFor({ accountId: providerId, roles: ['provider'] }) };
  }

  async function account(token: string, body: Record<string, unknown>) {
    return t.request('POST', '/wallet/withdrawal-accounts', { token, body });
  }

  it('registers a bank account by its checksum, and refuses a wrong IBAN or PayPal address with their codes', async () => {
    const { token } = await creditedProvider(1_000);
    const wrong = await account(token, {
      kind: 'bank',
      iban: 'FR76 3000 6000 0112 3456 7890 188',
      holderName: 'Camille Martin',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_IBAN');
    const badMail = await account(token, { kind: 'paypal', email: 'not-an-address' });
    expect(badMail.body.code).toBe('INVALID_PAYPAL_EMAIL');
    const missing = await account(token, { kind: 'bank' });
    expect(missing.status).toBe(400);
    const ok = await account(token, {
      kind: 'bank',
      iban: GOOD_IBAN,
      holderName: 'Camille Martin',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.account).toMatchObject({
      kind: 'bank',
      ibanMasked: 'FR76 **** 0189',
      holderName: 'Camille Martin',
    });
    const paypal = await account(token, { kind: 'paypal', email: 'camille@example.fr' });
    expect(paypal.status).toBe(201);
    const wallet = await t.request('GET', '/wallet', { token });
    expect(wallet.body.accounts).toHaveLength(2);
  });

  it('a withdrawal up to the available balance is paid by the worker; more than available is refused', async () => {
    const { providerId, token } = await creditedProvider(10_000);
    const { body } = await account(token, {
      kind: 'bank',
      iban: GOOD_IBAN,
      holderName: 'Camille Martin',
    });
    const accountId = body.account.accountId as string;

    const tooMuch = await t.request('POST', '/wallet/withdrawals', {
      token,
      body: { amountCents: 10_001, accountId },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
      availableCents: 10_000,
      requestedCents: 10_001,
    });

    const requested = await t.request('POST', '/wallet/withdrawals', {
      token,
      body: { amountCents: 4_500, accountId },
    });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ status: 'requested', amountCents: 4_500, providerId });
    const payoutId = requested.body.payoutId as string;

    const sent = await eventually(
      async () => {
        const res = await t.request('GET', `/payouts/${payoutId}`, { token });
        return res.body.status === 'sent' ? res.body : undefined;
      },
      15_000,
      'the payout to be sent',
    );
    expect(sent.gatewayPayoutId).toMatch(/^po_sim_/);
    const wallet = await eventually(
      async () => {
        const res = await t.request('GET', '/wallet', { token });
        return res.body.paidOutCents === 4_500 ? res.body : undefined;
      },
      10_000,
      'the wallet to settle',
    );
    expect(wallet).toMatchObject({
      creditedCents: 10_000,
      availableCents: 5_500,
      inTransitCents: 0,
      paidOutCents: 4_500,
    });

    // The simulated gateway pays once per payout id, and its webhook arrives (deduplicated) as Stripe's would.
    const { rows } = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM simulated_gateway_operations WHERE operation = 'payout' AND request ->> 'payoutId' = $1`,
      [payoutId],
    );
    expect(rows[0].n).toBe(1);
    await eventually(
      async () => {
        const r = await t.db.pool.query(
          `SELECT outcome FROM gateway_webhook_events WHERE provider = 'simulated' AND type = 'payout.paid' AND processed_at IS NOT NULL`,
        );
        return r.rows.length > 0;
      },
      10_000,
      'the simulated payout webhook',
    );
  });

  it('a payout the bank refuses fails and the money returns to the available balance', async () => {
    const { token } = await creditedProvider(3_000);
    const { body } = await account(token, {
      kind: 'bank',
      iban: REFUSED_IBAN,
      holderName: 'Camille Martin',
    });
    const requested = await t.request('POST', '/wallet/withdrawals', {
      token,
      body: { amountCents: 3_000, accountId: body.account.accountId },
    });
    expect(requested.status).toBe(201);
    const failed = await eventually(
      async () => {
        const res = await t.request('GET', `/payouts/${requested.body.payoutId}`, { token });
        return res.body.status === 'failed' ? res.body : undefined;
      },
      15_000,
      'the payout to fail',
    );
    expect(failed).toMatchObject({ failureCode: 'account_closed', statusLabel: 'Échoué' });
    const wallet = await eventually(
      async () => {
        const res = await t.request('GET', '/wallet', { token });
        return res.body.availableCents === 3_000 ? res.body : undefined;
      },
      10_000,
      'the money to come back',
    );
    expect(wallet).toMatchObject({ inTransitCents: 0, paidOutCents: 0 });
  });

  it('a withdrawal needs a registered account; a payout is visible to its owner and finance only', async () => {
    const { token } = await creditedProvider(500);
    const none = await t.request('POST', '/wallet/withdrawals', {
      token,
      body: { amountCents: 100, accountId: randomUUID() },
    });
    expect(none.body.code).toBe('NO_WITHDRAWAL_ACCOUNT');

    const { body } = await account(token, { kind: 'paypal', email: 'camille@example.fr' });
    const unknown = await t.request('POST', '/wallet/withdrawals', {
      token,
      body: { amountCents: 100, accountId: randomUUID() },
    });
    expect(unknown.status).toBe(404);
    const ok = await t.request('POST', '/wallet/withdrawals', {
      token,
      body: { amountCents: 100, accountId: body.account.accountId },
    });
    const other = await t.tokenFor({ roles: ['provider'] });
    expect((await t.request('GET', `/payouts/${ok.body.payoutId}`, { token: other })).status).toBe(
      404,
    );
    const finance = await t.tokenFor({ roles: ['finance'] });
    expect(
      (await t.request('GET', `/payouts/${ok.body.payoutId}`, { token: finance })).status,
    ).toBe(200);
    const client = await t.tokenFor({ roles: ['client'] });
    expect(
      (
        await t.request('POST', '/wallet/withdrawals', {
          token: client,
          body: { amountCents: 100, accountId: body.account.accountId },
        })
      ).status,
    ).toBe(403);
  });
});
