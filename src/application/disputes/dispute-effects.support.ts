import type { DisputeEvent, DisputeState } from '../../domain/disputes';
import type { ActorRole, CommandMeta } from '../../domain/shared';
import type { CausationContext } from '../shared/command-handling';

/**
 * The dispute event whose consequences are being carried out. The synchronous request path and
 * the reactor build the same cause from the same event, so they send identical commands with
 * identical ids and the second one writes nothing.
 */
export interface DisputeCause {
  disputeId: string;
  eventId: string;
  occurredAt: string;
  actorId: string;
  actorRole: ActorRole;
  correlationId: string;
}

/** Who acts when the disputes context itself unfreezes an escrow. */
export const SYSTEM: Pick<CommandMeta, 'actorId' | 'actorRole'> = {
  actorId: 'system:disputes',
  actorRole: 'system',
};

export interface ResolutionOutcome {
  refundedCents: number;
  releasedCents: number;
  commissionCents: number;
  sellerNetCents: number;
}

/**
 * Runs a step unless the other aggregate already shows its result; a refusal that turns out to
 * be a concurrent run of the same step (request path and reactor together) counts as done.
 */
export async function settled(
  done: () => Promise<boolean>,
  step: () => Promise<unknown>,
): Promise<void> {
  if (await done()) return;
  try {
    await step();
  } catch (error) {
    if (await done()) return;
    throw error;
  }
}

export function causationOf(cause: DisputeCause): CausationContext {
  return { correlationId: cause.correlationId, causationId: cause.eventId };
}

/** Who carries out a resolution: the deciding staff member, or the one who proposed the accepted settlement. */
export function resolver(
  state: Extract<DisputeState, { status: 'resolved' }>,
  events: DisputeEvent[],
): { actorId: string; actorRole: ActorRole } {
  const { resolution } = state;
  if (resolution.via === 'decision') {
    const decided = events.find(
      (e) => e.type === 'DisputeDecided' && e.data.decisionId === resolution.decisionId,
    );
    const role = decided?.type === 'DisputeDecided' ? decided.data.decidedByRole : 'mediator';
    return { actorId: resolution.decidedBy, actorRole: role };
  }
  const proposed = events.find(
    (e) =>
      e.type === 'DisputeSettlementProposed' && e.data.settlementId === resolution.settlementId,
  );
  if (proposed?.type === 'DisputeSettlementProposed') {
    return { actorId: proposed.data.proposedBy, actorRole: proposed.data.proposedByRole };
  }
  return { actorId: state.mediatorId ?? SYSTEM.actorId, actorRole: 'mediator' };
}
