import {
  AFTER,
  closeCommand,
  closedEvent,
  meta,
  MONTH,
  monthSpec,
  PARTNERS,
  RESTOS,
  SECOURS,
  system,
} from './solidarity-pot.fixtures.spec';

const sharesOf = (events: { type: string; data: unknown }[]) =>
  (events[0].data as { shares: { associationId: string; amountCents: number; votes: number }[] })
    .shares;

describe('SolidarityMonth: the close', () => {
  it('computes the pot (5 % of the revenue, half-even) and shares it by the votes, adding up exactly', () => {
    monthSpec
      .given([])
      .when(closeCommand({ revenueCents: 100_000, votes: { [RESTOS]: 2, [SECOURS]: 1 } }))
      .then([closedEvent()]);
  });

  it('rounds the pot half to even: 5 % of 10 cents is 0.5 → 0, of 30 cents is 1.5 → 2', () => {
    monthSpec
      .given([])
      .when(closeCommand({ revenueCents: 10 }))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ potCents: 0, distributedCents: 0 }));
    monthSpec
      .given([])
      .when(closeCommand({ revenueCents: 30 }))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ potCents: 2, distributedCents: 2 }));
  });

  it('uses the configured rate', () => {
    monthSpec
      .given([])
      .when(closeCommand({ revenueCents: 100_000, rateBp: 1_000 }))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ rateBp: 1_000, potCents: 10_000 }));
  });

  it('gives a pot of 0 for a negative month (more refunds than revenue)', () => {
    monthSpec
      .given([])
      .when(closeCommand({ revenueCents: -50_000 }))
      .thenMatches((events) => {
        expect(events[0].data).toMatchObject({
          revenueCents: -50_000,
          potCents: 0,
          distributedCents: 0,
        });
        expect(sharesOf(events).map((s) => s.amountCents)).toEqual([0, 0]);
      });
  });

  it('shares equally among the partners when nobody voted', () => {
    monthSpec
      .given([])
      .when(closeCommand({ revenueCents: 100_020, votes: {} }))
      .thenMatches((events) => {
        expect(events[0].data).toMatchObject({
          rule: 'equal_shares',
          potCents: 5_001,
          votesCounted: 0,
        });
        expect(sharesOf(events).map((s) => s.amountCents)).toEqual([2_500, 2_501]);
      });
  });

  it('does not count votes for an association no longer a partner at the close', () => {
    monthSpec
      .given([])
      .when(
        closeCommand({
          partners: [PARTNERS[0]],
          votes: { [RESTOS]: 1, [SECOURS]: 5 },
        }),
      )
      .thenMatches((events) => {
        expect(events[0].data).toMatchObject({ rule: 'votes', votesCounted: 1, votesVoid: 5 });
        expect(sharesOf(events)).toEqual([
          { associationId: RESTOS, name: 'Les Restos du Cœur', votes: 1, amountCents: 5_000 },
        ]);
      });
  });

  it('carries the pot over when there is no partner', () => {
    monthSpec
      .given([])
      .when(closeCommand({ partners: [], carriedInCents: 700 }))
      .thenMatches((events) => {
        expect(events[0].data).toMatchObject({
          rule: 'carried_over',
          potCents: 5_000,
          carriedInCents: 700,
          distributedCents: 0,
          carriedOverCents: 5_700,
          shares: [],
        });
      });
  });

  it('adds what the previous month carried over to the shared amount', () => {
    monthSpec
      .given([])
      .when(closeCommand({ carriedInCents: 1_000, votes: { [RESTOS]: 1 } }))
      .thenMatches((events) => {
        expect(events[0].data).toMatchObject({ distributedCents: 6_000 });
        expect(sharesOf(events).map((s) => s.amountCents)).toEqual([6_000, 0]);
      });
  });

  it('runs once: a second close changes nothing', () => {
    monthSpec
      .given([closedEvent()])
      .when(closeCommand({ revenueCents: 999_999 }))
      .then([]);
  });

  it('refuses before the month is over', () => {
    monthSpec
      .given([])
      .when(closeCommand({ now: '2026-11-30T22:00:00.000Z' }))
      .thenThrows('SOLIDARITY_MONTH_NOT_OVER', { month: MONTH });
  });

  it('refuses a party', () => {
    monthSpec
      .given([])
      .when({ ...closeCommand(), meta: meta(AFTER) })
      .thenThrows('SOLIDARITY_STAFF_ONLY');
  });

  it('lets staff close a past month', () => {
    monthSpec
      .given([])
      .when({ ...closeCommand(), meta: meta(AFTER, 'acc_admin', 'admin') })
      .thenMatches(([e]) => expect(e.data).toMatchObject({ closedBy: 'acc_admin' }));
  });
});

describe('SolidarityMonth: what became of each share', () => {
  const credited = {
    type: 'SolidarityShareCredited' as const,
    data: {
      month: MONTH,
      associationId: RESTOS,
      amountCents: 3_333,
      creditId: 'cr-1',
      creditedAt: AFTER,
    },
  };
  const recordCredit = {
    type: 'RecordShareCredited' as const,
    data: { month: MONTH, associationId: RESTOS, creditId: 'cr-1' },
    meta: system(),
  };
  const recordPayout = {
    type: 'RecordSharePayout' as const,
    data: { month: MONTH, associationId: RESTOS, payoutId: 'po-1', accountId: 'acct-1' },
    meta: system(),
  };
  const recordKept = {
    type: 'RecordShareKeptInWallet' as const,
    data: { month: MONTH, associationId: RESTOS, reason: 'NO_WITHDRAWAL_ACCOUNT' },
    meta: system(),
  };

  it('records the wallet credit of a share once, with its amount', () => {
    monthSpec.given([closedEvent()]).when(recordCredit).then([credited]);
    monthSpec.given([closedEvent(), credited]).when(recordCredit).then([]);
  });

  it('records the payout request once the share is credited', () => {
    monthSpec
      .given([closedEvent(), credited])
      .when(recordPayout)
      .then([
        {
          type: 'SolidaritySharePayoutRequested',
          data: {
            month: MONTH,
            associationId: RESTOS,
            amountCents: 3_333,
            payoutId: 'po-1',
            accountId: 'acct-1',
            requestedAt: AFTER,
          },
        },
      ]);
    monthSpec.given([closedEvent()]).when(recordPayout).thenThrows('SOLIDARITY_SHARE_NOT_CREDITED');
  });

  it('keeps a share in the wallet of an association without a withdrawal account, paid later', () => {
    const kept = {
      type: 'SolidarityShareKeptInWallet' as const,
      data: {
        month: MONTH,
        associationId: RESTOS,
        amountCents: 3_333,
        reason: 'NO_WITHDRAWAL_ACCOUNT',
        at: AFTER,
      },
    };
    monthSpec.given([closedEvent(), credited]).when(recordKept).then([kept]);
    monthSpec.given([closedEvent(), credited, kept]).when(recordKept).then([]);
    monthSpec
      .given([closedEvent(), credited, kept])
      .when(recordPayout)
      .thenMatches(([e]) => expect(e.type).toBe('SolidaritySharePayoutRequested'));
  });

  it('refuses a share of an open month or of an association without a share', () => {
    monthSpec.given([]).when(recordCredit).thenThrows('SOLIDARITY_MONTH_NOT_CLOSED');
    monthSpec
      .given([closedEvent()])
      .when({ ...recordCredit, data: { ...recordCredit.data, associationId: 'acc_x' } })
      .thenThrows('SOLIDARITY_SHARE_NOT_FOUND');
  });
});
