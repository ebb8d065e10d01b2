import { assertCents, assertNever, Cents } from '../shared';
import { DECISION_OUTCOMES, DecisionOutcome } from './dispute.events';
import {
  amountRequired,
  amountsDoNotMatchOutcome,
  exceedsHeld,
  mustDistributeHeld,
  outcomeInvalid,
} from './dispute.errors';

export interface Distribution {
  refundCents: Cents;
  releaseCents: Cents;
}

/**
 * A frozen escrow is settled in one go, so refund + release must be exactly what it holds:
 * never more (the platform cannot pay out money it was not given), never less (nothing stays stuck).
 */
export function assertDistributesHeld(
  heldCents: Cents,
  refundCents: unknown,
  releaseCents: unknown,
): Distribution {
  assertCents(refundCents, 'refundCents');
  assertCents(releaseCents, 'releaseCents');
  const amounts = { heldCents, refundCents, releaseCents };
  if (
    refundCents > heldCents ||
    releaseCents > heldCents ||
    refundCents + releaseCents > heldCents
  ) {
    throw exceedsHeld(amounts);
  }
  if (refundCents + releaseCents < heldCents) throw mustDistributeHeld(amounts);
  return { refundCents, releaseCents };
}

/**
 * Turns an arbitration outcome into the refund and release it implies. Amounts the outcome
 * fixes may be omitted; any amount given must agree with the outcome.
 */
export function decisionDistribution(
  outcome: unknown,
  heldCents: Cents,
  refundCents: Cents | null | undefined,
  releaseCents: Cents | null | undefined,
): Distribution {
  if (!(DECISION_OUTCOMES as readonly unknown[]).includes(outcome)) throw outcomeInvalid(outcome);
  const decided = outcome as DecisionOutcome;
  switch (decided) {
    case 'full_refund': {
      const result = assertDistributesHeld(heldCents, refundCents ?? heldCents, releaseCents ?? 0);
      if (result.releaseCents !== 0)
        throw amountsDoNotMatchOutcome(decided, { heldCents, ...result });
      return result;
    }
    case 'pay_seller': {
      const result = assertDistributesHeld(heldCents, refundCents ?? 0, releaseCents ?? heldCents);
      if (result.refundCents !== 0)
        throw amountsDoNotMatchOutcome(decided, { heldCents, ...result });
      return result;
    }
    case 'partial_refund': {
      if (refundCents == null) throw amountRequired(decided, 'refundCents');
      assertCents(refundCents, 'refundCents');
      const result = assertDistributesHeld(
        heldCents,
        refundCents,
        releaseCents ?? Math.max(heldCents - refundCents, 0),
      );
      if (result.refundCents === 0 || result.releaseCents === 0) {
        throw amountsDoNotMatchOutcome(decided, { heldCents, ...result });
      }
      return result;
    }
    case 'split':
      if (refundCents == null) throw amountRequired(decided, 'refundCents');
      if (releaseCents == null) throw amountRequired(decided, 'releaseCents');
      return assertDistributesHeld(heldCents, refundCents, releaseCents);
    default:
      return assertNever(decided);
  }
}
