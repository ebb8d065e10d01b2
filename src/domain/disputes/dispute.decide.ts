import { assertCents, assertNever } from '../shared';
import { decisionDistribution } from './dispute.amounts';
import {
  AddInternalNote,
  AssignMediator,
  DecideDispute,
  DEFAULT_RESPONSE_DEADLINE_DAYS,
  DisputeCommand,
  OpenDispute,
} from './dispute.commands';
import { DisputeEvent, DisputeOpenerRole } from './dispute.events';
import {
  disputeAlreadyOpened,
  disputeClosed,
  disputeNotFound,
  noteRequired,
  notAParty,
  onlyAdminMayAssignOthers,
  onlyAdminMayReassign,
  reasoningRequired,
  reasonReservedForSystem,
  responseDeadlineInvalid,
  statementRequired,
} from './dispute.errors';
import {
  addDays,
  assertReasonFor,
  contestableStatus,
  hasText,
  partyRoleOf,
  requireAssignedOrAdmin,
  requireMediationStaff,
  requireOpener,
  validEvidenceRefs,
} from './dispute.guards';
import { acceptSettlement, proposeSettlement, rejectSettlement } from './dispute.settlement';
import { addStatement, lapseResponseDeadline } from './dispute.statements';
import { ActiveDisputeState, DisputeState, isClosed } from './dispute.state';

export function decide(command: DisputeCommand, state: DisputeState): DisputeEvent[] {
  if (command.type === 'OpenDispute') return openDispute(command, state);
  if (state.status === 'none') throw disputeNotFound();
  if (isClosed(state)) {
    // The deadline job may fire after a withdrawal or a decision; that re-delivery is harmless.
    if (command.type === 'LapseResponseDeadline') return [];
    throw disputeClosed(state.status);
  }
  switch (command.type) {
    case 'AddStatement':
      return addStatement(command, state);
    case 'LapseResponseDeadline':
      return lapseResponseDeadline(command, state);
    case 'AssignMediator':
      return assignMediator(command, state);
    case 'AddInternalNote':
      return addInternalNote(command, state);
    case 'ProposeSettlement':
      return proposeSettlement(command, state);
    case 'AcceptSettlement':
      return acceptSettlement(command, state);
    case 'RejectSettlement':
      return rejectSettlement(command, state);
    case 'WithdrawDispute':
      requireOpener(state, command.meta);
      return [
        {
          type: 'DisputeWithdrawn',
          data: {
            disputeId: state.disputeId,
            withdrawnBy: command.meta.actorId,
            withdrawnByRole: state.openerRole,
            subject: state.subject,
            escrowId: state.escrowId,
            orderStatusToRestore: state.orderStatusAtOpening,
          },
        },
      ];
    case 'DecideDispute':
      return decideDispute(command, state);
    default:
      return assertNever(command);
  }
}

function openDispute({ data, meta }: OpenDispute, state: DisputeState): DisputeEvent[] {
  if (state.status !== 'none') throw disputeAlreadyOpened(state.status);
  assertReasonFor(data.subject, data.reason);
  const party = partyRoleOf(data, meta.actorId);
  let openerRole: DisputeOpenerRole;
  if (party !== null) {
    if (data.reason === 'chargeback') throw reasonReservedForSystem();
    openerRole = party;
  } else if (meta.actorRole === 'system' && data.reason === 'chargeback') {
    openerRole = 'system';
  } else {
    throw notAParty();
  }
  if (!hasText(data.statement)) throw statementRequired();
  const evidenceRefs = validEvidenceRefs(data.evidenceRefs);
  assertCents(data.heldCents, 'heldCents');
  const days = data.responseDeadlineDays ?? DEFAULT_RESPONSE_DEADLINE_DAYS;
  if (typeof days !== 'number' || !Number.isSafeInteger(days) || days < 1) {
    throw responseDeadlineInvalid(days);
  }
  const statusAtOpening = contestableStatus(data.subject, data.orderStatus);
  const sellerResponds = openerRole !== 'seller';
  return [
    {
      type: 'DisputeOpened',
      data: {
        disputeId: data.disputeId,
        subject: data.subject,
        buyerId: data.buyerId,
        sellerId: data.sellerId,
        escrowId: data.escrowId,
        reason: data.reason,
        statement: data.statement.trim(),
        evidenceRefs,
        openedBy: meta.actorId,
        openerRole,
        respondentId: sellerResponds ? data.sellerId : data.buyerId,
        respondentRole: sellerResponds ? 'seller' : 'buyer',
        openedAt: meta.now,
        responseDeadlineDays: days,
        responseDueAt: addDays(meta.now, days),
        heldCents: data.heldCents,
        orderStatusAtOpening: statusAtOpening,
      },
    },
  ];
}

function assignMediator({ data, meta }: AssignMediator, state: ActiveDisputeState): DisputeEvent[] {
  const assignedByRole = requireMediationStaff(meta);
  if (assignedByRole === 'mediator') {
    if (data.mediatorId !== meta.actorId) throw onlyAdminMayAssignOthers();
    if (state.mediatorId !== null && state.mediatorId !== meta.actorId) {
      throw onlyAdminMayReassign(state.mediatorId);
    }
  }
  if (state.mediatorId === data.mediatorId) return [];
  return [
    {
      type: 'DisputeAssigned',
      data: {
        disputeId: state.disputeId,
        mediatorId: data.mediatorId,
        assignedBy: meta.actorId,
        assignedByRole,
        previousMediatorId: state.mediatorId,
      },
    },
  ];
}

function addInternalNote(
  { data, meta }: AddInternalNote,
  state: ActiveDisputeState,
): DisputeEvent[] {
  const authorRole = requireMediationStaff(meta);
  if (!hasText(data.text)) throw noteRequired();
  const { disputeId } = state;
  const note = { disputeId, noteId: data.noteId, authorId: meta.actorId, authorRole };
  return [
    {
      type: 'DisputeInternalNoteAdded',
      data: { ...note, text: data.text.trim(), visibility: 'staff' },
    },
  ];
}

function decideDispute({ data, meta }: DecideDispute, state: ActiveDisputeState): DisputeEvent[] {
  const decidedByRole = requireAssignedOrAdmin(state, meta);
  if (!hasText(data.reasoning)) throw reasoningRequired();
  assertCents(data.heldCents, 'heldCents');
  const { refundCents, releaseCents } = decisionDistribution(
    data.outcome,
    data.heldCents,
    data.refundCents,
    data.releaseCents,
  );
  return [
    {
      type: 'DisputeDecided',
      data: {
        disputeId: state.disputeId,
        decisionId: data.decisionId,
        decidedBy: meta.actorId,
        decidedByRole,
        outcome: data.outcome,
        refundCents,
        releaseCents,
        reasoning: data.reasoning.trim(),
        heldCents: data.heldCents,
        subject: state.subject,
        escrowId: state.escrowId,
        buyerId: state.buyerId,
        sellerId: state.sellerId,
      },
    },
  ];
}
