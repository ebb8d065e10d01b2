import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../../../../test/support/database';
import { StripeDouble } from '../../../../test/support/stripe-double';
import { PaymentDeclinedError } from '../../../application/payments/payment-gateway.port';
import { ConnectedAccounts } from './connected-accounts';
import { PostgresStripeCustomers } from './stripe-customers';
import { createStripeClient, StripePaymentGateway } from './stripe-payment-gateway';
import { PlanChargeAnswer, PostgresPlanChargeAttempts } from './stripe-plan-charges';

/** Forgets to record the next success, as a process dying right after Stripe's answer would. */
class Forgetful extends PostgresPlanChargeAttempts {
  forgetNext = false;
  override async succeeded(key: string, attempt: number, answer: PlanChargeAnswer) {
    if (this.forgetNext) this.forgetNext = false;
    else await super.succeeded(key, attempt, answer);
  }
}

class NoAccounts extends ConnectedAccounts {
  async stripeAccountOf(): Promise<string> {
    throw new Error('plan payments never reach a connected account');
  }
}

describe('Plan payments on Stripe with their Postgres tables (customers, charge attempts)', () => {
  const double = new StripeDouble();
  let db: TestDatabase;
  let gateway: StripePaymentGateway;
  let charges: Forgetful;

  beforeAll(async () => {
    await double.start();
    db = await createTestDatabase();
    gateway = new StripePaymentGateway(
      createStripeClient({ secretKey: 'sk_test_double', ...double.clientOptions }),
      new NoAccounts(),
      undefined,
      undefined,
      {
        customers: new PostgresStripeCustomers(db.pool),
        charges: (charges = new Forgetful(db.pool)),
      },
    );
  });
  afterAll(async () => {
    await double.stop();
    await db.drop();
  });
  beforeEach(() => double.reset());

  const intents = () => double.writes.filter((w) => w.path === '/v1/payment_intents');
  const charge = (accountId: string, paymentMethodRef: string, idempotencyKey: string) =>
    gateway.chargeSaved({
      accountId,
      paymentMethodRef,
      amountCents: 4_500,
      description: 'Pack 5 heures',
      metadata: { packId: 'pack-1' },
      idempotencyKey,
    });

  it('one Customer per account, however many cards are saved at once', async () => {
    const accountId = randomUUID();
    const refs = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        gateway.savePaymentMethod({
          accountId,
          paymentMethod: 'pm_card_visa',
          idempotencyKey: `${accountId}-save-${i}`,
        }),
      ),
    );
    expect(new Set(refs.map((r) => r.paymentMethodRef.split('/')[0])).size).toBe(1);
    const { rows } = await db.pool.query(
      'SELECT stripe_customer_id FROM stripe_customers WHERE account_id = $1',
      [accountId],
    );
    expect(rows).toEqual([{ stripe_customer_id: refs[0].paymentMethodRef.split('/')[0] }]);
  });

  it('ten parallel charges under one key make one PaymentIntent and one answer', async () => {
    const accountId = randomUUID();
    const { paymentMethodRef } = await gateway.savePaymentMethod({
      accountId,
      paymentMethod: 'pm_card_visa',
      idempotencyKey: `${accountId}-save`,
    });
    const key = `pack-${accountId}-purchase`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => charge(accountId, paymentMethodRef, key)),
    );
    expect(new Set(answers.map((a) => a.chargeRef)).size).toBe(1);
    expect(new Set(intents().map((w) => w.idempotencyKey))).toEqual(new Set([key]));
    const { rows } = await db.pool.query(
      'SELECT attempt, state FROM stripe_plan_charges WHERE idempotency_key = $1',
      [key],
    );
    expect(rows).toEqual([{ attempt: 1, state: 'succeeded' }]);
  });

  it('after a refusal, parallel retries share the next attempt, so the new card is charged once', async () => {
    const accountId = randomUUID();
    const failing = await gateway.savePaymentMethod({
      accountId,
      paymentMethod: 'pm_card_chargeCustomerFail',
      idempotencyKey: `${accountId}-save-failing`,
    });
    const key = `subscription-${accountId}-period-4`;
    await expect(charge(accountId, failing.paymentMethodRef, key)).rejects.toBeInstanceOf(
      PaymentDeclinedError,
    );
    const card = await gateway.savePaymentMethod({
      accountId,
      paymentMethod: 'pm_card_visa',
      idempotencyKey: `${accountId}-save-card`,
    });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => charge(accountId, card.paymentMethodRef, key)),
    );
    expect(new Set(answers.map((a) => a.chargeRef)).size).toBe(1);
    expect(new Set(intents().map((w) => w.idempotencyKey))).toEqual(
      new Set([key, `${key}-attempt-2`]),
    );
  });

  it('a success whose record was lost is found again by its key: the retry charges nothing', async () => {
    const accountId = randomUUID();
    const { paymentMethodRef } = await gateway.savePaymentMethod({
      accountId,
      paymentMethod: 'pm_card_visa',
      idempotencyKey: `${accountId}-save`,
    });
    const key = `subscription-${accountId}-period-2`;
    charges.forgetNext = true;
    const first = await charge(accountId, paymentMethodRef, key);
    expect(await charge(accountId, paymentMethodRef, key)).toEqual(first);
    expect(intents()).toHaveLength(1);
    const { rows } = await db.pool.query(
      'SELECT state, answer FROM stripe_plan_charges WHERE idempotency_key = $1',
      [key],
    );
    expect(rows).toEqual([{ state: 'succeeded', answer: first }]);
  });
});
