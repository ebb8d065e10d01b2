import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  causationOf,
  JobRun,
  jobOptions,
  notDue,
  runCommand,
  systemMeta,
} from '../scheduling/job-context';
import type { JobOutcome, MissionResponseExpiryJob } from '../scheduling/jobs';
import { Clock } from '../shared/clock';
import { MissionCommandMessage } from './mission.messages';

/**
 * `mission.response-expiry`, at the request's `respondBy`: no provider accepted in time, so the
 * request expires (and the money process releases its reservation). Idempotent: the decider
 * answers a repeat with nothing, and a mission confirmed, cancelled or whose window moved on
 * (a changed request) refuses, which ends the job as obsolete.
 */
@Injectable()
export class MissionResponseExpiry {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  async run({ jobId, payload }: JobRun<MissionResponseExpiryJob>): Promise<JobOutcome> {
    const early = notDue(this.clock, payload);
    if (early) return early;
    return runCommand(() =>
      this.commandBus.execute(
        new MissionCommandMessage(
          payload.missionId,
          {
            type: 'ExpireMission',
            data: { missionId: payload.missionId },
            meta: systemMeta(this.clock),
          },
          causationOf(payload),
          jobOptions(jobId),
        ),
      ),
    );
  }
}
