import { StripeDouble } from '../../../../test/support/stripe-double';
import { PaymentDeclinedError } from '../../../application/payments/payment-gateway.port';
import { ConnectedAccounts } from './connected-accounts';
import { InMemoryStripeCustomers } from './stripe-customers';
import { PaymentGatewayUnavailableError } from './stripe-errors';
import { createStripeClient, StripePaymentGateway } from './stripe-payment-gateway';
import { InMemoryPlanChargeAttempts, PlanChargeAnswer } from './stripe-plan-charges';

/** A process that dies between Stripe's answer and our record of it. */
class LosesAnswers extends InMemoryPlanChargeAttempts {
  lose = true;
  override async succeeded(key: string, attempt: number, answer: PlanChargeAnswer): Promise<void> {
    if (!this.lose) await super.succeeded(key, attempt, answer);
  }
}

class NoAccounts extends ConnectedAccounts {
  async stripeAccountOf(): Promise<string> {
    throw new Error('plan payments never reach a connected account');
  }
}

describe('Plan payments on Stripe: saved cards, off-session charges, refunds (against the Stripe double)', () => {
  const double = new StripeDouble();
  let gateway: StripePaymentGateway;
  let customers: InMemoryStripeCustomers;
  let charges: LosesAnswers;
  /** The double keeps keys across tests, as Stripe does: each test charges under its own. */
  let chargeKey = '';
  let run = 0;

  beforeAll(async () => {
    await double.start();
  });
  afterAll(() => double.stop());
  beforeEach(() => {
    double.reset();
    run += 1;
    chargeKey = `subscription-sub-1-period-2-charge-run${run}`;
    customers = new InMemoryStripeCustomers();
    charges = new LosesAnswers();
    charges.lose = false;
    gateway = new StripePaymentGateway(
      createStripeClient({ secretKey: 'sk_test_double', ...double.clientOptions }),
      new NoAccounts(),
      undefined,
      undefined,
      { customers, charges },
    );
  });

  const save = (accountId: string, paymentMethod = 'pm_card_visa', key = `${accountId}-save`) =>
    gateway.savePaymentMethod({ accountId, paymentMethod, idempotencyKey: `${key}-run${run}` });

  const charge = (
    paymentMethodRef: string,
    overrides: Partial<Parameters<StripePaymentGateway['chargeSaved']>[0]> = {},
  ) =>
    gateway.chargeSaved({
      accountId: 'provider-1',
      paymentMethodRef,
      amountCents: 2_990,
      description: 'Abonnement Pro, période 2',
      metadata: { subscriptionId: 'sub-1', period: '2' },
      idempotencyKey: chargeKey,
      ...overrides,
    });

  const paymentIntentWrites = () => double.writes.filter((w) => w.path === '/v1/payment_intents');

  it('saves a card on the account’s one Customer with an off-session SetupIntent, the Customer created once', async () => {
    const first = await save('provider-1');
    const second = await save('provider-1', 'pm_card_mastercard', 'provider-1-save-again');
    const customerWrites = double.writes.filter((w) => w.path === '/v1/customers');
    expect(customerWrites).toHaveLength(1);
    expect(customerWrites[0]).toMatchObject({
      idempotencyKey: 'plans-customer-provider-1',
      body: { 'metadata[accountId]': 'provider-1' },
    });
    const customer = first.paymentMethodRef.split('/')[0];
    expect(customer).toMatch(/^cus_/);
    expect(first.paymentMethodRef).toBe(`${customer}/pm_card_visa`);
    expect(second.paymentMethodRef).toBe(`${customer}/pm_card_mastercard`);
    const setups = double.writes.filter((w) => w.path === '/v1/setup_intents');
    expect(setups.map((s) => s.idempotencyKey)).toEqual([
      `provider-1-save-run${run}`,
      `provider-1-save-again-run${run}`,
    ]);
    expect(setups[0].body).toMatchObject({
      customer,
      payment_method: 'pm_card_visa',
      confirm: 'true',
      usage: 'off_session',
      'metadata[accountId]': 'provider-1',
    });
    expect(await customers.customerOf('provider-1')).toBe(customer);
  });

  it('a refused card is not saved: PaymentDeclinedError', async () => {
    await expect(save('provider-2', 'pm_card_visa_chargeDeclined')).rejects.toMatchObject({
      code: 'PAYMENT_DECLINED',
      details: { reason: 'card_declined' },
    });
  });

  it("charges a saved card off-session under the caller's key, on its customer, with the metadata copied", async () => {
    const { paymentMethodRef } = await save('provider-1');
    const answer = await charge(paymentMethodRef);
    expect(answer).toEqual({ chargeRef: expect.stringMatching(/^pi_/), amountCents: 2_990 });
    const [request] = paymentIntentWrites();
    expect(request.idempotencyKey).toBe(chargeKey);
    expect(request.body).toMatchObject({
      amount: '2990',
      currency: 'eur',
      customer: paymentMethodRef.split('/')[0],
      payment_method: 'pm_card_visa',
      off_session: 'true',
      confirm: 'true',
      description: 'Abonnement Pro, période 2',
      'metadata[subscriptionId]': 'sub-1',
      'metadata[period]': '2',
      'metadata[accountId]': 'provider-1',
      'metadata[chargeKey]': chargeKey,
    });
    expect(request.body).not.toHaveProperty('capture_method');
    expect(double.object(answer.chargeRef)).toMatchObject({ status: 'succeeded' });
  });

  it('the same key answers the first charge again without a second call to Stripe', async () => {
    const { paymentMethodRef } = await save('provider-1');
    const first = await charge(paymentMethodRef);
    expect(await charge(paymentMethodRef)).toEqual(first);
    expect(paymentIntentWrites()).toHaveLength(1);
    await expect(charge(paymentMethodRef, { amountCents: 3_990 })).rejects.toMatchObject({
      code: 'PAYMENT_IDEMPOTENCY_KEY_REUSED',
    });
    await expect(charge(paymentMethodRef, { accountId: 'provider-9' })).rejects.toMatchObject({
      code: 'PAYMENT_IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('a card refused off-session (saved fine) throws PaymentDeclinedError with the decline code', async () => {
    const { paymentMethodRef } = await save('provider-3', 'pm_card_chargeCustomerFail');
    const refusal = await charge(paymentMethodRef, { accountId: 'provider-3' }).catch((e) => e);
    expect(refusal).toBeInstanceOf(PaymentDeclinedError);
    expect(refusal.details).toEqual({ reason: 'insufficient_funds' });
  });

  it('authentication_required (the bank wants the holder present) is a decline with that code', async () => {
    const { paymentMethodRef } = await save('provider-1');
    double.failNext('POST', /^\/v1\/payment_intents$/, 402, {
      type: 'card_error',
      code: 'authentication_required',
      decline_code: 'authentication_required',
      message: 'This payment requires authentication.',
    });
    await expect(charge(paymentMethodRef)).rejects.toMatchObject({
      code: 'PAYMENT_DECLINED',
      details: { reason: 'authentication_required' },
    });
  });

  it('after a refusal, the retry with the same key is a new attempt (Stripe would replay the refusal), and a success is then kept', async () => {
    const failing = await save('provider-1', 'pm_card_chargeCustomerFail', 'save-failing');
    await expect(charge(failing.paymentMethodRef)).rejects.toBeInstanceOf(PaymentDeclinedError);
    const card = await save('provider-1', 'pm_card_visa', 'save-new-card');
    const paid = await charge(card.paymentMethodRef);
    expect(paymentIntentWrites().map((w) => w.idempotencyKey)).toEqual([
      chargeKey,
      `${chargeKey}-attempt-2`,
    ]);
    expect(await charge(card.paymentMethodRef)).toEqual(paid);
    expect(paymentIntentWrites()).toHaveLength(2);
  });

  it('an outage leaves the attempt open: the retry goes out under the same key, so Stripe never charges twice', async () => {
    const { paymentMethodRef } = await save('provider-1');
    double.failNext('POST', /^\/v1\/payment_intents$/, 500, {
      type: 'api_error',
      message: 'Something went wrong on our end.',
    });
    await expect(charge(paymentMethodRef)).rejects.toBeInstanceOf(PaymentGatewayUnavailableError);
    await charge(paymentMethodRef);
    expect(new Set(paymentIntentWrites().map((w) => w.idempotencyKey))).toEqual(
      new Set([chargeKey]),
    );
  });

  it('an answer lost after Stripe charged: the retry finds the charge by its key and charges nothing more, even with a new card', async () => {
    charges.lose = true;
    const { paymentMethodRef } = await save('provider-1');
    const first = await charge(paymentMethodRef);
    charges.lose = false;
    const card = await save('provider-1', 'pm_card_mastercard', 'save-new-card');
    expect(await charge(card.paymentMethodRef)).toEqual(first);
    expect(await charge(paymentMethodRef)).toEqual(first);
    expect(paymentIntentWrites()).toHaveLength(1);
    expect(
      double.requests.some((r) => r.method === 'GET' && r.path === '/v1/payment_intents'),
    ).toBe(true);
  });

  it('an attempt that never reached Stripe, then a new card: the lost attempt is given up and the new card charged once', async () => {
    const { paymentMethodRef } = await save('provider-1');
    double.failNext('POST', /^\/v1\/payment_intents$/, 500, {
      type: 'api_error',
      message: 'Something went wrong on our end.',
    });
    await expect(charge(paymentMethodRef)).rejects.toBeInstanceOf(PaymentGatewayUnavailableError);
    const card = await save('provider-1', 'pm_card_mastercard', 'save-new-card');
    const paid = await charge(card.paymentMethodRef);
    expect(paymentIntentWrites().map((w) => [w.idempotencyKey, w.body.payment_method])).toEqual([
      [chargeKey, 'pm_card_visa'],
      [`${chargeKey}-attempt-2`, 'pm_card_mastercard'],
    ]);
    expect(await charge(card.paymentMethodRef)).toEqual(paid);
  });

  it('refunds part of a charge on its PaymentIntent under the caller’s key, and never more than it took', async () => {
    const { paymentMethodRef } = await save('provider-1');
    const { chargeRef } = await charge(paymentMethodRef);
    const refund = await gateway.refundCharge({
      chargeRef,
      amountCents: 1_000,
      idempotencyKey: 'pack-1-refund-withdrawal',
    });
    expect(refund).toEqual({ refundRef: expect.stringMatching(/^re_/), amountCents: 1_000 });
    expect(double.writes.at(-1)).toMatchObject({
      path: '/v1/refunds',
      idempotencyKey: 'pack-1-refund-withdrawal',
      body: { payment_intent: chargeRef, amount: '1000' },
    });
    expect(
      await gateway.refundCharge({
        chargeRef,
        amountCents: 1_000,
        idempotencyKey: 'pack-1-refund-withdrawal',
      }),
    ).toEqual(refund);
    await expect(
      gateway.refundCharge({ chargeRef, amountCents: 2_000, idempotencyKey: 'pack-1-refund-more' }),
    ).rejects.toMatchObject({ code: 'PAYMENT_EXCEEDS_FUNDS' });
    await expect(
      gateway.refundCharge({
        chargeRef: 'pi_unknown',
        amountCents: 1,
        idempotencyKey: 'pack-x-refund',
      }),
    ).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
  });
});
