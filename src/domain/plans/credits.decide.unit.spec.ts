import { CreditsErrorCode as C } from './credits.errors';
import { creditsDecider } from './index';
import {
  accountId,
  adminId,
  asAdmin,
  asProvider,
  asSystem,
  bonus,
  credits,
  forfeit,
  forfeited,
  freeze,
  frozen,
  grant,
  granted,
  meta,
  now,
  project,
  refund,
  refunded,
  spec,
  spend,
  spent,
  subscriptionId,
  unfreeze,
  unfrozen,
} from './credits.fixtures.spec';

describe('credit ledger: grants at each period start', () => {
  it('grants the period allowance', () => {
    spec
      .given([])
      .when(grant({ consultation: 5, offer: 3 }, 'grant-1'))
      .then([
        {
          type: 'CreditsGranted',
          data: {
            accountId,
            grantId: 'grant-1',
            credits: credits({ consultation: 5, offer: 3 }),
            source: 'subscription',
            subscriptionId,
            period: 2,
            reason: null,
            grantedBy: 'system',
            grantedAt: now,
          },
        },
      ]);
  });

  it('grants nothing twice for the same period start (replay)', () => {
    spec
      .given([granted({ offer: 3 }, 'grant-1')])
      .when(grant({ offer: 3 }, 'grant-1'))
      .then([]);
  });

  it('grants nothing for a zero allowance', () => {
    spec.given([]).when(grant({})).then([]);
  });

  it('carries unspent credits over: a new period adds to what is left', () => {
    const state = spec
      .given([granted({ offer: 3 }, 'g1'), spent('offer'), granted({ offer: 3 }, 'g2')])
      .state();
    expect(state.status === 'open' && state.balance).toEqual(credits({ offer: 5 }));
  });

  it('ignores a period grant after the account closed', () => {
    spec
      .given([granted({ offer: 1 }), forfeited({ offer: 1 })])
      .when(grant({ offer: 3 }))
      .then([]);
  });

  it('only the system grants a period allowance', () => {
    spec
      .given([])
      .when(grant({ offer: 3 }, 'g', asProvider))
      .thenThrows(C.CREDITS_NOT_ALLOWED);
  });
});

describe('credit ledger: bonus credits by staff', () => {
  it('grants bonus credits with their reason', () => {
    spec
      .given([])
      .when(bonus({ direct_contact: 2 }, '  Article   promouvant la plateforme '))
      .thenMatches(([event]) =>
        expect(event).toEqual({
          type: 'CreditsGranted',
          data: expect.objectContaining({
            credits: credits({ direct_contact: 2 }),
            source: 'bonus',
            subscriptionId: null,
            period: null,
            reason: 'Article promouvant la plateforme',
            grantedBy: adminId,
          }),
        }),
      );
  });

  it('requires a reason of 1 to 200 characters', () => {
    spec
      .given([])
      .when(bonus({ offer: 1 }, '  '))
      .thenThrows(C.CREDITS_INVALID_REASON);
    spec
      .given([])
      .when(bonus({ offer: 1 }, 'x'.repeat(201)))
      .thenThrows(C.CREDITS_INVALID_REASON);
  });

  it('requires amounts 0..1000 with at least one above 0', () => {
    spec.given([]).when(bonus({})).thenThrows(C.CREDITS_INVALID_AMOUNT);
    spec
      .given([])
      .when(bonus({ offer: 1001 }))
      .thenThrows(C.CREDITS_INVALID_AMOUNT, { max: 1000 });
    spec
      .given([])
      .when(bonus({ offer: -1 }))
      .thenThrows(C.CREDITS_INVALID_AMOUNT);
    spec
      .given([])
      .when(bonus({ offer: 1.5 }))
      .thenThrows(C.CREDITS_INVALID_AMOUNT);
  });

  it('refuses a kind that does not exist', () => {
    spec
      .given([])
      .when(bonus({ offer: 1, tokens: 2 } as never))
      .thenThrows(C.CREDITS_INVALID_KIND);
  });

  it('is for admins only', () => {
    spec
      .given([])
      .when(bonus({ offer: 1 }, 'x', 'b', meta('finance', 'f-1')))
      .thenThrows(C.CREDITS_NOT_ALLOWED);
  });

  it('refuses a bonus on a closed account', () => {
    spec
      .given([granted({ offer: 1 }), forfeited({ offer: 1 })])
      .when(bonus({ offer: 1 }))
      .thenThrows(C.CREDITS_ACCOUNT_CLOSED);
  });

  it('grants a bonus once per request (the same grant id grants nothing again)', () => {
    const first = creditsDecider.decide(bonus({ offer: 1 }), creditsDecider.initialState());
    expect(first).toHaveLength(1);
    spec
      .given(first)
      .when(bonus({ offer: 1 }))
      .then([]);
  });
});

