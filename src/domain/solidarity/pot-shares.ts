import { divideHalfEven } from '../shared/money';

/** A partner association and the votes it received (0 allowed). */
export interface PotCandidate {
  associationId: string;
  votes: number;
}

export interface PotShare extends PotCandidate {
  amountCents: number;
}

/**
 * Shares `potCents` among `candidates` in proportion to their votes, by cumulative half-even
 * rounding (docs/solidarity-pot.md): sorted by association id, the i-th share is
 * round(pot × votes₁..ᵢ / total) − round(pot × votes₁..ᵢ₋₁ / total), each rounding half to even.
 * Every share is within one cent of its exact value, none is negative (the cumulative figures
 * never decrease), and they add up exactly to the pot (the last cumulative figure is the pot).
 * With no vote at all each candidate weighs 1: equal shares. No candidate: nothing is shared.
 */
export function sharePot(potCents: number, candidates: readonly PotCandidate[]): PotShare[] {
  if (!Number.isSafeInteger(potCents) || potCents < 0)
    throw new RangeError('potCents must be a non-negative integer');
  const sorted = [...candidates].sort((a, b) =>
    a.associationId < b.associationId ? -1 : a.associationId > b.associationId ? 1 : 0,
  );
  if (sorted.length === 0) return [];
  for (const c of sorted)
    if (!Number.isSafeInteger(c.votes) || c.votes < 0)
      throw new RangeError('votes must be non-negative integers');
  const total = sorted.reduce((s, c) => s + c.votes, 0);
  const weights = total === 0 ? sorted.map(() => 1) : sorted.map((c) => c.votes);
  const weightTotal = BigInt(total === 0 ? sorted.length : total);
  const pot = BigInt(potCents);
  let cumulativeWeight = 0n;
  let previous = 0n;
  return sorted.map((c, i) => {
    cumulativeWeight += BigInt(weights[i]);
    const cumulative = divideHalfEven(pot * cumulativeWeight, weightTotal);
    const amount = cumulative - previous;
    previous = cumulative;
    return { associationId: c.associationId, votes: c.votes, amountCents: Number(amount) };
  });
}

/** Pot = revenue × rate (basis points) / 10 000, half-even to the cent; a negative month gives 0. */
export function potOf(revenueCents: number, rateBp: number): number {
  if (!Number.isSafeInteger(revenueCents)) throw new RangeError('revenueCents must be an integer');
  if (!Number.isSafeInteger(rateBp) || rateBp < 0 || rateBp > 10_000)
    throw new RangeError('rateBp must be between 0 and 10 000');
  if (revenueCents <= 0) return 0;
  return Number(divideHalfEven(BigInt(revenueCents) * BigInt(rateBp), 10_000n));
}
