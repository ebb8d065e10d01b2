import { BusinessRuleError } from '../../../src/domain/shared';
import { PayPalApi } from '../../../src/infrastructure/payments/paypal/paypal-api';
import { PayPalPayouts } from '../../../src/infrastructure/payments/paypal/paypal-payouts';
import { PaymentGatewayUnavailableError } from '../../../src/infrastructure/payments/stripe/stripe-errors';
import { PayPalDouble } from '../../support/paypal-double';

describe('PayPal payouts adapter, against a local PayPal double', () => {
  const double = new PayPalDouble();
  let payouts: PayPalPayouts;

  beforeAll(async () => {
    await double.start();
    payouts = new PayPalPayouts(
      new PayPalApi({
        clientId: double.clientId,
        clientSecret: double.clientSecret,
        baseUrl: double.baseUrl,
      }),
    );
  });
  afterAll(() => double.stop());

  const pay = (payoutId: string, email = 'camille@example.com') =>
    payouts.payout({
      payoutId,
      providerId: 'seller-1',
      amountCents: 4_550,
      destination: { kind: 'paypal', email },
      idempotencyKey: payoutId,
    });

  it('pays one batch keyed by the payout id, with the token from the OAuth endpoint', async () => {
    const answer = await pay('po-pp-1');
    expect(answer).toEqual({ gatewayPayoutId: expect.stringMatching(/^BATCH/), status: 'paid' });
    const token = double.requests.find((r) => r.path === '/v1/oauth2/token');
    expect(token?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${double.clientId}:${double.clientSecret}`).toString('base64')}`,
    );
    const create = double.requests.find((r) => r.path === '/v1/payments/payouts');
    expect(create?.headers.authorization).toMatch(/^Bearer A21AA-double-/);
    expect(create?.headers['paypal-request-id']).toBe('po-pp-1');
    expect(create?.body).toMatchObject({
      sender_batch_header: { sender_batch_id: 'po-pp-1' },
      items: [
        {
          receiver: 'camille@example.com',
          amount: { value: '45.50', currency: 'EUR' },
          sender_item_id: 'po-pp-1',
        },
      ],
    });
  });

  it('a retry after a lost answer gets the first batch back, not a second payment', async () => {
    double.dropNextPayoutAnswer();
    await expect(pay('po-pp-2')).rejects.toBeInstanceOf(PaymentGatewayUnavailableError);
    expect(double.batches.has('po-pp-2')).toBe(true);
    const before = double.batches.size;
    const again = await pay('po-pp-2');
    expect(again).toEqual({
      gatewayPayoutId: double.batches.get('po-pp-2')!.batch_header.payout_batch_id,
      status: 'paid',
    });
    expect(double.batches.size).toBe(before);
  });

  it('an item PayPal cannot pay is a failed payout with its reason', async () => {
    expect(await pay('po-pp-3', 'unregistered@example.com')).toEqual({
      gatewayPayoutId: expect.stringMatching(/^BATCH/),
      status: 'failed',
      failureCode: 'receiver_unregistered',
    });
  });

  it('a request PayPal refuses is a business refusal; a bank destination is not PayPal’s', async () => {
    await expect(pay('po-pp-4', '')).rejects.toMatchObject({ code: 'PAYMENT_REQUEST_REFUSED' });
    await expect(
      payouts.payout({
        payoutId: 'po-pp-5',
        providerId: 'seller-1',
        amountCents: 100,
        destination: { kind: 'bank', iban: 'FR7630006000011234567890189', holderName: 'C M' },
        idempotencyKey: 'po-pp-5',
      }),
    ).rejects.toBeInstanceOf(BusinessRuleError);
  });
});