describe('credit ledger: spending', () => {
  it('spends one credit of the kind on the subject', () => {
    spec
      .given([granted({ offer: 2 })])
      .when(spend('offer', 'spend-2', project('p-9')))
      .then([
        {
          type: 'CreditSpent',
          data: {
            accountId,
            spendId: 'spend-2',
            kind: 'offer',
            amount: 1,
            subject: project('p-9'),
            spentAt: now,
          },
        },
      ]);
  });

  it('spends nothing again on the same kind and subject', () => {
    spec
      .given([granted({ offer: 2 }), spent('offer', 'spend-1')])
      .when(spend('offer', 'spend-2', project()))
      .then([]);
  });

  it('spends another kind on the same subject', () => {
    spec
      .given([granted({ offer: 2, consultation: 1 }), spent('offer', 'spend-1')])
      .when(spend('consultation', 'spend-2', project()))
      .thenMatches((events) => expect(events).toHaveLength(1));
  });

  it('spends again on a subject whose spend was refunded', () => {
    spec
      .given([granted({ offer: 2 }), spent('offer', 'spend-1'), refunded('offer', 'spend-1')])
      .when(spend('offer', 'spend-1b', project()))
      .thenMatches(([e]) => expect(e.type).toBe('CreditSpent'));
  });

  it('refuses when no credit of the kind is left', () => {
    spec
      .given([granted({ consultation: 2 })])
      .when(spend('offer'))
      .thenThrows(C.INSUFFICIENT_CREDITS, { kind: 'offer', balance: 0 });
    spec.given([]).when(spend('offer')).thenThrows(C.INSUFFICIENT_CREDITS);
    spec
      .given([granted({ offer: 1 }), spent('offer', 'spend-1')])
      .when(spend('offer'))
      .thenThrows(C.INSUFFICIENT_CREDITS);
  });

  it('refuses while a payment incident froze the credits', () => {
    spec
      .given([granted({ offer: 3 }), frozen()])
      .when(spend('offer'))
      .thenThrows(C.CREDITS_FROZEN, { currentStatus: 'frozen' });
  });

  it('spends again once unfrozen', () => {
    spec
      .given([granted({ offer: 3 }), frozen(), unfrozen()])
      .when(spend('offer'))
      .thenMatches((e) => expect(e).toHaveLength(1));
  });

  it('refuses on a closed account', () => {
    spec
      .given([granted({ offer: 3 }), forfeited({ offer: 3 })])
      .when(spend('offer'))
      .thenThrows(C.CREDITS_ACCOUNT_CLOSED);
  });

  it('is the provider’s own spend (or the system’s)', () => {
    spec
      .given([granted({ offer: 3 })])
      .when(spend('offer', 's', project(), meta('provider', 'someone-else')))
      .thenThrows(C.CREDITS_NOT_ALLOWED);
    spec
      .given([granted({ offer: 3 })])
      .when(spend('offer', 's', project(), asAdmin))
      .thenThrows(C.CREDITS_NOT_ALLOWED);
    spec
      .given([granted({ offer: 3 })])
      .when(spend('offer', 's', project(), asSystem))
      .thenMatches((e) => expect(e).toHaveLength(1));
  });

  it('refuses an unknown kind or subject', () => {
    spec
      .given([granted({ offer: 3 })])
      .when(spend('tokens' as never))
      .thenThrows(C.CREDITS_INVALID_KIND);
    spec
      .given([granted({ offer: 3 })])
      .when(spend('offer', 's', { type: 'order', id: 'x' } as never))
      .thenThrows(C.CREDITS_INVALID_SUBJECT);
  });
});

