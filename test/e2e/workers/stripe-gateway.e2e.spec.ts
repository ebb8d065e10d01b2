import { PaymentDeclinedError } from '../../../src/application/payments/payment-gateway.port';
import { BusinessRuleError } from '../../../src/domain/shared';
import { ConnectedAccounts } from '../../../src/infrastructure/payments/stripe/connected-accounts';
import { PaymentGatewayUnavailableError } from '../../../src/infrastructure/payments/stripe/stripe-errors';
import {
  createStripeClient,
  StripePaymentGateway,
} from '../../../src/infrastructure/payments/stripe/stripe-payment-gateway';
import { StripeDouble } from '../../support/stripe-double';

class FixedAccounts extends ConnectedAccounts {
  async stripeAccountOf(accountId: string): Promise<string> {
    if (accountId === 'seller-1') return 'acct_seller1';
    throw new BusinessRuleError('PAYEE_NOT_ONBOARDED', 'no account', { accountId });
  }
}

const NOW = new Date('2026-03-02T10:00:00.000Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

describe('Stripe adapter of the PaymentGateway port, against a local Stripe double', () => {
  const double = new StripeDouble();
  let gateway: StripePaymentGateway;

  beforeAll(async () => {
    await double.start();
    const stripe = createStripeClient({ secretKey: 'sk_test_double', ...double.clientOptions });
    gateway = new StripePaymentGateway(stripe, new FixedAccounts(), () => NOW);
  });
  afterAll(() => double.stop());
  beforeEach(() => double.reset());

  const fund = (
    escrowId: string,
    dueInDays: number,
    key = `order-fund-${escrowId}`,
    paymentMethod = 'pm_card_visa',
  ) =>
    gateway.fundEscrow({
      escrowId,
      amountCents: 12_000,
      payerId: 'buyer-1',
      paymentMethod,
      dueAt: inDays(dueInDays),
      idempotencyKey: key,
    });

  it("work due within 7 days is a manual-capture authorisation, grouped by escrow, under the caller's key", async () => {
    const result = await fund('esc-1', 2);
    expect(result.mode).toBe('authorization');
    expect(double.writes).toHaveLength(1);
    const [req] = double.writes;
    expect(req.path).toBe('/v1/payment_intents');
    expect(req.idempotencyKey).toBe('order-fund-esc-1');
    expect(req.body).toMatchObject({
      amount: '12000',
      currency: 'eur',
      capture_method: 'manual',
      confirm: 'true',
      payment_method: 'pm_card_visa',
      transfer_group: 'esc-1',
      'metadata[escrowId]': 'esc-1',
    });
    expect(result.paymentRef).toBe(double.object(result.paymentRef)?.id);
  });

  it('work due later is charged at once and held on the platform', async () => {
    const result = await fund('esc-2', 10);
    expect(result.mode).toBe('charge');
    expect(double.writes[0].body.capture_method).toBe('automatic');
  });

  it('a retried funding with the same key creates no second payment', async () => {
    const first = await fund('esc-3', 2);
    const again = await fund('esc-3', 2);
    expect(again.paymentRef).toBe(first.paymentRef);
    expect(double.writes.map((w) => w.idempotencyKey)).toEqual([
      'order-fund-esc-3',
      'order-fund-esc-3',
    ]);
  });

  it('a bank transfer is a customer_balance intent on eu_bank_transfer: the buyer gets the virtual IBAN, nothing is held yet', async () => {
    const result = await gateway.fundEscrow({
      escrowId: 'esc-transfer',
      orderId: 'order-transfer',
      amountCents: 12_000,
      payerId: 'buyer-1',
      paymentMethod: 'bank_transfer',
      dueAt: inDays(2),
      idempotencyKey: 'order-fund-transfer',
    });
    expect(result).toMatchObject({
      mode: 'awaiting_funds',
      instructions: {
        kind: 'bank_transfer',
        iban: 'FR1420041010050500013M02606',
        bic: 'STRIFRPPXXX',
        accountHolderName: 'Stripe Double',
        reference: expect.stringMatching(/^REF/),
        amountCents: 12_000,
      },
    });
    const [customer, intent] = double.writes;
    expect(customer.path).toBe('/v1/customers');
    expect(customer.idempotencyKey).toBe('order-fund-transfer-customer');
    expect(intent.idempotencyKey).toBe('order-fund-transfer');
    expect(intent.body).toMatchObject({
      'payment_method_types[0]': 'customer_balance',
      'payment_method_data[type]': 'customer_balance',
      'payment_method_options[customer_balance][funding_type]': 'bank_transfer',
      'payment_method_options[customer_balance][bank_transfer][type]': 'eu_bank_transfer',
      customer: expect.stringMatching(/^cus_double/),
      transfer_group: 'esc-transfer',
      'metadata[orderId]': 'order-transfer',
    });
    expect(intent.body.capture_method).toBeUndefined();
  });

  it('PayPal is a paypal intent: the buyer is sent to approve it, the funds come by webhook', async () => {
    const result = await fund('esc-paypal', 2, 'order-fund-paypal', 'paypal');
    expect(result).toMatchObject({
      mode: 'awaiting_funds',
      instructions: { kind: 'paypal', approvalUrl: expect.stringMatching(/^https:\/\//) },
    });
    expect(double.writes[0].body).toMatchObject({
      'payment_method_types[0]': 'paypal',
      'payment_method_data[type]': 'paypal',
      return_url: expect.stringMatching(/^https?:\/\//),
    });
  });

  it("a declined card becomes PAYMENT_DECLINED with the issuer's reason", async () => {
    const refused = fund('esc-4', 2, 'k-4', 'pm_card_visa_chargeDeclinedInsufficientFunds');
    await expect(refused).rejects.toBeInstanceOf(PaymentDeclinedError);
    await expect(fund('esc-4b', 2, 'k-4b', 'pm_card_chargeDeclined')).rejects.toMatchObject({
      code: 'PAYMENT_DECLINED',
      details: { reason: 'insufficient_funds' },
    });
  });

  it("a release captures an authorisation first, then transfers the net share to the seller's connected account", async () => {
    const { paymentRef } = await fund('esc-5', 2);
    double.reset();
    const { transferRef } = await gateway.release({
      escrowId: 'esc-5',
      paymentRef,
      amountCents: 12_000,
      payeeNetCents: 10_800,
      payeeId: 'seller-1',
      idempotencyKey: 'rel-5',
    });
    expect(double.writes.map((w) => [w.path, w.idempotencyKey])).toEqual([
      [`/v1/payment_intents/${paymentRef}/capture`, 'rel-5-capture'],
      ['/v1/transfers', 'rel-5'],
    ]);
    expect(double.writes[1].body).toMatchObject({
      amount: '10800',
      currency: 'eur',
      destination: 'acct_seller1',
      transfer_group: 'esc-5',
    });
    expect(double.writes[1].body.source_transaction).toMatch(/^ch_/);
    expect(transferRef).toMatch(/^tr_/);
  });

  it('a release of a charge transfers without capturing', async () => {
    const { paymentRef } = await fund('esc-6', 10);
    double.reset();
    await gateway.release({
      escrowId: 'esc-6',
      paymentRef,
      amountCents: 12_000,
      payeeNetCents: 10_800,
      payeeId: 'seller-1',
      idempotencyKey: 'rel-6',
    });
    expect(double.writes.map((w) => w.path)).toEqual(['/v1/transfers']);
  });

  it("refunding a whole authorisation cancels it; refunding a charge is a Stripe refund under the caller's key", async () => {
    const auth = await fund('esc-7', 2);
    double.reset();
    await gateway.refund({
      escrowId: 'esc-7',
      paymentRef: auth.paymentRef,
      amountCents: 12_000,
      idempotencyKey: 'ref-7',
    });
    expect(double.writes.map((w) => [w.path, w.idempotencyKey])).toEqual([
      [`/v1/payment_intents/${auth.paymentRef}/cancel`, 'ref-7'],
    ]);

    const charge = await fund('esc-8', 10);
    double.reset();
    const { refundRef } = await gateway.refund({
      escrowId: 'esc-8',
      paymentRef: charge.paymentRef,
      amountCents: 5_000,
      idempotencyKey: 'ref-8',
    });
    expect(double.writes.map((w) => [w.path, w.idempotencyKey, w.body.amount])).toEqual([
      ['/v1/refunds', 'ref-8', '5000'],
    ]);
    expect(refundRef).toMatch(/^re_/);
  });

  it('a refund larger than what the platform still holds reverses the transfer that had left first', async () => {
    const { paymentRef } = await fund('esc-9', 10);
    await gateway.release({
      escrowId: 'esc-9',
      paymentRef,
      amountCents: 12_000,
      payeeNetCents: 10_800,
      payeeId: 'seller-1',
      idempotencyKey: 'rel-9',
    });
    double.reset();
    await gateway.refund({
      escrowId: 'esc-9',
      paymentRef,
      amountCents: 12_000,
      idempotencyKey: 'ref-9',
    });
    const reversal = double.writes.find((w) => w.path.endsWith('/reversals'));
    // 12 000 charged, 10 800 transferred: 1 200 remain, so 10 800 must come back from the seller.
    expect(reversal?.body.amount).toBe('10800');
    expect(reversal?.idempotencyKey).toMatch(/^ref-9-reversal-tr_/);
    expect(double.writes[double.writes.length - 1]).toMatchObject({
      path: '/v1/refunds',
      idempotencyKey: 'ref-9',
    });
  });

  it("a payout is created on the seller's connected account, keyed by the payout id", async () => {
    const answer = await gateway.payout({
      payoutId: 'po-1',
      providerId: 'seller-1',
      amountCents: 4_500,
      destination: {
        kind: 'bank',
        iban: 'FR7630006000011234567890189',
        holderName: 'Camille Martin',
      },
      idempotencyKey: 'po-1',
    });
    expect(answer).toEqual({ gatewayPayoutId: expect.stringMatching(/^po_/), status: 'pending' });
    expect(double.writes[0]).toMatchObject({
      path: '/v1/payouts',
      idempotencyKey: 'po-1',
      stripeAccount: 'acct_seller1',
      body: { amount: '4500', currency: 'eur', 'metadata[payoutId]': 'po-1' },
    });
  });

  it('a PayPal withdrawal cannot go through Stripe: failed without any call', async () => {
    const answer = await gateway.payout({
      payoutId: 'po-2',
      providerId: 'seller-1',
      amountCents: 100,
      destination: { kind: 'paypal', email: 'a@b.fr' },
      idempotencyKey: 'po-2',
    });
    expect(answer).toMatchObject({ status: 'failed', failureCode: 'unsupported_destination' });
    expect(double.requests).toHaveLength(0);
  });

  it('maps Stripe errors: outages and rate limits are retryable, refused requests and reused keys are business refusals', async () => {
    double.failNext('POST', /^\/v1\/payouts$/, 429, {
      type: 'invalid_request_error',
      code: 'rate_limit',
      message: 'Too many requests',
    });
    const payout = (key: string) =>
      gateway.payout({
        payoutId: key,
        providerId: 'seller-1',
        amountCents: 100,
        destination: { kind: 'bank', iban: 'FR7630006000011234567890189', holderName: 'C' },
        idempotencyKey: key,
      });
    await expect(payout('po-3')).rejects.toBeInstanceOf(PaymentGatewayUnavailableError);

    double.failNext('POST', /^\/v1\/payouts$/, 500, {
      type: 'api_error',
      message: 'Something went wrong',
    });
    await expect(payout('po-4')).rejects.toMatchObject({ code: 'PAYMENT_GATEWAY_UNAVAILABLE' });

    double.failNext('POST', /^\/v1\/payouts$/, 400, {
      type: 'invalid_request_error',
      code: 'parameter_invalid_integer',
      message: 'Invalid integer',
      param: 'amount',
    });
    await expect(payout('po-5')).rejects.toMatchObject({
      code: 'PAYMENT_REQUEST_REFUSED',
      details: { stripeCode: 'parameter_invalid_integer', param: 'amount' },
    });

    await fund('esc-10', 2, 'k-10');
    await expect(
      gateway.fundEscrow({
        escrowId: 'esc-10',
        amountCents: 1,
        payerId: 'buyer-1',
        paymentMethod: 'pm_card_visa',
        dueAt: inDays(2),
        idempotencyKey: 'k-10',
      }),
    ).rejects.toMatchObject({
      code: 'PAYMENT_IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('a seller without a connected account is refused before any transfer', async () => {
    const { paymentRef } = await fund('esc-11', 10);
    double.reset();
    await expect(
      gateway.release({
        escrowId: 'esc-11',
        paymentRef,
        amountCents: 12_000,
        payeeNetCents: 10_800,
        payeeId: 'nobody',
        idempotencyKey: 'rel-11',
      }),
    ).rejects.toMatchObject({ code: 'PAYEE_NOT_ONBOARDED' });
    expect(double.writes).toHaveLength(0);
  });
});
