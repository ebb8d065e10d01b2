import type { DisputeEvent, DisputeState, OpenDispute } from '../../domain/disputes';
import type { CommandMeta } from '../../domain/shared';
import { FileReferences } from '../files/file-references.contract';
import type { CausationContext, HandleResult } from '../shared/command-handling';
import { disputeEffectIds } from './deterministic-id';
import type { DisputeCaseResult } from './dispute-case.result';
import type { DisputeCause, DisputeEffects } from './dispute-effects';

/** The opening of one dispute on an order, a mission or a project, once its rules were checked. */
export interface DisputeOpening<Taken> {
  disputeId: string;
  meta: CommandMeta;
  causation: CausationContext;
  evidenceRefs: readonly string[];
  /**
   * The subject takes the dispute first (an order's contest, a mission's report; nothing for a
   * project): its refusal is the opener's answer and nothing is written. Answers what the opening needs.
   */
  takeIt: (cause: DisputeCause) => Promise<Taken>;
  command: (taken: Taken) => OpenDispute;
  answer: (result: HandleResult<DisputeState, DisputeEvent>) => Promise<DisputeCaseResult>;
}

/**
 * The steps every party opening shares: the evidence must be the opener's own `dispute_evidence`
 * uploads, then the subject takes the dispute, then the dispute opens and the escrow freezes.
 * Only a subject that took it gets a dispute stream: a refusal leaves no trace.
 */
export function openWithEvidence<Taken>(
  files: FileReferences,
  effects: DisputeEffects,
  opening: DisputeOpening<Taken>,
): Promise<DisputeCaseResult> {
  const { disputeId, meta, causation } = opening;
  const openedId = disputeEffectIds.opened(disputeId);
  return files.attach(
    meta.actorId,
    opening.evidenceRefs,
    'dispute_evidence',
    { kind: 'dispute', subjectId: disputeId },
    'evidenceRefs',
    async () => {
      const cause: DisputeCause = {
        disputeId,
        eventId: openedId,
        occurredAt: meta.now,
        actorId: meta.actorId,
        actorRole: meta.actorRole,
        correlationId: causation.correlationId,
      };
      const taken = await opening.takeIt(cause);
      const result = await effects.openAndFreeze(
        disputeId,
        opening.command(taken),
        causation,
        openedId,
        cause,
      );
      return opening.answer(result);
    },
  );
}
