import { Injectable } from '@nestjs/common';
import type { ExistingMission } from '../../domain/missions';
import { MissionJob, JobOutcome } from '../scheduling/jobs';
import { Clock } from '../shared/clock';
import { Cause, MissionMoneyEffects } from './mission-money.effects';
import { isOpenMission, needsAuthorisation } from './mission-money.policy';

type Job<K extends MissionJob['kind']> = {
  jobId: string;
  payload: Extract<MissionJob, { kind: K }>;
};

const causeOf = (jobId: string, payload: MissionJob, clock: Clock): Cause => ({
  id: jobId,
  now: clock.now().toISOString(),
  causation: { correlationId: payload.correlationId, causationId: payload.causationId },
});

/**
 * The far-out mission's automatic authorisation (`mission.authorise`, at `authoriseAt` then on the
 * retry schedule) and the last-moment capture of a disputed mission (`mission.capture-before-lapse`).
 */
@Injectable()
export class MissionPaymentAuthorisationJob {
  constructor(
    private readonly effects: MissionMoneyEffects,
    private readonly clock: Clock,
  ) {}

  async authorise({ jobId, payload }: Job<'mission.authorise'>): Promise<JobOutcome> {
    if (this.clock.now().getTime() < Date.parse(payload.dueAt))
      return { result: 'not_due', dueAt: payload.dueAt };
    const mission = await this.effects.mission(payload.missionId);
    if (!isOpenMission(mission))
      return { result: 'obsolete', code: 'MISSION_NOT_OPEN', detail: mission.status };
    if (!needsAuthorisation(mission))
      return { result: 'obsolete', code: 'MISSION_ALREADY_AUTHORISED' };
    // An older attempt than the mission's failures (a replaced card authorised since): nothing to do.
    if (payload.attempt <= mission.payment.failedAttempts)
      return { result: 'obsolete', code: 'MISSION_ATTEMPT_SUPERSEDED' };
    const outcome = await this.effects.authorise(
      mission as ExistingMission,
      causeOf(jobId, payload, this.clock),
      { attempt: payload.attempt },
    );
    return { result: 'done', detail: `attempt ${payload.attempt}: ${outcome}` };
  }

  /**
   * A dispute still open 12 h before the authorisation lapses: the card is charged for what the
   * escrow holds (never more), so the decision still has the money; the escrow stays frozen and
   * the part the decision gives back is refunded.
   */
  async captureBeforeLapse({
    jobId,
    payload,
  }: Job<'mission.capture-before-lapse'>): Promise<JobOutcome> {
    if (this.clock.now().getTime() < Date.parse(payload.dueAt))
      return { result: 'not_due', dueAt: payload.dueAt };
    const mission = await this.effects.mission(payload.missionId);
    if (mission.status !== 'disputed')
      return { result: 'obsolete', code: 'MISSION_NOT_DISPUTED', detail: mission.status };
    const current = (await this.effects.authorisations(payload.missionId)).at(-1);
    if (current?.paymentRef !== payload.paymentRef)
      return { result: 'obsolete', code: 'AUTHORISATION_REPLACED' };
    const escrow = await this.effects.escrow(mission.escrowId);
    if (escrow.status !== 'frozen')
      return { result: 'obsolete', code: 'ESCROW_NOT_FROZEN', detail: escrow.status };
    await this.effects.capture(
      mission.missionId,
      mission.escrowId,
      payload.paymentRef,
      escrow.heldCents,
      causeOf(jobId, payload, this.clock),
    );
    return {
      result: 'done',
      detail: `captured ${escrow.heldCents} before the authorisation lapses`,
    };
  }
}
