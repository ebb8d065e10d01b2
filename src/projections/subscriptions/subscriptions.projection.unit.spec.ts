import type { SubscriptionEvent } from '../../domain/plans';
import { evolveSubscriptionRow } from './subscriptions.projection';

const at = '2026-01-31T10:00:00.000Z';
const started: SubscriptionEvent = {
  type: 'SubscriptionStarted',
  data: {
    subscriptionId: 'sub-1',
    accountId: 'p-1',
    planId: 'plan-pro',
    planKind: 'pro',
    planName: 'Pro',
    billingPeriod: 'month',
    paymentMethodRef: 'pm_1',
    startedAt: at,
    period: 1,
    planVersion: 1,
    priceTtcCents: 2_990,
    periodStartsAt: at,
    periodEndsAt: '2026-02-28T10:00:00.000Z',
    credits: { consultation: 0, offer: 0, direct_contact: 0 },
    chargeRef: 'pi_1',
  },
};
const failed: SubscriptionEvent = {
  type: 'SubscriptionRenewalFailed',
  data: {
    subscriptionId: 'sub-1',
    accountId: 'p-1',
    period: 2,
    attempt: 1,
    amountCents: 2_990,
    failureCode: 'card_declined',
    nextAttemptAt: '2026-03-01T10:00:00.000Z',
    failedAt: '2026-02-28T10:00:00.000Z',
  },
};

describe('subscriptions read model rows', () => {
  it('folds with the domain’s evolve: status and incident as the stream tells them', () => {
    let row = evolveSubscriptionRow(undefined, started, 0, at);
    expect(row).toMatchObject({
      subscription_id: 'sub-1',
      account_id: 'p-1',
      status: 'active',
      period: 1,
      renewal_due_at: '2026-02-28T10:00:00.000Z',
    });
    row = evolveSubscriptionRow(row, failed, 1, '2026-02-28T10:00:00.000Z');
    expect(row).toMatchObject({ status: 'incident', rev: 1, state: { incident: { attempts: 1 } } });
  });

  it('ignores an event before the subscription started', () => {
    expect(evolveSubscriptionRow(undefined, failed, 0, at)).toBeUndefined();
  });
});
