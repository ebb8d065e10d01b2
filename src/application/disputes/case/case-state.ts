import {
  DISPUTE_STATUS_LABELS,
  disputeDecider,
  DisputeEvent,
  DisputeState,
  isDisputeEvent,
} from '../../../domain/disputes';
import { categoryOf, RecordedEvent } from '../../shared/event-store.port';
import {
  emptyEscrowView,
  ESCROW_VIEW_STATUS_LABELS,
  EscrowView,
  foldEscrowView,
} from './escrow.view';
import {
  emptyMissionView,
  foldMissionView,
  MISSION_VIEW_STATUS_LABELS,
  MissionView,
} from './mission.view';
import { emptyOrderView, foldOrderView, ORDER_VIEW_STATUS_LABELS, OrderView } from './order.view';

export interface DisputeSnapshot {
  disputeId: string;
  statusLabel: string | null;
  state: DisputeState;
}

export interface CaseState {
  order: OrderView & { statusLabel: string | null };
  /** Only in a mission's case. */
  mission?: MissionView & { statusLabel: string | null };
  escrow: EscrowView & { statusLabel: string };
  disputes: DisputeSnapshot[];
}

/** Folds each stream of the case separately, with the read-only views and the dispute decider's evolve. */
export function rebuildCaseState(
  events: readonly RecordedEvent[],
  disputeIds: readonly string[],
): CaseState {
  let order = emptyOrderView();
  let escrow = emptyEscrowView();
  let mission = emptyMissionView();
  const disputes = new Map<string, DisputeState>(
    disputeIds.map((id) => [id, disputeDecider.initialState()]),
  );
  for (const event of events) {
    const category = categoryOf(event.streamName);
    const revision = Number(event.revision);
    if (category === 'order') order = foldOrderView(order, event, revision);
    else if (category === 'mission') mission = foldMissionView(mission, event, revision);
    else if (category === 'escrow') escrow = foldEscrowView(escrow, event, revision);
    else if (category === 'dispute' && isDisputeEvent(event)) {
      const id = event.streamName.slice('dispute-'.length);
      disputes.set(
        id,
        disputeDecider.evolve(
          disputes.get(id) ?? disputeDecider.initialState(),
          event as DisputeEvent,
        ),
      );
    }
  }
  return {
    order: {
      ...order,
      statusLabel: order.status === 'none' ? null : ORDER_VIEW_STATUS_LABELS[order.status],
    },
    ...(mission.status === 'none'
      ? {}
      : { mission: { ...mission, statusLabel: MISSION_VIEW_STATUS_LABELS[mission.status] } }),
    escrow: { ...escrow, statusLabel: ESCROW_VIEW_STATUS_LABELS[escrow.status] },
    disputes: [...disputes].map(([disputeId, state]) => ({
      disputeId,
      statusLabel: state.status === 'none' ? null : DISPUTE_STATUS_LABELS[state.status],
      state,
    })),
  };
}
