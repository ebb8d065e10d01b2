import { ValidationError } from './domain-error';

/** Amounts are integer euro cents. These helpers keep every figure a safe, non-negative integer. */
export type Cents = number;

export function assertCents(value: unknown, field = 'amount'): asserts value is Cents {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError('MONEY_INVALID_AMOUNT', `${field} must be a non-negative integer number of cents`, {
      field,
      value,
    });
  }
}

export function cents(value: number, field = 'amount'): Cents {
  assertCents(value, field);
  return value;
}

/**
 * Divides `numerator / denominator` rounding half to even (banker's rounding),
 * computed in BigInt so that no float ever touches money.
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const quotient = n / denominator;
  const remainder = n % denominator;
  const twice = remainder * 2n;
  let rounded = quotient;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) rounded += 1n;
  return negative ? -rounded : rounded;
}

/** `amount × basisPoints / 10 000`, rounded half-even. 1 000 bp = 10 %. */
export function percentOf(amount: Cents, basisPoints: number): Cents {
  assertCents(amount);
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) throw new RangeError('basisPoints must be a non-negative integer');
  return Number(divideHalfEven(BigInt(amount) * BigInt(basisPoints), 10_000n));
}

/** The VAT included in a TTC amount at `rateBasisPoints` (2 000 = 20 %): ttc − ttc / (1 + rate), half-even. */
export function vatIncluded(ttc: Cents, rateBasisPoints = 2_000): Cents {
  assertCents(ttc);
  const net = divideHalfEven(BigInt(ttc) * 10_000n, 10_000n + BigInt(rateBasisPoints));
  return ttc - Number(net);
}

export function sum(values: readonly Cents[]): Cents {
  const total = values.reduce((acc, v) => acc + v, 0);
  assertCents(total, 'sum');
  return total;
}
