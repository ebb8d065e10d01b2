import { Injectable } from '@nestjs/common';
import { runCommand } from '../scheduling/job-context';
import { JobOutcome, MissionJob } from '../scheduling/jobs';
import { Clock } from '../shared/clock';
import { MissionMoneyEffects } from './mission-money.effects';

type Job<K extends MissionJob['kind']> = {
  jobId: string;
  payload: Extract<MissionJob, { kind: K }>;
};

/**
 * The never-validated rule (docs/missions-money.md): a reminder to the client before
 * `autoValidateAt`, then the validation by the system at `autoValidateAt` (ValidateMission,
 * validatedBy `system`). A reported problem, a validation or a new `autoValidateAt` (a change
 * accepted) makes a pending job obsolete; the mission itself refuses an early or repeated one.
 */
@Injectable()
export class MissionValidationJob {
  constructor(
    private readonly effects: MissionMoneyEffects,
    private readonly clock: Clock,
  ) {}

  async remind({ payload }: Job<'mission.validation-reminder'>): Promise<JobOutcome> {
    if (this.clock.now().getTime() < Date.parse(payload.dueAt))
      return { result: 'not_due', dueAt: payload.dueAt };
    const mission = await this.effects.mission(payload.missionId);
    if (mission.status !== 'confirmed')
      return { result: 'obsolete', code: 'MISSION_NOT_CONFIRMED', detail: mission.status };
    if (mission.autoValidateAt !== payload.autoValidateAt)
      return { result: 'obsolete', code: 'AUTO_VALIDATION_MOVED' };
    const told = await this.effects.tell({
      to: { accountId: payload.clientId },
      template: 'missions.validation_reminder',
      data: {
        missionId: mission.missionId,
        serviceTypeLabel: mission.serviceTypeLabel,
        startsAt: mission.terms.startsAt,
        priceCents: mission.provider.priceCents,
        autoValidateAt: mission.autoValidateAt,
      },
      idempotencyKey: `mission-${mission.missionId}-validation-reminder-${payload.autoValidateAt}`,
    });
    if (!told) return { result: 'obsolete', code: 'NO_RECIPIENT' };
    return { result: 'done', detail: 'client reminded' };
  }

  async autoValidate({ jobId, payload }: Job<'mission.auto-validate'>): Promise<JobOutcome> {
    if (this.clock.now().getTime() < Date.parse(payload.dueAt))
      return { result: 'not_due', dueAt: payload.dueAt };
    const mission = await this.effects.mission(payload.missionId);
    if (mission.status !== 'confirmed')
      return { result: 'obsolete', code: 'MISSION_NOT_CONFIRMED', detail: mission.status };
    if (mission.autoValidateAt !== payload.autoValidateAt)
      return { result: 'obsolete', code: 'AUTO_VALIDATION_MOVED' };
    const now = this.clock.now().toISOString();
    return runCommand(() =>
      this.effects.sendMission(
        payload.missionId,
        { type: 'ValidateMission', data: { missionId: payload.missionId, validatedBy: 'system' } },
        {
          id: jobId,
          now,
          causation: { correlationId: payload.correlationId, causationId: payload.causationId },
        },
        'auto-validate',
      ),
    );
  }
}
