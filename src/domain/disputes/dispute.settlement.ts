import type { AcceptSettlement, ProposeSettlement, RejectSettlement } from './dispute.commands';
import { assertDistributesHeld } from './dispute.amounts';
import type { DisputeEvent } from './dispute.events';
import { noSettlementProposed, settlementNotPending } from './dispute.errors';
import { requireAssignedOrAdmin, requireParty } from './dispute.guards';
import type { ActiveDisputeState, PendingSettlement } from './dispute.state';

export function proposeSettlement(
  { data, meta }: ProposeSettlement,
  state: ActiveDisputeState,
): DisputeEvent[] {
  const proposedByRole = requireAssignedOrAdmin(state, meta);
  const { refundCents, releaseCents } = assertDistributesHeld(
    state.heldCents,
    data.refundCents,
    data.releaseCents,
  );
  return [
    {
      type: 'DisputeSettlementProposed',
      data: {
        disputeId: state.disputeId,
        settlementId: data.settlementId,
        proposedBy: meta.actorId,
        proposedByRole,
        refundCents,
        releaseCents,
        heldCents: state.heldCents,
        replacesSettlementId:
          state.status === 'settlement_proposed' ? state.settlement.settlementId : null,
      },
    },
  ];
}

function pendingSettlement(state: ActiveDisputeState, settlementId: string): PendingSettlement {
  if (state.status !== 'settlement_proposed') throw noSettlementProposed(state.status);
  if (state.settlement.settlementId !== settlementId) {
    throw settlementNotPending(settlementId, state.settlement.settlementId);
  }
  return state.settlement;
}

export function acceptSettlement(
  { data, meta }: AcceptSettlement,
  state: ActiveDisputeState,
): DisputeEvent[] {
  const byRole = requireParty(state, meta);
  const settlement = pendingSettlement(state, data.settlementId);
  if (settlement.acceptedBy.includes(byRole)) return [];
  const { disputeId } = state;
  const { settlementId } = settlement;
  const accepted: DisputeEvent = {
    type: 'DisputeSettlementAccepted',
    data: { disputeId, settlementId, by: meta.actorId, byRole },
  };
  const otherRole = byRole === 'buyer' ? 'seller' : 'buyer';
  if (!settlement.acceptedBy.includes(otherRole)) return [accepted];
  return [
    accepted,
    {
      type: 'DisputeSettled',
      data: {
        disputeId,
        settlementId,
        subject: state.subject,
        escrowId: state.escrowId,
        buyerId: state.buyerId,
        sellerId: state.sellerId,
        refundCents: settlement.refundCents,
        releaseCents: settlement.releaseCents,
        heldCents: state.heldCents,
      },
    },
  ];
}

export function rejectSettlement(
  { data, meta }: RejectSettlement,
  state: ActiveDisputeState,
): DisputeEvent[] {
  const byRole = requireParty(state, meta);
  const { settlementId } = pendingSettlement(state, data.settlementId);
  return [
    {
      type: 'DisputeSettlementRejected',
      data: { disputeId: state.disputeId, settlementId, by: meta.actorId, byRole },
    },
  ];
}
