import { Cents } from '../shared';
import { EscrowEvent, EscrowSubject } from './escrow.events';

/** Everything an opened escrow knows; amounts are running totals of the stored events. */
export interface EscrowData {
  escrowId: string;
  subject: EscrowSubject;
  payerId: string;
  payeeId: string;
  commissionRateBp: number;
  fundedCents: Cents;
  releasedCents: Cents;
  refundedCents: Cents;
  /** Tracked on its own (not derived) so that the invariant check can actually fail. */
  heldCents: Cents;
  commissionCents: Cents;
  payeeNetCents: Cents;
  /** Amount per id, so that a repeated command is recognised and answered with no event. */
  tranches: Record<string, Cents>;
  releases: Record<string, Cents>;
  refunds: Record<string, Cents>;
  /** Disputes that froze this escrow and are over (withdrawn, or decided down to zero held). */
  endedDisputeIds: string[];
}

export type EscrowState =
  | { status: 'none' }
  /** Only between EscrowOpened and its EscrowFunded: decide always emits both together. */
  | ({ status: 'awaiting_funding' } & EscrowData)
  | ({ status: 'held' } & EscrowData)
  | ({ status: 'frozen'; disputeId: string } & EscrowData)
  /** Nothing held any more; a tender project may reopen it with a new tranche. */
  | ({ status: 'closed' } & EscrowData);

export type EscrowStatus = EscrowState['status'];
export type OpenedEscrowState = Exclude<EscrowState, { status: 'none' }>;

export const ESCROW_STATUS_LABELS: Record<EscrowStatus, string> = {
  none: 'Inexistant',
  awaiting_funding: 'En attente de paiement',
  held: 'Sous séquestre',
  frozen: 'Bloqué (contestation)',
  closed: 'Clôturé',
};

export const initialState = (): EscrowState => ({ status: 'none' });

function withData(state: OpenedEscrowState, data: EscrowData): OpenedEscrowState {
  if (data.heldCents > 0) {
    return state.status === 'frozen'
      ? { ...data, status: 'frozen', disputeId: state.disputeId }
      : { ...data, status: 'held' };
  }
  // Held money reaching zero ends the escrow; a dispute that froze it is over with it.
  const endedDisputeIds =
    state.status === 'frozen' ? [...data.endedDisputeIds, state.disputeId] : data.endedDisputeIds;
  return { ...data, endedDisputeIds, status: 'closed' };
}

function dataOf(state: OpenedEscrowState): EscrowData {
  const { status: _status, ...rest } = state;
  if ('disputeId' in rest) {
    const { disputeId: _disputeId, ...data } = rest;
    return data;
  }
  return rest;
}

export function evolve(state: EscrowState, event: EscrowEvent): EscrowState {
  if (event.type === 'EscrowOpened') {
    if (state.status !== 'none') return state;
    return {
      status: 'awaiting_funding',
      ...event.data,
      fundedCents: 0,
      releasedCents: 0,
      refundedCents: 0,
      heldCents: 0,
      commissionCents: 0,
      payeeNetCents: 0,
      tranches: {},
      releases: {},
      refunds: {},
      endedDisputeIds: [],
    };
  }
  if (state.status === 'none') return state;
  const data = dataOf(state);
  switch (event.type) {
    case 'EscrowFunded': {
      const { trancheId, amountCents } = event.data;
      if (Object.hasOwn(data.tranches, trancheId)) return state;
      return withData(state, {
        ...data,
        fundedCents: data.fundedCents + amountCents,
        heldCents: data.heldCents + amountCents,
        tranches: { ...data.tranches, [trancheId]: amountCents },
      });
    }
    case 'EscrowReleased': {
      const { releaseId, amountCents, commissionCents, payeeNetCents } = event.data;
      if (Object.hasOwn(data.releases, releaseId)) return state;
      return withData(state, {
        ...data,
        releasedCents: data.releasedCents + amountCents,
        heldCents: data.heldCents - amountCents,
        commissionCents: data.commissionCents + commissionCents,
        payeeNetCents: data.payeeNetCents + payeeNetCents,
        releases: { ...data.releases, [releaseId]: amountCents },
      });
    }
    case 'EscrowRefunded': {
      const { refundId, amountCents } = event.data;
      if (Object.hasOwn(data.refunds, refundId)) return state;
      return withData(state, {
        ...data,
        refundedCents: data.refundedCents + amountCents,
        heldCents: data.heldCents - amountCents,
        refunds: { ...data.refunds, [refundId]: amountCents },
      });
    }
    case 'EscrowFrozen':
      if (state.status !== 'held') return state;
      return { ...data, status: 'frozen', disputeId: event.data.disputeId };
    case 'EscrowUnfrozen':
      if (state.status !== 'frozen' || state.disputeId !== event.data.disputeId) return state;
      return {
        ...data,
        status: 'held',
        endedDisputeIds: [...data.endedDisputeIds, event.data.disputeId],
      };
    default:
      // Exhaustive at compile time, yet an unknown stored type leaves the state as is: evolve never
      // throws.
      event satisfies never;
      return state;
  }
}
