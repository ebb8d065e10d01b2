import { creditsSteps } from './credits.reactor';
import { periodGrantId } from './credit-ids';

const terms = (credits: Record<string, number>) => ({
  subscriptionId: 'sub-1',
  accountId: 'provider-1',
  period: 3,
  credits: { consultation: 0, offer: 0, direct_contact: 0, ...credits },
});

describe('credits reactor: what each subscription or identity fact does to the ledger', () => {
  it('given a period start on a credits plan, grants its allowance', () => {
    expect(creditsSteps({ type: 'SubscriptionStarted', data: terms({ offer: 5 }) })).toEqual([
      {
        kind: 'grant',
        accountId: 'provider-1',
        subscriptionId: 'sub-1',
        period: 3,
        credits: { consultation: 0, offer: 5, direct_contact: 0 },
      },
    ]);
  });

  it('given a zero allowance (a pro plan), grants nothing', () => {
    expect(creditsSteps({ type: 'SubscriptionStarted', data: terms({}) })).toEqual([]);
  });

  it('given a renewal or a reinstatement, sends the period start (which also ends its freeze), even without credits', () => {
    for (const type of ['SubscriptionRenewed', 'SubscriptionReinstated']) {
      expect(creditsSteps({ type, data: terms({ consultation: 2 }) }).map((s) => s.kind)).toEqual([
        'grant',
      ]);
      expect(creditsSteps({ type, data: terms({}) }).map((s) => s.kind)).toEqual(['grant']);
    }
  });

  it('given a suspension of a credits plan, freezes; of a pro plan, nothing', () => {
    const suspended = { type: 'SubscriptionSuspended', data: terms({}) };
    expect(creditsSteps(suspended, 'credits')).toEqual([
      { kind: 'freeze', accountId: 'provider-1', subscriptionId: 'sub-1' },
    ]);
    expect(creditsSteps(suspended, 'pro')).toEqual([]);
  });

  it('given a cancellation, leaves the credits usable', () => {
    expect(creditsSteps({ type: 'SubscriptionCancelled', data: terms({}) })).toEqual([]);
  });

  it('given an account closure, forfeits what is left', () => {
    expect(
      creditsSteps({ type: 'AccountClosed', data: { accountId: 'provider-1', closedAt: 'x' } }),
    ).toEqual([{ kind: 'forfeit', accountId: 'provider-1' }]);
  });

  it('derives the grant id from the causing event: a replay grants nothing twice', () => {
    expect(periodGrantId('event-1')).toBe(periodGrantId('event-1'));
    expect(periodGrantId('event-1')).not.toBe(periodGrantId('event-2'));
  });
});
