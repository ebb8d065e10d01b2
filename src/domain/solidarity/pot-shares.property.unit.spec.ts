import fc from 'fast-check';
import { potOf, sharePot } from './pot-shares';
import { closeCommand, PARTNERS, randomMonth } from './solidarity-pot.fixtures.spec';
import { solidarityMonthDecider } from './solidarity-pot.deciders';
import type { SolidarityMonthClosed } from './solidarity-month.events';

describe('the pot’s shares (property)', () => {
  it('add up exactly to the pot, none negative, each within a cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        (pot, votes) => {
          const shares = sharePot(
            pot,
            votes.map((v, i) => ({ associationId: `acc_${String(i).padStart(2, '0')}`, votes: v })),
          );
          expect(shares.reduce((s, x) => s + x.amountCents, 0)).toBe(pot);
          const total = votes.reduce((s, v) => s + v, 0);
          for (const s of shares) {
            expect(s.amountCents).toBeGreaterThanOrEqual(0);
            const exact = total === 0 ? pot / votes.length : (pot * s.votes) / total;
            expect(Math.abs(s.amountCents - exact)).toBeLessThan(1.000001);
          }
        },
      ),
    );
  });

  it('over random months, the close shares exactly pot + carry-in, or carries it all over', () => {
    fc.assert(
      fc.property(randomMonth, (m) => {
        const partners = m.partners.map((associationId) => ({
          associationId,
          name: associationId,
        }));
        const [event] = solidarityMonthDecider.decide(
          closeCommand({ ...m, partners }),
          solidarityMonthDecider.initialState(),
        ) as SolidarityMonthClosed[];
        const d = event.data;
        expect(d.potCents).toBe(potOf(m.revenueCents, m.rateBp));
        expect(d.potCents).toBeGreaterThanOrEqual(0);
        if (m.revenueCents <= 0) expect(d.potCents).toBe(0);
        const shared = d.shares.reduce((s, x) => s + x.amountCents, 0);
        expect(d.shares.every((s) => s.amountCents >= 0)).toBe(true);
        expect(shared).toBe(d.distributedCents);
        expect(d.distributedCents + d.carriedOverCents).toBe(d.potCents + m.carriedInCents);
        expect(d.shares.map((s) => s.associationId).sort()).toEqual([...m.partners].sort());
        if (partners.length === 0) expect(d.carriedOverCents).toBe(d.potCents + m.carriedInCents);
      }),
    );
  });

  it('uses the fixture partners unchanged (sanity)', () => {
    expect(PARTNERS).toHaveLength(2);
  });
});
