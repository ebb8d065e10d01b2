import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { PaymentDeclinedError } from '../../application/payments/payment-gateway.port';
import {
  GatewayAmountError,
  GatewayIdempotencyError,
  SimulatedPaymentGateway,
} from './simulated-payment-gateway';
import { SimulatedGatewayScrubDestinations1732386300000 } from '../database/migrations/marketplace/1732386300000-simulated-gateway-scrub-destinations';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

describe('SimulatedPaymentGateway (Postgres idempotency log)', () => {
  let db: TestDatabase;
  let gateway: SimulatedPaymentGateway;
  beforeAll(async () => {
    db = await createTestDatabase();
    gateway = new SimulatedPaymentGateway(db.pool, () => NOW);
  });
  afterAll(async () => db.drop());

  const fund = (escrowId: string, overrides: Record<string, unknown> = {}) =>
    gateway.fundEscrow({
      escrowId,
      amountCents: 10_000,
      payerId: 'buyer',
      paymentMethod: 'pm_card_visa',
      dueAt: inDays(3),
      idempotencyKey: `fund-${escrowId}`,
      ...overrides,
    });
  const rows = async (escrowId: string) =>
    (
      await db.pool.query(
        `SELECT operation FROM simulated_gateway_operations WHERE request ->> 'escrowId' = $1`,
        [escrowId],
      )
    ).rows.map((r) => r.operation);

  it('authorises work due within 7 days and charges work due later', async () => {
    expect((await fund(randomUUID())).mode).toBe('authorization');
    expect((await fund(randomUUID(), { dueAt: inDays(7) })).mode).toBe('authorization');
    expect((await fund(randomUUID(), { dueAt: inDays(8) })).mode).toBe('charge');
  });

  it('answers a repeated key with the first answer, even under concurrency, and records one movement', async () => {
    const escrowId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => fund(escrowId, { dueAt: inDays(Math.random() * 3) })),
    );
    expect(new Set(answers.map((a) => a.paymentRef)).size).toBe(1);
    expect(await rows(escrowId)).toEqual(['fund_escrow']);
  });

  it('refuses a key reused for another amount', async () => {
    const escrowId = randomUUID();
    await fund(escrowId);
    await expect(fund(escrowId, { amountCents: 20_000 })).rejects.toBeInstanceOf(
      GatewayIdempotencyError,
    );
  });

  it('declines pm_card_declined without recording anything, so another card may follow', async () => {
    const escrowId = randomUUID();
    await expect(fund(escrowId, { paymentMethod: 'pm_card_declined' })).rejects.toBeInstanceOf(
      PaymentDeclinedError,
    );
    expect(await rows(escrowId)).toEqual([]);
    expect((await fund(escrowId)).paymentRef).toMatch(/^pi_sim_/);
  });

  it('captures and transfers once per key, and never pays out more than was funded', async () => {
    const escrowId = randomUUID();
    const { paymentRef } = await fund(escrowId);
    const release = {
      escrowId,
      paymentRef,
      amountCents: 6_000,
      payeeNetCents: 5_400,
      payeeId: 'seller',
      idempotencyKey: `release-${escrowId}`,
    };
    const first = await gateway.release(release);
    expect(await gateway.release(release)).toEqual(first);
    await gateway.refund({
      escrowId,
      paymentRef,
      amountCents: 4_000,
      idempotencyKey: `refund-${escrowId}`,
    });
    await expect(
      gateway.refund({
        escrowId,
        paymentRef,
        amountCents: 1,
        idempotencyKey: `refund-more-${escrowId}`,
      }),
    ).rejects.toBeInstanceOf(GatewayAmountError);
    expect((await rows(escrowId)).sort()).toEqual(['fund_escrow', 'refund', 'release']);
  });

  it('refuses to move money for a payment it never took', async () => {
    await expect(
      gateway.refund({
        escrowId: randomUUID(),
        paymentRef: 'pi_unknown',
        amountCents: 1,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
  });

  it('pays out, or fails with a reason for the documented failing destinations', async () => {
    const paid = await gateway.payout({
      payoutId: 'p1',
      providerId: 's',
      amountCents: 500,
      destination: { kind: 'paypal', email: 'expert@example.fr' },
      idempotencyKey: randomUUID(),
    });
    expect(paid.status).toBe('paid');
    const failed = await gateway.payout({
      payoutId: 'p2',
      providerId: 's',
      amountCents: 500,
      destination: { kind: 'bank', iban: 'FR76 3000 6000 0112 3456 7890 000', holderName: 'X' },
      idempotencyKey: randomUUID(),
    });
    expect(failed).toMatchObject({ status: 'failed', failureCode: 'account_closed' });
  });

  describe('payout destinations', () => {
    const stored = async (key: string) =>
      (
        await db.pool.query(
          'SELECT request FROM simulated_gateway_operations WHERE idempotency_key = $1',
          [key],
        )
      ).rows[0].request;

    it('keeps the kind and the IBAN mask, never the IBAN, holder name or PayPal address', async () => {
      const bankKey = randomUUID();
      const request = {
        payoutId: 'p3',
        providerId: 's',
        amountCents: 700,
        destination: {
          kind: 'bank' as const,
          iban: 'FR76 3000 6000 0112 3456 7890 189',
          holderName: 'Marie Curie',
        },
        idempotencyKey: bankKey,
      };
      const first = await gateway.payout(request);
      expect(await gateway.payout(request)).toEqual(first);
      const paypalKey = randomUUID();
      await gateway.payout({
        payoutId: 'p4',
        providerId: 's',
        amountCents: 700,
        destination: { kind: 'paypal', email: 'marie@example.fr' },
        idempotencyKey: paypalKey,
      });
      expect((await stored(bankKey)).destination).toEqual({
        kind: 'bank',
        ibanMasked: 'FR76 **** 0189',
      });
      expect((await stored(paypalKey)).destination).toEqual({ kind: 'paypal' });
      const text = JSON.stringify([await stored(bankKey), await stored(paypalKey)]);
      for (const secret of ['30006000011234567890', 'Marie', 'marie@example.fr'])
        expect(text).not.toContain(secret);
    });

    it('the migration scrubs destinations recorded in clear before', async () => {
      const key = randomUUID();
      const old = {
        payoutId: 'p5',
        providerId: 's',
        amountCents: 1,
        destination: { kind: 'bank', iban: 'fr76 3000 6000 0112 3456 7890 189', holderName: 'X Y' },
        idempotencyKey: key,
      };
      await db.pool.query(
        `INSERT INTO simulated_gateway_operations (idempotency_key, operation, request, response)
         VALUES ($1, 'payout', $2, '{"status":"paid"}')`,
        [key, JSON.stringify(old)],
      );
      await new SimulatedGatewayScrubDestinations1732386300000().up({
        query: (sql: string) => db.pool.query(sql),
      } as never);
      expect(await stored(key)).toEqual({
        ...old,
        destination: { kind: 'bank', ibanMasked: 'FR76 **** 0189' },
      });
    });
  });
});
