import { DISPUTE_STATUS_LABELS, DisputeState } from '../../domain/disputes';
import { assertNever } from '../../domain/shared';
import { revisionOf } from '../shared/revision';
import { ESCROW_VIEW_STATUS_LABELS, EscrowView } from './case/escrow.view';
import { ORDER_VIEW_STATUS_LABELS, OrderView } from './case/order.view';

/** What a dispute command answers: the dispute, and where its order and escrow now stand. */
export interface DisputeCaseResult {
  disputeId: string;
  orderId: string | null;
  status: DisputeState['status'];
  statusLabel: string | null;
  /** The dispute stream's revision, for `If-Match` on the next command. */
  revision: string | null;
  /** Types of the events this command appended (none when it changed nothing). */
  events: string[];
  order: { status: string; statusLabel: string | null } | null;
  escrow: { status: string; statusLabel: string; heldCents: number } | null;
  /**
   * `pending` when the dispute is recorded but its consequences on the order or escrow are still
   * to be carried out: the disputes reactor finishes them.
   */
  effects: 'done' | 'pending';
}

/** Whether the order and escrow already reflect the dispute's status. */
export function effectsOf(
  disputeId: string,
  state: DisputeState,
  order: OrderView | null,
  escrow: EscrowView | null,
): 'done' | 'pending' {
  if (state.status === 'none' || state.subject.kind !== 'order' || !order || !escrow) return 'done';
  const frozenByIt = order.contest?.disputeId === disputeId && escrow.frozenBy === disputeId;
  switch (state.status) {
    case 'open':
    case 'under_review':
    case 'settlement_proposed':
      return frozenByIt ? 'done' : 'pending';
    case 'withdrawn':
      return order.contest?.disputeId !== disputeId && escrow.frozenBy !== disputeId
        ? 'done'
        : 'pending';
    case 'resolved':
      return order.resolution?.disputeId === disputeId ? 'done' : 'pending';
    default:
      return assertNever(state);
  }
}

export function caseResult(
  disputeId: string,
  state: DisputeState,
  revision: bigint | null,
  events: { type: string }[],
  order: OrderView | null,
  escrow: EscrowView | null,
): DisputeCaseResult {
  return {
    disputeId,
    orderId: state.status === 'none' ? null : state.subject.id,
    status: state.status,
    statusLabel: state.status === 'none' ? null : DISPUTE_STATUS_LABELS[state.status],
    revision: revisionOf(revision),
    events: events.map((e) => e.type),
    order:
      order && order.status !== 'none'
        ? { status: order.status, statusLabel: ORDER_VIEW_STATUS_LABELS[order.status] }
        : null,
    escrow: escrow
      ? {
          status: escrow.status,
          statusLabel: ESCROW_VIEW_STATUS_LABELS[escrow.status],
          heldCents: escrow.heldCents,
        }
      : null,
    effects: effectsOf(disputeId, state, order, escrow),
  };
}
