import { refundAmounts, seriesFor } from './invoice-numbering';
import {
  hourPackDescription,
  hoursLabel,
  subscriptionDescription,
} from './platform-sales-invoices';

describe('the platform’s own sales on invoices', () => {
  it('numbers subscriptions, hour packs and fees in the platform’s series, as commissions', () => {
    for (const subject of ['subscription', 'hour_pack', 'fee', 'commission'] as const) {
      expect(seriesFor('invoice', subject, 'seller', 'X')).toEqual({
        id: 'platform-invoice',
        prefix: 'F',
      });
      expect(seriesFor('credit_note', subject, 'seller', 'X')).toEqual({
        id: 'platform-credit',
        prefix: 'A',
      });
    }
    expect(seriesFor('invoice', 'service', 'seller', 'X').prefix).toBe('SX');
  });

  it('describes a subscription period with its Paris dates', () => {
    expect(
      subscriptionDescription(
        'Pro',
        { periodStartsAt: '2026-12-02T09:00:00.000Z', periodEndsAt: '2027-01-01T23:30:00.000Z' },
        false,
      ),
    ).toBe('Abonnement Pro — période du 02/12/2026 au 02/01/2027');
    expect(
      subscriptionDescription(
        'Abonnement Crédits',
        { periodStartsAt: '2026-12-02T09:00:00.000Z', periodEndsAt: '2027-01-02T09:00:00.000Z' },
        true,
      ),
    ).toBe(
      'Abonnement Crédits — période du 02/12/2026 au 02/01/2027 (reprise après incident de paiement)',
    );
  });

  it('describes an hour pack by its hours and service type', () => {
    expect(hoursLabel(600)).toBe('10 h');
    expect(hoursLabel(90)).toBe('1 h 30');
    expect(hoursLabel(45)).toBe('45 min');
    expect(hourPackDescription(600, 'Ménage', null)).toBe('Pack 10 h — Ménage');
    expect(hourPackDescription(600, 'Ménage', '2027-06-02T09:00:00.000Z')).toBe(
      'Pack 10 h — Ménage (heures valables jusqu’au 02/06/2027)',
    );
  });

  it('splits a refund’s VAT pro rata of the sale’s, so refunds of the whole reverse exactly its VAT', () => {
    const sale = { ttcCents: 25_000, vatCents: 4_167, refundedTtcCents: 0 };
    const parts = [1, 4_999, 10_000, 10_000];
    let refunded = 0;
    let vat = 0;
    for (const part of parts) {
      const a = refundAmounts({ ...sale, refundedTtcCents: refunded }, part);
      expect(a.totalHtCents + a.vatCents).toBe(part);
      expect(a.vatCents).toBeGreaterThanOrEqual(0);
      refunded += part;
      vat += a.vatCents;
    }
    expect({ refunded, vat }).toEqual({ refunded: 25_000, vat: 4_167 });
  });
});
