import { Cents } from '../shared';
import { EscrowState } from './escrow.state';

export interface EscrowBalance {
  fundedCents: Cents;
  releasedCents: Cents;
  refundedCents: Cents;
  heldCents: Cents;
  commissionCents: Cents;
}

export function escrowBalance(state: EscrowState): EscrowBalance {
  if (state.status === 'none') {
    return { fundedCents: 0, releasedCents: 0, refundedCents: 0, heldCents: 0, commissionCents: 0 };
  }
  const { fundedCents, releasedCents, refundedCents, heldCents, commissionCents } = state;
  return { fundedCents, releasedCents, refundedCents, heldCents, commissionCents };
}

/**
 * Throws (a plain Error: a broken invariant is a bug, never a user mistake) unless
 * funded = released + refunded + held, held >= 0, commission + payee net = released,
 * and the status agrees with the held amount.
 */
export function assertEscrowInvariant(state: EscrowState): void {
  if (state.status === 'none') return;
  const { fundedCents, releasedCents, refundedCents, heldCents, commissionCents, payeeNetCents } =
    state;
  const fail = (rule: string) => {
    throw new Error(
      `Escrow ${state.escrowId} breaks "${rule}": ${JSON.stringify(escrowBalance(state))}`,
    );
  };
  const amounts = [
    fundedCents,
    releasedCents,
    refundedCents,
    heldCents,
    commissionCents,
    payeeNetCents,
  ];
  if (!amounts.every((v) => Number.isSafeInteger(v))) fail('amounts are integer cents');
  if (fundedCents !== releasedCents + refundedCents + heldCents)
    fail('funded = released + refunded + held');
  if (heldCents < 0) fail('held >= 0');
  if (commissionCents + payeeNetCents !== releasedCents) fail('commission + payee net = released');
  if (commissionCents < 0 || payeeNetCents < 0) fail('commission and payee net are not negative');
  const sumOf = (amountsById: Record<string, Cents>) =>
    Object.values(amountsById).reduce((a, b) => a + b, 0);
  if (sumOf(state.tranches) !== fundedCents) fail('funded = sum of tranches');
  if (sumOf(state.releases) !== releasedCents) fail('released = sum of releases');
  if (sumOf(state.refunds) !== refundedCents) fail('refunded = sum of refunds');
  const expectsHeld = state.status === 'held' || state.status === 'frozen';
  if (expectsHeld !== heldCents > 0) fail(`status ${state.status} matches the held amount`);
}
