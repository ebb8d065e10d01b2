import { CommandBus } from '@nestjs/cqrs';
import { execFile } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { WalletCommandMessage } from '../../../src/application/payouts/wallet.messages';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually, ibanWithCheckDigits, registerAccount } from './support/helpers';

/**
 * GDPR (issue 12, point 7): a provider's bank details (IBAN, holder name, PayPal address) are
 * personal data. The log and the simulated gateway never hold them in clear, and once the
 * provider is erased nobody can read them; finance keeps amounts, dates and the IBAN mask.
 */
describe('payouts: erasing a provider shreds their bank details, finance keeps the figures', () => {
  let t: TestApp;
  const tag = randomBytes(4).toString('hex');
  // A fresh IBAN per run (never ending in 0000, which the simulated gateway refuses).
  const bban = `30006000${String(randomInt(10 ** 10)).padStart(10, '0')}${String(randomInt(1, 9999)).padStart(4, '0')}1`;
  const iban = ibanWithCheckDigits('FR', bban);
  const ibanMasked = `${iban.slice(0, 4)} **** ${iban.slice(-4)}`;
  const holderName = `Zéphyrine Quentel-${tag}`;
  const paypalEmail = `zephyrine.${tag}@example.fr`;
  /** Every way the details could show: the whole IBAN, its hidden middle, the name, the address. */
  const secrets = [iban, iban.slice(4, -4), holderName, paypalEmail];
  let providerId: string;
  let token: string;
  let bankPayoutId: string;
  let paypalPayoutId: string;

  const leaks = (text: string) =>
    secrets.filter((s) => text.toLowerCase().includes(s.toLowerCase()));
  const logText = async () =>
    (await t.db.pool.query(`SELECT data::text || metadata::text AS row FROM es_events`)).rows
      .map((r) => r.row as string)
      .join('\n');
  const gatewayText = async () =>
    (
      await t.db.pool.query(
        `SELECT request::text || response::text AS row FROM simulated_gateway_operations`,
      )
    ).rows
      .map((r) => r.row as string)
      .join('\n');

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('pays a provider to an IBAN and to PayPal; the owner sees their details', async () => {
    providerId = await registerAccount(t, ['provider']);
    token = await t.tokenFor({ accountId: providerId, roles: ['provider'] });
    await t.app.get(CommandBus).execute(
      new WalletCommandMessage(
        providerId,
        {
          type: 'CreditWallet',
          data: { providerId, creditId: randomUUID(), escrowId: randomUUID(), amountCents: 10_000 },
          meta: { now: new Date().toISOString(), actorId: 'system', actorRole: 'system' },
        },
        { correlationId: 'test-credit' },
      ),
    );
    const bank = await t.request('POST', '/wallet/withdrawal-accounts', {
      token,
      body: { kind: 'bank', iban: iban.replace(/(.{4})/g, '$1 ').trim(), holderName },
      // Front ends send a key; its stored answer repeats the details and must go with the person.
      idempotencyKey: randomUUID(),
    });
    expect(bank.status).toBe(201);
    expect(bank.body.account).toMatchObject({ kind: 'bank', ibanMasked, holderName });
    const paypal = await t.request('POST', '/wallet/withdrawal-accounts', {
      token,
      body: { kind: 'paypal', email: paypalEmail },
      idempotencyKey: randomUUID(),
    });
    expect(paypal.status).toBe(201);

    const withdraw = async (accountId: string, amountCents: number) => {
      const res = await t.request('POST', '/wallet/withdrawals', {
        token,
        body: { amountCents, accountId },
        idempotencyKey: randomUUID(),
      });
      expect(res.status).toBe(201);
      return res.body.payoutId as string;
    };
    bankPayoutId = await withdraw(bank.body.account.accountId, 4_500);
    paypalPayoutId = await withdraw(paypal.body.account.accountId, 1_000);
    for (const payoutId of [bankPayoutId, paypalPayoutId])
      await eventually(
        async () =>
          (await t.request('GET', `/payouts/${payoutId}`, { token })).body.status === 'sent',
        20_000,
        `payout ${payoutId} to be sent`,
      );
    await t.settle();

    const wallet = await t.request('GET', '/wallet', { token });
    expect(wallet.body.accounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'bank', ibanMasked, holderName }),
        expect.objectContaining({ kind: 'paypal', email: paypalEmail }),
      ]),
    );
    const payout = await t.request('GET', `/payouts/${bankPayoutId}`, { token });
    expect(payout.body.account).toMatchObject({ kind: 'bank', ibanMasked, holderName });
  });

  it('keeps the details out of the log and the gateway table even before erasure (encrypted)', async () => {
    const log = await logText();
    expect(log).toContain(bankPayoutId);
    expect(log).toContain(ibanMasked);
    expect(leaks(log)).toEqual([]);
    const gateway = await gatewayText();
    expect(gateway).toContain(bankPayoutId);
    expect(leaks(gateway)).toEqual([]);
  });

  it('after erasure, no row of the log, of the gateway table or anywhere in the database holds them', async () => {
    const admin = await t.tokenFor({ roles: ['admin'] });
    const erased = await t.request('POST', `/admin/accounts/${providerId}/erasure`, {
      token: admin,
      body: { reason: 'gdpr_request' },
    });
    expect(erased.status).toBe(200);
    await t.settle();
    expect(leaks(await logText())).toEqual([]);
    expect(leaks(await gatewayText())).toEqual([]);
    const dump = (
      await promisify(execFile)('pg_dump', ['--no-owner', '--format=plain', t.db.url], {
        maxBuffer: 256 * 1024 * 1024,
      })
    ).stdout;
    expect(leaks(dump)).toEqual([]);
  });

  it("finance still sees the payouts' amounts, dates, kinds and the IBAN mask", async () => {
    const finance = await t.tokenFor({ roles: ['finance'] });
    const bank = await t.request('GET', `/payouts/${bankPayoutId}`, { token: finance });
    expect(bank.status).toBe(200);
    expect(bank.body).toMatchObject({
      providerId,
      amountCents: 4_500,
      status: 'sent',
      account: { kind: 'bank', ibanMasked, holderName: '[erased]' },
    });
    const paypal = await t.request('GET', `/payouts/${paypalPayoutId}`, { token: finance });
    expect(paypal.body).toMatchObject({
      amountCents: 1_000,
      status: 'sent',
      account: { kind: 'paypal', email: '[erased]' },
    });
    const wallet = await t.request('GET', `/wallets/${providerId}`, { token: finance });
    expect(wallet.body).toMatchObject({ creditedCents: 10_000, paidOutCents: 5_500 });
    expect(wallet.body.accounts).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'bank', ibanMasked })]),
    );
    const journal = await t.request('GET', `/finance/journal?payoutId=${bankPayoutId}`, {
      token: finance,
    });
    expect(journal.status).toBe(200);
    expect(journal.body.entries.length).toBeGreaterThan(0);
    for (const entry of journal.body.entries) {
      expect(entry.totalCents).toBe(4_500);
      expect(Number.isNaN(Date.parse(entry.occurredAt))).toBe(false);
    }
    const { rows } = await t.db.pool.query(
      'SELECT account_kind, account_hint FROM rm_payouts WHERE payout_id = $1',
      [bankPayoutId],
    );
    expect(rows[0]).toEqual({ account_kind: 'bank', account_hint: ibanMasked });
  });
});
