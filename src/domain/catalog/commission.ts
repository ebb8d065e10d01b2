/** Where an order comes from decides the platform's cut (seed 001: 10 % catalog, 20 % custom). */
export type OfferOrigin = 'catalog' | 'custom';

export type CommissionRates = Readonly<Record<OfferOrigin, number>>;

/** Basis points: 1 000 bp = 10 %. */
export const DEFAULT_COMMISSION_RATES_BP: CommissionRates = { catalog: 1_000, custom: 2_000 };

/**
 * The commission rate in basis points for an offer origin; `overrides` comes from configuration.
 * A misconfigured rate is a deployment error, so it throws a RangeError rather than a domain error.
 */
export function commissionRateFor(
  origin: OfferOrigin,
  overrides: Partial<CommissionRates> = {},
): number {
  const rate = overrides[origin] ?? DEFAULT_COMMISSION_RATES_BP[origin];
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > 10_000) {
    throw new RangeError(
      `commission rate for ${origin} must be an integer between 0 and 10000 basis points`,
    );
  }
  return rate;
}
