// Shared builders for the escrow specs; the `.spec.ts` suffix keeps them out of the production build.
import { ActorRole, CommandMeta } from '../shared';
import {
  EscrowEvent,
  EscrowSubjectKind,
  FreezeEscrow,
  FundEscrow,
  OpenEscrow,
  RefundEscrow,
  ReleaseEscrow,
  UnfreezeEscrow,
} from './index';

export const NOW = '2025-03-14T09:30:00.000Z';
export const ESCROW_ID = 'esc-1';
export const BUYER = 'buyer-1';
export const SELLER = 'seller-1';

export const meta = (actorId: string, actorRole: ActorRole): CommandMeta => ({
  now: NOW,
  actorId,
  actorRole,
});
export const asBuyer = meta(BUYER, 'client');
export const asSeller = meta(SELLER, 'provider');
export const asSystem = meta('worker', 'system');
export const asMediator = meta('mediator-1', 'mediator');
export const asStranger = meta('someone-else', 'client');

export function openCommand(
  overrides: Partial<OpenEscrow['data']> = {},
  by: CommandMeta = asBuyer,
): OpenEscrow {
  return {
    type: 'OpenEscrow',
    data: {
      escrowId: ESCROW_ID,
      subject: { kind: 'order', id: 'order-1' },
      payerId: BUYER,
      payeeId: SELLER,
      commissionRateBp: 1000,
      trancheId: 't1',
      amountCents: 12_000,
      paymentRef: 'pi_t1',
      ...overrides,
    },
    meta: by,
  };
}

export const fund = (
  trancheId: string,
  amountCents: number,
  by: CommandMeta = asBuyer,
): FundEscrow => ({
  type: 'FundEscrow',
  data: { trancheId, amountCents, paymentRef: `pi_${trancheId}` },
  meta: by,
});

export const release = (
  releaseId: string,
  amountCents: number,
  reason: ReleaseEscrow['data']['reason'],
  by: CommandMeta,
  refs: { disputeId?: string; decisionId?: string } = {},
): ReleaseEscrow => ({
  type: 'ReleaseEscrow',
  data: { releaseId, amountCents, reason, ...refs },
  meta: by,
});

export const refund = (
  refundId: string,
  amountCents: number,
  reason: RefundEscrow['data']['reason'],
  by: CommandMeta,
  refs: { disputeId?: string; decisionId?: string } = {},
): RefundEscrow => ({
  type: 'RefundEscrow',
  data: { refundId, amountCents, reason, ...refs },
  meta: by,
});

export const freeze = (disputeId: string, by: CommandMeta = asBuyer): FreezeEscrow => ({
  type: 'FreezeEscrow',
  data: { disputeId },
  meta: by,
});

export const unfreeze = (disputeId: string, by: CommandMeta = asSystem): UnfreezeEscrow => ({
  type: 'UnfreezeEscrow',
  data: { disputeId },
  meta: by,
});

/** A project's account takes no commission (its income is the fees), orders and missions 10 %. */
export function opened(
  kind: EscrowSubjectKind = 'order',
  commissionRateBp = kind === 'project' ? 0 : 1000,
): EscrowEvent {
  return {
    type: 'EscrowOpened',
    data: {
      escrowId: ESCROW_ID,
      subject: { kind, id: `${kind}-1` },
      payerId: BUYER,
      payeeId: SELLER,
      commissionRateBp,
    },
  };
}

export const funded = (
  trancheId: string,
  amountCents: number,
  fundedTotalCents = amountCents,
): EscrowEvent => ({
  type: 'EscrowFunded',
  data: {
    escrowId: ESCROW_ID,
    trancheId,
    amountCents,
    paymentRef: `pi_${trancheId}`,
    fundedTotalCents,
  },
});

export const frozen = (disputeId: string): EscrowEvent => ({
  type: 'EscrowFrozen',
  data: { escrowId: ESCROW_ID, disputeId },
});

export const unfrozen = (disputeId: string): EscrowEvent => ({
  type: 'EscrowUnfrozen',
  data: { escrowId: ESCROW_ID, disputeId },
});

/** A release event at 10 %, with the figures the decider must compute. */
export function released(
  releaseId: string,
  amountCents: number,
  commissionCents: number,
  vatOnCommissionCents: number,
  reason: ReleaseEscrow['data']['reason'],
  refs: { disputeId?: string; decisionId?: string } = {},
): EscrowEvent {
  return {
    type: 'EscrowReleased',
    data: {
      escrowId: ESCROW_ID,
      releaseId,
      payeeId: SELLER,
      amountCents,
      commissionCents,
      vatOnCommissionCents,
      payeeNetCents: amountCents - commissionCents,
      reason,
      ...refs,
    },
  };
}

export const refunded = (
  refundId: string,
  amountCents: number,
  reason: RefundEscrow['data']['reason'],
  refs: { disputeId?: string; decisionId?: string } = {},
): EscrowEvent => ({
  type: 'EscrowRefunded',
  data: { escrowId: ESCROW_ID, refundId, payerId: BUYER, amountCents, reason, ...refs },
});
