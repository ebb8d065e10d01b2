import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  disputeDecider,
  DisputeEvent,
  DisputeReason,
  isClosed,
  OpenDispute,
} from '../../domain/disputes';
import { CommandMeta, DomainError, IllegalStateError, NotFoundError } from '../../domain/shared';
import { FileReferences } from '../files/file-references.contract';
import { CausationContext } from '../shared/command-handling';
import { EVENT_STORE, EventStore, IdempotencyConflictError } from '../shared/event-store.port';
import { readKnownDisputes, storeReader } from './case/case-streams';
import { isMissionParty, MissionView } from './case/mission.view';
import { disputeEffectIds } from './deterministic-id';
import { caseResult, DisputeCaseResult } from './dispute-case.result';
import { DisputeCause, DisputeEffects } from './dispute-effects';
import { openWithEvidence } from './open-dispute.support';
import { DISPUTE_SETTINGS, DisputeSettings } from './dispute-settings';

/**
 * "Signaler un problème": the client or the confirmed provider reports a problem on a mission.
 * The mission takes the report first, then the dispute opens and the mission's escrow freezes.
 */
export class OpenMissionDispute {
  constructor(
    readonly missionId: string,
    readonly input: { reason?: DisputeReason; statement: string; evidenceRefs?: string[] },
    readonly meta: CommandMeta,
    readonly causation: CausationContext,
  ) {}
}

export const missionNotFound = (missionId: string) =>
  new NotFoundError('MISSION_NOT_FOUND', 'Mission not found', { missionId });

const alreadyDisputed = (disputeId: string, currentStatus: string) =>
  new IllegalStateError(
    'DISPUTE_ALREADY_OPENED',
    'This mission already has a dispute in progress',
    { currentStatus, disputeId },
  );

/**
 * Nothing is held before the card is authorised (a mission further out than the authorisation
 * window): there is no money to freeze or to arbitrate, so the report is refused and the client may
 * cancel instead (the cancellation rule applies).
 */
const notAuthorised = (mission: MissionView, escrowStatus: string) =>
  new IllegalStateError(
    'MISSION_NOT_AUTHORISED',
    'No money is held for this mission yet: a problem can be reported once the card is authorised',
    {
      currentStatus: mission.status,
      paymentPlan: mission.paymentPlan,
      authoriseAt: mission.authoriseAt,
      escrowStatus,
    },
  );

@CommandHandler(OpenMissionDispute)
export class OpenMissionDisputeHandler implements ICommandHandler<
  OpenMissionDispute,
  DisputeCaseResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DISPUTE_SETTINGS) private readonly settings: DisputeSettings,
    private readonly effects: DisputeEffects,
    private readonly files: FileReferences,
  ) {}

  async execute({
    missionId,
    input,
    meta,
    causation,
  }: OpenMissionDispute): Promise<DisputeCaseResult> {
    const mission = await this.effects.missionView(missionId);
    // An outsider (a candidate who did not win included) learns nothing, not even that it exists.
    if (!isMissionParty(mission, meta.actorId)) throw missionNotFound(missionId);

    const read = storeReader(this.store);
    const disputes = await readKnownDisputes(read, mission.disputeIds, []);
    const open = disputes.find(({ events }) => {
      const state = events.reduce(
        (s, e) => disputeDecider.evolve(s, { type: e.type, data: e.data } as DisputeEvent),
        disputeDecider.initialState(),
      );
      return state.status !== 'none' && !isClosed(state);
    });
    if (open) throw alreadyDisputed(open.disputeId, mission.status);
    // The same party's retry finishes an opening whose process stopped after the mission took the report.
    const resumed =
      mission.problem !== null &&
      mission.problem.reportedBy === meta.actorId &&
      !disputes.some((d) => d.disputeId === mission.problem?.disputeId);
    if (mission.problem && !resumed)
      throw alreadyDisputed(mission.problem.disputeId, mission.status);
    // Client and provider reporting at the same moment get the same id: the mission takes only one.
    const disputeId =
      resumed && mission.problem
        ? mission.problem.disputeId
        : disputeEffectIds.missionDispute(missionId, mission.disputeIds.length);

    const escrow = await this.effects.escrowView(mission.escrowId);
    const openCommand = (heldCents: number): OpenDispute => ({
      type: 'OpenDispute',
      data: {
        disputeId,
        subject: { kind: 'mission', id: missionId },
        buyerId: mission.clientId,
        sellerId: mission.providerId,
        escrowId: mission.escrowId,
        reason: input.reason ?? 'other',
        statement: input.statement,
        evidenceRefs: input.evidenceRefs ?? [],
        // The mission is the judge of its status: only a confirmed one takes the report.
        orderStatus: 'confirmed',
        heldCents,
        responseDeadlineDays: this.settings.responseDeadlineDays,
      },
      meta,
    });
    // Decided once without writing, so bad input is refused before the mission is touched.
    disputeDecider.decide(openCommand(escrow.heldCents), disputeDecider.initialState());
    if (mission.status === 'confirmed' && (escrow.status !== 'held' || escrow.heldCents === 0))
      throw notAuthorised(mission, escrow.status);

    return openWithEvidence(this.files, this.effects, {
      disputeId,
      meta,
      causation,
      evidenceRefs: input.evidenceRefs ?? [],
      takeIt: async (cause) => {
        if (!resumed) await this.report(missionId, disputeId, input.statement, meta, cause);
        // What the escrow holds once the mission took the report: the amount in dispute.
        return (await this.effects.escrowView(mission.escrowId)).heldCents;
      },
      command: openCommand,
      answer: async (result) => {
        const [missionNow, escrowNow] = await Promise.all([
          this.effects.missionView(missionId),
          this.effects.escrowView(mission.escrowId),
        ]);
        return caseResult(
          disputeId,
          result.state,
          result.nextExpectedRevision,
          result.events,
          null,
          escrowNow,
          missionNow,
        );
      },
    });
  }

  /** The mission's refusal is the answer; losing to the other party's report reads as that report. */
  private async report(
    missionId: string,
    disputeId: string,
    statement: string,
    meta: CommandMeta,
    cause: DisputeCause,
  ): Promise<void> {
    try {
      await this.effects.reportProblem(missionId, disputeId, statement, meta, cause);
    } catch (error) {
      if (!(error instanceof DomainError) && !(error instanceof IdempotencyConflictError))
        throw error;
      const now = await this.effects.missionView(missionId);
      if (now.problem) throw alreadyDisputed(now.problem.disputeId, now.status);
      throw error;
    }
    const now = await this.effects.missionView(missionId);
    // The other party's report with the same id was taken first: theirs is the dispute.
    if (now.problem?.disputeId !== disputeId || now.problem.reportedBy !== meta.actorId)
      throw alreadyDisputed(now.problem?.disputeId ?? disputeId, now.status);
  }
}
