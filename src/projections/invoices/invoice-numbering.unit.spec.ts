import { euros, frenchDate } from './invoice-pdf';
import {
  amountsFromTtc,
  derivedId,
  formatNumber,
  parisDate,
  percentLabel,
  sellerCode,
  seriesFor,
} from './invoice-numbering';

describe('invoice numbering and amounts', () => {
  it('splits a TTC price into HT and 20 % VAT, rounding half-even once so HT + VAT = TTC', () => {
    // 123,45 / 1,2 = 102,875: the tie goes to the even cent, 102,88.
    expect(amountsFromTtc(12_345)).toMatchObject({
      totalHtCents: 10_288,
      vatCents: 2_057,
      totalTtcCents: 12_345,
      unitPriceHtCents: 10_288,
      quantity: 1,
      vatRateBp: 2_000,
    });
    expect(amountsFromTtc(5_000)).toMatchObject({ totalHtCents: 4_167, vatCents: 833 });
    expect(amountsFromTtc(1)).toMatchObject({ totalHtCents: 1, vatCents: 0 });
  });

  it('dates and numbers by the French calendar: New Year’s Eve at 23:30 UTC is already next year in Paris', () => {
    expect(parisDate('2026-12-31T23:30:00.000Z')).toBe('2027-01-01');
    expect(parisDate('2026-07-01T21:59:00.000Z')).toBe('2026-07-01');
  });

  it('names the four series: platform invoices F, platform credit notes A, seller S<code> and AS<code>', () => {
    expect(seriesFor('invoice', 'commission', 's1', 'X')).toEqual({
      id: 'platform-invoice',
      prefix: 'F',
    });
    expect(seriesFor('credit_note', 'commission', 's1', 'X')).toEqual({
      id: 'platform-credit',
      prefix: 'A',
    });
    expect(seriesFor('invoice', 'service', 's1', '7K3Q9')).toEqual({
      id: 'seller-invoice:s1',
      prefix: 'S7K3Q9',
    });
    expect(seriesFor('credit_note', 'service', 's1', '7K3Q9')).toEqual({
      id: 'seller-credit:s1',
      prefix: 'AS7K3Q9',
    });
    expect(formatNumber('F', 2026, 42)).toBe('F-2026-000042');
  });

  it('uses the provider reference as the seller code, or the start of the account id when none is known', () => {
    expect(sellerCode('3f2ae26b-eda9-4dfa-a2ca-828dd507e1ac', 'PR-7K3Q9')).toBe('7K3Q9');
    expect(sellerCode('3f2ae26b-eda9-4dfa-a2ca-828dd507e1ac', null)).toBe('3F2AE26B');
  });

  it('formats amounts, rates and dates the French way without floats', () => {
    expect(euros(123_456)).toBe('1 234,56 €');
    expect(euros(5)).toBe('0,05 €');
    expect(percentLabel(2_000)).toBe('20 %');
    expect(percentLabel(1_250)).toBe('12,5 %');
    expect(percentLabel(555)).toBe('5,55 %');
    expect(frenchDate('2026-03-05')).toBe('5 mars 2026');
  });

  it('derives the same UUID-shaped id from the same parts, and another from other parts', () => {
    const id = derivedId('event-1', 'invoice', 'service');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedId('event-1', 'invoice', 'service')).toBe(id);
    expect(derivedId('event-1', 'invoice', 'commission')).not.toBe(id);
  });
});
