import fc from 'fast-check';
import type { RecordedEvent } from '../../application/shared/event-store.port';
import { solidarityMonthDecider } from '../../domain/solidarity';
import type { SolidarityMonthClosed } from '../../domain/solidarity';
import { closeCommand, randomMonth } from '../../domain/solidarity/solidarity-pot.fixtures.spec';
import { balancedLegs } from './ledger.accounts';
import { solidarityPostings } from './solidarity-postings';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: 'e1',
  streamName: 'solidarity_month-2026-11',
  revision: 0n,
  position: { commit: 1n, prepare: 1n },
  type,
  schemaVersion: 1,
  data,
  metadata: {},
  recordedAt: new Date('2026-12-01T00:00:00.000Z'),
});

describe('solidarity postings', () => {
  it('posts the shared pot as the platform’s expense owed to each association', () => {
    const [posting] = solidarityPostings(
      recorded('SolidarityMonthClosed', {
        month: '2026-11',
        closedAt: '2026-12-01T00:00:00.000Z',
        shares: [
          { associationId: 'a', name: 'A', votes: 2, amountCents: 3_333 },
          { associationId: 'b', name: 'B', votes: 1, amountCents: 1_667 },
          { associationId: 'c', name: 'C', votes: 0, amountCents: 0 },
        ],
      }),
    );
    expect(posting.kind).toBe('solidarity_pot_shared');
    expect(balancedLegs(posting.legs)).toEqual([
      { account: 'solidarity_expense', partyId: null, debit: 5_000, credit: 0 },
      { account: 'association_payable', partyId: 'a', debit: 0, credit: 3_333 },
      { account: 'association_payable', partyId: 'b', debit: 0, credit: 1_667 },
    ]);
  });

  it('moves a credited share from the association payable to the wallet (provider_payable)', () => {
    const [posting] = solidarityPostings(
      recorded('SolidarityShareCredited', {
        month: '2026-11',
        associationId: 'a',
        amountCents: 3_333,
        creditId: 'c',
        creditedAt: '2026-12-01T00:00:01.000Z',
      }),
    );
    expect(posting.legs).toEqual([
      { account: 'association_payable', partyId: 'a', debit: 3_333, credit: 0 },
      { account: 'provider_payable', partyId: 'a', debit: 0, credit: 3_333 },
    ]);
  });

  it('posts nothing for a carried-over month', () => {
    expect(
      solidarityPostings(
        recorded('SolidarityMonthClosed', { month: '2026-11', closedAt: 'x', shares: [] }),
      ),
    ).toEqual([]);
  });

  it('balances over random months, and the association payable nets to 0 once every share is credited', () => {
    fc.assert(
      fc.property(randomMonth, (m) => {
        const partners = m.partners.map((associationId) => ({
          associationId,
          name: associationId,
        }));
        const [closed] = solidarityMonthDecider.decide(
          closeCommand({ ...m, partners }),
          solidarityMonthDecider.initialState(),
        ) as SolidarityMonthClosed[];
        const postings = [
          ...solidarityPostings(recorded('SolidarityMonthClosed', closed.data)),
          ...closed.data.shares.flatMap((s) =>
            solidarityPostings(
              recorded('SolidarityShareCredited', {
                month: closed.data.month,
                associationId: s.associationId,
                amountCents: s.amountCents,
                creditId: s.associationId,
                creditedAt: 'x',
              }),
            ),
          ),
        ];
        const balances = new Map<string, number>();
        for (const p of postings)
          for (const l of balancedLegs(p.legs))
            balances.set(l.account, (balances.get(l.account) ?? 0) + l.debit - l.credit);
        expect(balances.get('solidarity_expense') ?? 0).toBe(closed.data.distributedCents);
        expect(balances.get('association_payable') ?? 0).toBe(0);
        expect((balances.get('provider_payable') ?? 0) + closed.data.distributedCents).toBe(0);
      }),
    );
  });
});
