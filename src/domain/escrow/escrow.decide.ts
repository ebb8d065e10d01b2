import { assertNever, percentOf, vatIncluded } from '../shared';
import type {
  EscrowCommand,
  FreezeEscrow,
  FundEscrow,
  OpenEscrow,
  RefundEscrow,
  ReleaseEscrow,
  UnfreezeEscrow,
} from './escrow.commands';
import { EscrowEvent, EscrowFunded, EscrowOpened } from './escrow.events';
import * as errors from './escrow.errors';
import * as guard from './escrow.guards';
import { EscrowState, OpenedEscrowState } from './escrow.state';

function open(command: OpenEscrow, state: EscrowState): EscrowEvent[] {
  const {
    escrowId,
    subject,
    payerId,
    payeeId,
    commissionRateBp,
    trancheId,
    amountCents,
    paymentRef,
    label,
    maxFundedCents,
  } = command.data;
  guard.assertId(escrowId, 'escrowId');
  guard.assertSubject(subject);
  guard.assertId(payerId, 'payerId');
  guard.assertId(payeeId, 'payeeId');
  if (payerId === payeeId)
    throw errors.invalidField('payeeId', payeeId, 'someone other than the payer');
  guard.assertCommissionRate(commissionRateBp);
  guard.assertNoCommissionOnProject(subject, commissionRateBp);
  guard.assertId(trancheId, 'trancheId');
  guard.assertPositiveCents(amountCents, 'amountCents');
  guard.assertId(paymentRef, 'paymentRef');
  guard.assertMayFund(payerId, command.meta);
  const tranche = guard.trancheLabel(label);
  if (state.status !== 'none') {
    // A retried opening (same escrow, same first payment) is answered with nothing new.
    if (state.escrowId === escrowId && state.tranches[trancheId] === amountCents) return [];
    throw errors.alreadyOpened(state.status);
  }
  guard.assertWithinCap(0, amountCents, maxFundedCents);
  const opened: EscrowOpened = {
    type: 'EscrowOpened',
    data: {
      escrowId,
      subject: { kind: subject.kind, id: subject.id },
      payerId,
      payeeId,
      commissionRateBp,
    },
  };
  const funded: EscrowFunded = {
    type: 'EscrowFunded',
    data: {
      escrowId,
      trancheId,
      amountCents,
      paymentRef,
      fundedTotalCents: amountCents,
      ...tranche,
    },
  };
  return [opened, funded];
}

function fund(command: FundEscrow, state: OpenedEscrowState): EscrowEvent[] {
  const { trancheId, amountCents, paymentRef, label, maxFundedCents } = command.data;
  guard.assertId(trancheId, 'trancheId');
  guard.assertPositiveCents(amountCents, 'amountCents');
  guard.assertId(paymentRef, 'paymentRef');
  guard.assertMayFund(state.payerId, command.meta);
  const tranche = guard.trancheLabel(label);
  if (Object.hasOwn(state.tranches, trancheId)) {
    if (state.tranches[trancheId] === amountCents) return [];
    throw errors.idReused('trancheId', trancheId, state.tranches[trancheId], amountCents);
  }
  const isProject = state.subject.kind === 'project';
  // A mission whose price rose after a change the provider accepted takes the difference in.
  const isMission = state.subject.kind === 'mission';
  switch (state.status) {
    case 'frozen':
      throw errors.frozen(state.disputeId);
    case 'closed':
      // A tender project reopens with each new tranche; orders and missions are paid once.
      if (!isProject) throw errors.escrowClosed(state.status);
      break;
    case 'held':
      if (!isProject && !isMission) throw errors.alreadyFunded(state.status);
      break;
    case 'awaiting_funding':
      break;
    default:
      assertNever(state);
  }
  guard.assertWithinCap(state.fundedCents, amountCents, maxFundedCents);
  return [
    {
      type: 'EscrowFunded',
      data: {
        escrowId: state.escrowId,
        trancheId,
        amountCents,
        paymentRef,
        fundedTotalCents: state.fundedCents + amountCents,
        ...tranche,
      },
    },
  ];
}

