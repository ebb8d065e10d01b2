import type { AddStatement, LapseResponseDeadline } from './dispute.commands';
import type { DisputeEvent } from './dispute.events';
import { statementRequired, systemOnly } from './dispute.errors';
import { hasText, isBefore, requireParty, validEvidenceRefs } from './dispute.guards';
import type { ActiveDisputeState } from './dispute.state';

export function addStatement(
  { data, meta }: AddStatement,
  state: ActiveDisputeState,
): DisputeEvent[] {
  const authorRole = requireParty(state, meta);
  if (!hasText(data.text)) throw statementRequired();
  const evidenceRefs = validEvidenceRefs(data.evidenceRefs);
  const isResponse =
    meta.actorId === state.respondentId &&
    state.respondedAt === null &&
    !state.responseLapsed &&
    isBefore(meta.now, state.responseDueAt);
  return [
    {
      type: 'DisputeStatementAdded',
      data: {
        disputeId: state.disputeId,
        statementId: data.statementId,
        authorId: meta.actorId,
        authorRole,
        text: data.text.trim(),
        evidenceRefs,
        addedAt: meta.now,
        isResponse,
      },
    },
  ];
}

export function lapseResponseDeadline(
  { meta }: LapseResponseDeadline,
  state: ActiveDisputeState,
): DisputeEvent[] {
  if (meta.actorRole !== 'system') throw systemOnly();
  if (
    state.respondedAt !== null ||
    state.responseLapsed ||
    isBefore(meta.now, state.responseDueAt)
  ) {
    return [];
  }
  const { disputeId, respondentId, respondentRole, responseDueAt } = state;
  return [
    {
      type: 'DisputeResponseDeadlineLapsed',
      data: { disputeId, respondentId, respondentRole, responseDueAt },
    },
  ];
}
