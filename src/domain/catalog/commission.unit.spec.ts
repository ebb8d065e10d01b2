import { commissionRateFor } from './commission';

describe('commissionRateFor', () => {
  it('takes 10 % on catalog gigs and 20 % on custom orders by default', () => {
    expect(commissionRateFor('catalog')).toBe(1_000);
    expect(commissionRateFor('custom')).toBe(2_000);
  });

  it('uses a configured override for one origin and the default for the other', () => {
    expect(commissionRateFor('catalog', { catalog: 1_200 })).toBe(1_200);
    expect(commissionRateFor('custom', { catalog: 1_200 })).toBe(2_000);
  });

  it.each([-1, 10_001, 12.5])('rejects a configured rate of %p basis points', (rate) => {
    expect(() => commissionRateFor('custom', { custom: rate })).toThrow(RangeError);
  });
});