function release(command: ReleaseEscrow, state: OpenedEscrowState): EscrowEvent[] {
  const { releaseId, amountCents, reason } = command.data;
  guard.assertId(releaseId, 'releaseId');
  guard.assertPositiveCents(amountCents, 'amountCents');
  guard.assertReleaseReason(reason);
  const decision = guard.decisionRefs(reason, command.data);
  guard.assertMayRelease(state, reason, command.meta);
  if (Object.hasOwn(state.releases, releaseId)) {
    if (state.releases[releaseId] === amountCents) return [];
    throw errors.idReused('releaseId', releaseId, state.releases[releaseId], amountCents);
  }
  guard.assertMayMoveMoney(state, decision);
  if (reason === 'tranche_released' && state.subject.kind !== 'project')
    throw errors.tranchesOnlyForProjects(state.subject.kind);
  if (reason === 'cancellation_fee' && state.subject.kind !== 'mission')
    throw errors.cancellationFeeOnlyForMissions(state.subject.kind);
  const tranche = guard.releasedTranche(state, reason, amountCents, command.data.trancheId);
  if (amountCents > state.heldCents) throw errors.insufficientHeld(state.heldCents, amountCents);
  // Acceptance completes the work, so a partial release would strand money in the escrow.
  if ((reason === 'accepted' || reason === 'auto_accepted') && amountCents !== state.heldCents) {
    throw errors.releaseMustBeFull(state.heldCents, amountCents);
  }
  // No cut on a project's tranches, even for an account opened before the rule (rate stored > 0).
  const commissionCents =
    state.subject.kind === 'project' ? 0 : percentOf(amountCents, state.commissionRateBp);
  return [
    {
      type: 'EscrowReleased',
      data: {
        escrowId: state.escrowId,
        releaseId,
        payeeId: state.payeeId,
        amountCents,
        commissionCents,
        vatOnCommissionCents: vatIncluded(commissionCents),
        payeeNetCents: amountCents - commissionCents,
        reason,
        ...decision,
        ...tranche,
      },
    },
  ];
}

function refund(command: RefundEscrow, state: OpenedEscrowState): EscrowEvent[] {
  const { refundId, amountCents, reason } = command.data;
  guard.assertId(refundId, 'refundId');
  guard.assertPositiveCents(amountCents, 'amountCents');
  guard.assertRefundReason(reason);
  const decision = guard.decisionRefs(reason, command.data);
  guard.assertMayRefund(reason, command.meta);
  if (Object.hasOwn(state.refunds, refundId)) {
    if (state.refunds[refundId] === amountCents) return [];
    throw errors.idReused('refundId', refundId, state.refunds[refundId], amountCents);
  }
  guard.assertMayMoveMoney(state, decision);
  if (amountCents > state.heldCents) throw errors.insufficientHeld(state.heldCents, amountCents);
  return [
    {
      type: 'EscrowRefunded',
      data: {
        escrowId: state.escrowId,
        refundId,
        payerId: state.payerId,
        amountCents,
        reason,
        ...decision,
      },
    },
  ];
}

function freeze(command: FreezeEscrow, state: OpenedEscrowState): EscrowEvent[] {
  const { disputeId } = command.data;
  guard.assertId(disputeId, 'disputeId');
  guard.assertMayFreeze(state, command.meta);
  if (state.status === 'frozen') {
    if (state.disputeId === disputeId) return [];
    throw errors.frozen(state.disputeId);
  }
  if (state.endedDisputeIds.includes(disputeId)) throw errors.disputeEnded(state.status, disputeId);
  if (state.status === 'closed') throw errors.escrowClosed(state.status);
  if (state.status === 'awaiting_funding') throw errors.notFunded(state.status);
  const { heldCents } = command.data;
  if (heldCents !== undefined && heldCents !== state.heldCents)
    throw errors.heldChanged(state.status, state.heldCents, heldCents);
  return [{ type: 'EscrowFrozen', data: { escrowId: state.escrowId, disputeId } }];
}

function unfreeze(command: UnfreezeEscrow, state: OpenedEscrowState): EscrowEvent[] {
  const { disputeId } = command.data;
  guard.assertId(disputeId, 'disputeId');
  guard.assertMayUnfreeze(command.meta);
  // Repeats, and disputes whose decision already emptied the escrow, need nothing more.
  if (state.endedDisputeIds.includes(disputeId)) return [];
  if (state.status !== 'frozen') throw errors.notFrozen(state.status);
  if (state.disputeId !== disputeId) throw errors.frozen(state.disputeId);
  return [{ type: 'EscrowUnfrozen', data: { escrowId: state.escrowId, disputeId } }];
}

export function decide(command: EscrowCommand, state: EscrowState): EscrowEvent[] {
  if (command.type === 'OpenEscrow') return open(command, state);
  if (state.status === 'none') throw errors.escrowNotFound();
  switch (command.type) {
    case 'FundEscrow':
      return fund(command, state);
    case 'ReleaseEscrow':
      return release(command, state);
    case 'RefundEscrow':
      return refund(command, state);
    case 'FreezeEscrow':
      return freeze(command, state);
    case 'UnfreezeEscrow':
      return unfreeze(command, state);
    default:
      return assertNever(command);
  }
}
