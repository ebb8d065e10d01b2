import { StripeDouble } from '../../../../test/support/stripe-double';
import { ConnectedAccounts } from './connected-accounts';
import { StripeMissionPaymentGateway } from './stripe-mission-payment-gateway';
import { createStripeClient } from './stripe-payment-gateway';

class FixedAccounts extends ConnectedAccounts {
  async stripeAccountOf(): Promise<string> {
    return 'acct_provider';
  }
}

describe('The missions gateway on Stripe (against the Stripe double)', () => {
  const double = new StripeDouble();
  let gateway: StripeMissionPaymentGateway;

  beforeAll(async () => {
    await double.start();
    gateway = new StripeMissionPaymentGateway(
      createStripeClient({ secretKey: 'sk_test_double', ...double.clientOptions }),
      new FixedAccounts(),
    );
  });
  afterAll(() => double.stop());
  beforeEach(() => double.reset());

  const base = { missionId: 'm1', clientId: 'c1' };

  it('authorises with manual capture, keeps the card for later, captures part and releases the rest', async () => {
    const auth = await gateway.authorise({
      ...base,
      amountCents: 10_000,
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'mission-m1-authorise',
    });
    expect(auth.amountCents).toBe(10_000);
    const intent = double.writes.find((w) => w.path === '/v1/payment_intents')!;
    expect(intent.body).toMatchObject({
      capture_method: 'manual',
      confirm: 'true',
      setup_future_usage: 'off_session',
    });
    expect(intent.idempotencyKey).toBe('mission-m1-authorise');

    const capture = await gateway.capture({
      ...base,
      paymentRef: auth.paymentRef,
      amountCents: 8_000,
      idempotencyKey: 'mission-m1-capture',
    });
    expect(capture).toMatchObject({ capturedCents: 8_000, releasedCents: 2_000 });
    expect(double.writes.at(-1)!.body).toMatchObject({ amount_to_capture: '8000' });
  });

  it('saves a card with a SetupIntent and authorises it off-session later', async () => {
    const { paymentMethodRef } = await gateway.savePaymentMethod({
      ...base,
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'mission-m1-save-method',
    });
    expect(paymentMethodRef).toMatch(/^cus_.+\/pm_card_visa$/);
    expect(double.writes.find((w) => w.path === '/v1/setup_intents')!.body).toMatchObject({
      usage: 'off_session',
      confirm: 'true',
    });
    const auth = await gateway.authoriseSaved({
      ...base,
      amountCents: 9_000,
      paymentMethodRef,
      idempotencyKey: 'mission-m1-authorise-job',
    });
    expect(auth.amountCents).toBe(9_000);
    expect(double.writes.at(-1)!.body).toMatchObject({
      off_session: 'true',
      capture_method: 'manual',
      customer: paymentMethodRef.split('/')[0],
    });
  });

  it('refuses a card that fails off-session, after saving it fine', async () => {
    const { paymentMethodRef } = await gateway.savePaymentMethod({
      ...base,
      paymentMethod: 'pm_card_chargeCustomerFail',
      idempotencyKey: 'mission-m2-save-method',
    });
    await expect(
      gateway.authoriseSaved({
        ...base,
        amountCents: 9_000,
        paymentMethodRef,
        idempotencyKey: 'mission-m2-authorise-job',
      }),
    ).rejects.toMatchObject({ code: 'PAYMENT_DECLINED' });
  });

  it('pays the provider instantly: a transfer of the share minus the fee, then an instant payout on their account', async () => {
    const answer = await gateway.instantPayout({
      missionId: 'm1',
      providerId: 'p1',
      amountCents: 8_500,
      feeCents: 85,
      idempotencyKey: 'mission-m1-instant-payout',
    });
    expect(answer.status).toBe('paid');
    const [transfer, payout] = double.writes.slice(-2);
    expect(transfer).toMatchObject({
      path: '/v1/transfers',
      body: { amount: '8415', destination: 'acct_provider' },
    });
    expect(payout).toMatchObject({
      path: '/v1/payouts',
      stripeAccount: 'acct_provider',
      body: { amount: '8415', method: 'instant' },
    });
  });

  it('cancels an authorisation', async () => {
    const auth = await gateway.authorise({
      ...base,
      missionId: 'm3',
      amountCents: 5_000,
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'mission-m3-authorise',
    });
    expect(
      await gateway.cancelAuthorisation({
        missionId: 'm3',
        paymentRef: auth.paymentRef,
        idempotencyKey: 'mission-m3-cancel',
      }),
    ).toEqual({ cancelledCents: 5_000 });
  });
});
