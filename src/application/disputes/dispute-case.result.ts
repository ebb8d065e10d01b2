import { DISPUTE_STATUS_LABELS, DisputeState } from '../../domain/disputes';
import { assertNever } from '../../domain/shared';
import { revisionOf } from '../shared/revision';
import { ESCROW_VIEW_STATUS_LABELS, EscrowView } from './case/escrow.view';
import { MISSION_VIEW_STATUS_LABELS, MissionView } from './case/mission.view';
import { ORDER_VIEW_STATUS_LABELS, OrderView } from './case/order.view';

/** What a dispute command answers: the dispute, and where its order (or mission) and escrow now stand. */
export interface DisputeCaseResult {
  disputeId: string;
  /** The disputed order; null for a mission's dispute. */
  orderId: string | null;
  /** What is disputed: an order or a mission. */
  subject: { kind: string; id: string } | null;
  status: DisputeState['status'];
  statusLabel: string | null;
  /** The dispute stream's revision, for `If-Match` on the next command. */
  revision: string | null;
  /** Types of the events this command appended (none when it changed nothing). */
  events: string[];
  order: { status: string; statusLabel: string | null } | null;
  /** The disputed mission, for a mission's dispute. */
  mission: { status: string; statusLabel: string | null } | null;
  escrow: { status: string; statusLabel: string; heldCents: number } | null;
  /**
   * `pending` when the dispute is recorded but its consequences on the order or escrow are still
   * to be carried out: the disputes reactor finishes them.
   */
  effects: 'done' | 'pending';
}

/** Whether the mission and escrow already reflect the dispute's status. */
function missionEffectsOf(
  disputeId: string,
  state: Exclude<DisputeState, { status: 'none' }>,
  mission: MissionView,
  escrow: EscrowView,
): 'done' | 'pending' {
  switch (state.status) {
    case 'open':
    case 'under_review':
    case 'settlement_proposed':
      return mission.problem?.disputeId === disputeId && escrow.frozenBy === disputeId
        ? 'done'
        : 'pending';
    case 'withdrawn':
      return mission.problem?.disputeId !== disputeId && escrow.frozenBy !== disputeId
        ? 'done'
        : 'pending';
    case 'resolved':
      return mission.closure?.disputeId === disputeId ? 'done' : 'pending';
    default:
      return assertNever(state);
  }
}

/** A project's dispute acts on its R0 account only. */
function projectEffectsOf(
  disputeId: string,
  state: Exclude<DisputeState, { status: 'none' }>,
  escrow: EscrowView,
): 'done' | 'pending' {
  switch (state.status) {
    case 'open':
    case 'under_review':
    case 'settlement_proposed':
      return escrow.frozenBy === disputeId ? 'done' : 'pending';
    case 'withdrawn':
      return escrow.frozenBy !== disputeId ? 'done' : 'pending';
    case 'resolved': {
      const moved = state.resolution.refundCents + state.resolution.releaseCents;
      const byIt = [...Object.values(escrow.refunds), ...Object.values(escrow.releases)].some(
        (m) => m.disputeId === disputeId,
      );
      return moved === 0 || byIt ? 'done' : 'pending';
    }
    default:
      return assertNever(state);
  }
}

/** Whether the order (or mission) and escrow already reflect the dispute's status. */
export function effectsOf(
  disputeId: string,
  state: DisputeState,
  order: OrderView | null,
  escrow: EscrowView | null,
  mission: MissionView | null = null,
): 'done' | 'pending' {
  if (state.status !== 'none' && state.subject.kind === 'mission' && mission && escrow)
    return missionEffectsOf(disputeId, state, mission, escrow);
  if (state.status !== 'none' && state.subject.kind === 'project' && escrow)
    return projectEffectsOf(disputeId, state, escrow);
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
  mission: MissionView | null = null,
): DisputeCaseResult {
  const subject = state.status === 'none' ? null : state.subject;
  return {
    disputeId,
    orderId: subject && subject.kind === 'order' ? subject.id : null,
    subject: subject ? { kind: subject.kind, id: subject.id } : null,
    status: state.status,
    statusLabel: state.status === 'none' ? null : DISPUTE_STATUS_LABELS[state.status],
    revision: revisionOf(revision),
    events: events.map((e) => e.type),
    order:
      order && order.status !== 'none'
        ? { status: order.status, statusLabel: ORDER_VIEW_STATUS_LABELS[order.status] }
        : null,
    mission:
      mission && mission.status !== 'none'
        ? { status: mission.status, statusLabel: MISSION_VIEW_STATUS_LABELS[mission.status] }
        : null,
    escrow: escrow
      ? {
          status: escrow.status,
          statusLabel: ESCROW_VIEW_STATUS_LABELS[escrow.status],
          heldCents: escrow.heldCents,
        }
      : null,
    effects: effectsOf(disputeId, state, order, escrow, mission),
  };
}
