import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { PaymentDeclinedError } from '../../application/payments/payment-gateway.port';
import {
  ChargeRefundExceedsError,
  GatewayIdempotencyError,
  SimulatedPaymentGateway,
} from './simulated-payment-gateway';

describe('SimulatedPaymentGateway: plan payments with saved cards (Postgres)', () => {
  let db: TestDatabase;
  let gateway: SimulatedPaymentGateway;
  beforeAll(async () => {
    db = await createTestDatabase();
    gateway = new SimulatedPaymentGateway(db.pool, () => new Date('2026-11-23T10:00:00.000Z'));
  });
  afterAll(async () => db.drop());

  const save = (accountId: string, paymentMethod = 'pm_card_visa', key = `save-${accountId}`) =>
    gateway.savePaymentMethod({ accountId, paymentMethod, idempotencyKey: key });
  const charge = (accountId: string, paymentMethodRef: string, key: string, amountCents = 2_990) =>
    gateway.chargeSaved({
      accountId,
      paymentMethodRef,
      amountCents,
      description: 'Abonnement Crédits, période 1',
      metadata: { subscriptionId: 'sub-1', period: '1' },
      idempotencyKey: key,
    });
  const operations = async (key: string) =>
    (
      await db.pool.query(
        'SELECT operation FROM simulated_gateway_operations WHERE idempotency_key = $1',
        [key],
      )
    ).rows.map((r) => r.operation);

  it('the same key gets the same answer, even ten at once, and charges once', async () => {
    const accountId = randomUUID();
    const { paymentMethodRef } = await save(accountId);
    expect(await save(accountId)).toEqual({ paymentMethodRef });
    const key = `subscription-${accountId}-period-1`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => charge(accountId, paymentMethodRef, key)),
    );
    expect(new Set(answers.map((a) => a.chargeRef)).size).toBe(1);
    expect(answers[0]).toEqual({
      chargeRef: expect.stringMatching(/^pi_sim_/),
      amountCents: 2_990,
    });
    expect(await operations(key)).toEqual(['charge_saved']);
    await expect(charge(accountId, paymentMethodRef, key, 3_990)).rejects.toBeInstanceOf(
      GatewayIdempotencyError,
    );
  });

  it('a declined card is not saved and leaves nothing behind, so another card may follow under the same key', async () => {
    const accountId = randomUUID();
    const key = `save-${accountId}`;
    await expect(save(accountId, 'pm_card_declined')).rejects.toBeInstanceOf(PaymentDeclinedError);
    expect(await operations(key)).toEqual([]);
    expect((await save(accountId)).paymentMethodRef).toMatch(/^pm_saved_sim_/);
  });

  it('a card saved fine whose charges all fail is refused at each charge, then a new card pays under the same key', async () => {
    const accountId = randomUUID();
    const failing = await save(accountId, 'pm_card_chargeCustomerFail');
    const key = `subscription-${accountId}-period-2`;
    const refusal = await charge(accountId, failing.paymentMethodRef, key).catch((e) => e);
    expect(refusal).toBeInstanceOf(PaymentDeclinedError);
    expect(refusal.details).toEqual({ reason: 'card_declined' });
    await expect(charge(accountId, failing.paymentMethodRef, key)).rejects.toBeInstanceOf(
      PaymentDeclinedError,
    );
    expect(await operations(key)).toEqual([]);
    const card = await save(accountId, 'pm_card_visa', `save-again-${accountId}`);
    expect((await charge(accountId, card.paymentMethodRef, key)).chargeRef).toMatch(/^pi_sim_/);
  });

  it('ten parallel refunds of one charge never give back more than it took; a repeated key is one refund', async () => {
    const accountId = randomUUID();
    const { paymentMethodRef } = await save(accountId);
    const { chargeRef } = await charge(accountId, paymentMethodRef, `pack-${accountId}-purchase`);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        gateway.refundCharge({
          chargeRef,
          amountCents: 400,
          idempotencyKey: `pack-${accountId}-refund-${i}`,
        }),
      ),
    );
    const refunded = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    // 2,990 cents leave room for seven refunds of 400.
    expect(refunded).toHaveLength(7);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ChargeRefundExceedsError);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'PAYMENT_EXCEEDS_FUNDS',
      details: { availableCents: 190, requestedCents: 400 },
    });
    const again = await gateway.refundCharge({
      chargeRef,
      amountCents: 400,
      idempotencyKey: `pack-${accountId}-refund-0`,
    });
    expect(again).toEqual(
      refunded
        .map((r) => (r as PromiseFulfilledResult<{ refundRef: string }>).value)
        .find((v) => v.refundRef === again.refundRef),
    );
    const rest = await gateway.refundCharge({
      chargeRef,
      amountCents: 190,
      idempotencyKey: `pack-${accountId}-refund-rest`,
    });
    expect(rest.amountCents).toBe(190);
    const { rows } = await db.pool.query(
      `SELECT sum((response ->> 'amountCents')::int)::int AS total FROM simulated_gateway_operations
        WHERE operation = 'refund_charge' AND request ->> 'chargeRef' = $1`,
      [chargeRef],
    );
    expect(rows[0].total).toBe(2_990);
  });

  it('refuses to refund a charge it never took, or a refund that is not a positive amount', async () => {
    await expect(
      gateway.refundCharge({
        chargeRef: 'pi_unknown',
        amountCents: 1,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
    await expect(
      gateway.refundCharge({
        chargeRef: 'pi_unknown',
        amountCents: 0,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'PAYMENT_REQUEST_REFUSED' });
  });
});
