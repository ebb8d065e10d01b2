import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  disputeDecider,
  DisputeEvent,
  DisputeReason,
  isClosed,
  OpenDispute,
} from '../../domain/disputes';
import { CommandMeta, IllegalStateError } from '../../domain/shared';
import { FileReferences } from '../files/file-references.contract';
import { CausationContext } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import {
  isProjectParty,
  projectCaseErrors,
  readProjectCase,
} from '../tenders/project-account.contract';
import { nextDisputeOrdinalBy, readProjectDisputes, storeReader } from './case/case-streams';
import { disputeEffectIds } from './deterministic-id';
import { caseResult, DisputeCaseResult } from './dispute-case.result';
import { DisputeEffects } from './dispute-effects';
import { DISPUTE_SETTINGS, DisputeSettings } from './dispute-settings';
import { openWithEvidence } from './open-dispute.support';

/**
 * "Solliciter le SMA" (seed 003, formule R0): the client or the selected provider of a signed R0
 * project takes a disagreement to mediation and arbitration. The dispute opens on the amount the
 * project's account holds at that moment and freezes the account: no tranche is funded or released
 * until the decision, and the decision distributes only that amount, never an unfunded part.
 */
export class OpenProjectDispute {
  constructor(
    readonly projectId: string,
    readonly input: { reason?: DisputeReason; statement: string; evidenceRefs?: string[] },
    readonly meta: CommandMeta,
    readonly causation: CausationContext,
  ) {}
}

const alreadyDisputed = (disputeId: string, currentStatus: string) =>
  new IllegalStateError(
    'DISPUTE_ALREADY_OPENED',
    'This project already has a dispute in progress',
    { currentStatus, disputeId },
  );

/** Nothing on the account: the SMA answers only for what is on it (seed 003). */
const accountEmpty = (currentStatus: string) =>
  new IllegalStateError(
    'PROJECT_ACCOUNT_EMPTY',
    'The project account holds nothing: the SMA can only distribute what is on it',
    { currentStatus, heldCents: 0 },
  );

@CommandHandler(OpenProjectDispute)
export class OpenProjectDisputeHandler implements ICommandHandler<
  OpenProjectDispute,
  DisputeCaseResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DISPUTE_SETTINGS) private readonly settings: DisputeSettings,
    private readonly effects: DisputeEffects,
    private readonly files: FileReferences,
  ) {}

  async execute({
    projectId,
    input,
    meta,
    causation,
  }: OpenProjectDispute): Promise<DisputeCaseResult> {
    const read = storeReader(this.store);
    const { state: project, escrowId } = await readProjectCase(read, projectId);
    // An outsider (a provider who lost included) learns nothing, not even that it exists.
    if (!project.brief || !isProjectParty(project, meta.actorId) || !project.providerId)
      throw projectCaseErrors.projectNotFound(projectId);
    if (project.terms && project.status === 'signed' && project.terms.formula !== 'r0')
      throw projectCaseErrors.accountNotR0(project.terms.formula);

    const disputes = await readProjectDisputes(read, projectId);
    for (const { disputeId, events } of disputes) {
      const state = events.reduce(
        (s, e) => disputeDecider.evolve(s, { type: e.type, data: e.data } as DisputeEvent),
        disputeDecider.initialState(),
      );
      if (state.status !== 'none' && !isClosed(state))
        throw alreadyDisputed(disputeId, state.status);
    }
    // Client and provider opening at the same moment get the same id: the project takes only one.
    const disputeId = disputeEffectIds.projectDispute(
      projectId,
      nextDisputeOrdinalBy(projectId, disputes, disputeEffectIds.projectDispute),
    );
    const providerId = project.providerId;
    const openCommand = (heldCents: number): OpenDispute => ({
      type: 'OpenDispute',
      data: {
        disputeId,
        subject: { kind: 'project', id: projectId },
        buyerId: project.brief!.clientId,
        sellerId: providerId,
        escrowId,
        reason: input.reason ?? 'other',
        statement: input.statement,
        evidenceRefs: input.evidenceRefs ?? [],
        orderStatus: project.status,
        heldCents,
        responseDeadlineDays: this.settings.responseDeadlineDays,
      },
      meta,
    });
    const escrow = await this.effects.escrowView(escrowId);
    // Decided once without writing: bad input and a project that is not signed are refused first.
    disputeDecider.decide(openCommand(escrow.heldCents), disputeDecider.initialState());
    if (escrow.heldCents === 0 || escrow.status !== 'held') throw accountEmpty(escrow.status);

    return openWithEvidence(this.files, this.effects, {
      disputeId,
      meta,
      causation,
      evidenceRefs: input.evidenceRefs ?? [],
      // The project takes no contest of its own; the amount in dispute is what the account holds now.
      takeIt: async () => (await this.effects.escrowView(escrowId)).heldCents,
      command: openCommand,
      answer: async (result) =>
        caseResult(
          disputeId,
          result.state,
          result.nextExpectedRevision,
          result.events,
          null,
          await this.effects.escrowView(escrowId),
        ),
    });
  }
}