describe('credit ledger: refunds by staff', () => {
  it('gives one spend back with its reason', () => {
    spec
      .given([granted({ offer: 1 }), spent('offer', 'spend-1')])
      .when(refund('spend-1', 'project_no_longer_current', ' Projet retiré '))
      .then([
        {
          type: 'CreditRefunded',
          data: {
            accountId,
            spendId: 'spend-1',
            kind: 'offer',
            amount: 1,
            subject: project(),
            reason: 'project_no_longer_current',
            note: 'Projet retiré',
            refundedBy: adminId,
            refundedAt: now,
          },
        },
      ]);
  });

  it('refunds a spend once', () => {
    spec
      .given([granted({ offer: 1 }), spent(), refunded()])
      .when(refund('spend-1', 'spent_twice'))
      .thenThrows(C.CREDIT_ALREADY_REFUNDED);
  });

  it('answers not found for an unknown spend', () => {
    spec
      .given([granted({ offer: 1 })])
      .when(refund('nope'))
      .thenThrows(C.CREDIT_SPEND_NOT_FOUND);
    spec.given([]).when(refund('nope')).thenThrows(C.CREDIT_SPEND_NOT_FOUND);
  });

  it('needs a note when the reason is other', () => {
    spec
      .given([granted({ offer: 1 }), spent()])
      .when(refund('spend-1', 'other'))
      .thenThrows(C.CREDITS_INVALID_NOTE);
    spec
      .given([granted({ offer: 1 }), spent()])
      .when(refund('spend-1', 'wrong' as never))
      .thenThrows(C.CREDITS_INVALID_REASON);
  });

  it('refunds while frozen (the credit comes back, still frozen)', () => {
    const given = spec.given([granted({ offer: 1 }), spent(), frozen()]);
    given.when(refund()).thenMatches((e) => expect(e).toHaveLength(1));
  });

  it('is for admins only, and the system giving back a spend it could not serve', () => {
    spec
      .given([granted({ offer: 1 }), spent()])
      .when(refund('spend-1', 'spent_twice', null, asProvider))
      .thenThrows(C.CREDITS_NOT_ALLOWED);
    spec
      .given([granted({ offer: 1 }), spent()])
      .when(refund('spend-1', 'project_no_longer_current', null, asSystem))
      .thenMatches((events) =>
        expect(events).toEqual([
          expect.objectContaining({
            type: 'CreditRefunded',
            data: expect.objectContaining({ spendId: 'spend-1', refundedBy: asSystem.actorId }),
          }),
        ]),
      );
  });
});

describe('credit ledger: payment incidents and closure', () => {
  it('a renewal or reinstatement of the frozen subscription unfreezes, then grants, in one decision', () => {
    spec
      .given([granted({ offer: 1 }), frozen()])
      .when(grant({ offer: 2 }, 'grant-2'))
      .thenMatches((events) =>
        expect(events.map((e) => e.type)).toEqual(['CreditsUnfrozen', 'CreditsGranted']),
      );
    spec
      .given([granted({ offer: 1 }), frozen()])
      .when(grant({}, 'grant-2'))
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual(['CreditsUnfrozen']));
    spec
      .given([granted({ offer: 1 }), frozen('other')])
      .when(grant({}, 'grant-2'))
      .then([]);
  });

  it('freezes once per subscription, unfreezes once', () => {
    spec
      .given([granted({ offer: 1 })])
      .when(freeze())
      .thenMatches(([e]) => expect(e.type).toBe('CreditsFrozen'));
    spec
      .given([granted({ offer: 1 }), frozen()])
      .when(freeze())
      .then([]);
    spec
      .given([granted({ offer: 1 }), frozen()])
      .when(unfreeze())
      .thenMatches(([e]) => expect(e.type).toBe('CreditsUnfrozen'));
    spec
      .given([granted({ offer: 1 })])
      .when(unfreeze())
      .then([]);
  });

  it('stays frozen while another subscription’s incident holds', () => {
    const state = spec
      .given([granted({ offer: 1 }), frozen('a'), frozen('b'), unfrozen('a')])
      .state();
    expect(state.status === 'open' && state.frozenBy).toEqual(['b']);
    spec
      .given([granted({ offer: 1 }), frozen('a'), frozen('b'), unfrozen('a')])
      .when(spend())
      .thenThrows(C.CREDITS_FROZEN);
  });

  it('keeps the balance while frozen', () => {
    const state = spec.given([granted({ offer: 4 }), frozen()]).state();
    expect(state.status === 'open' && state.balance.offer).toBe(4);
  });

  it('forfeits what is left at account closure, once', () => {
    spec
      .given([granted({ offer: 3, consultation: 1 }), spent('offer')])
      .when(forfeit())
      .then([
        {
          type: 'CreditsForfeited',
          data: {
            accountId,
            credits: credits({ offer: 2, consultation: 1 }),
            reason: 'account_closed',
            forfeitedAt: now,
          },
        },
      ]);
    spec
      .given([granted({ offer: 3 }), forfeited({ offer: 3 })])
      .when(forfeit())
      .then([]);
  });

  it('opens no ledger for an account that never had credits', () => {
    spec.given([]).when(forfeit()).then([]);
  });

  it('only the system freezes and forfeits', () => {
    spec
      .given([granted({ offer: 1 })])
      .when(freeze(subscriptionId, asAdmin))
      .thenThrows(C.CREDITS_NOT_ALLOWED);
    spec
      .given([granted({ offer: 1 })])
      .when(forfeit(asAdmin))
      .thenThrows(C.CREDITS_NOT_ALLOWED);
  });
});
