import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FileAccessPolicies } from '../application/files/file-references.contract';
import { MissionFileAccess } from '../application/missions/mission-file-access';
import { MissionRequests } from '../application/missions/mission-request.service';
import { MissionResponseExpiry } from '../application/missions/mission-response-expiry.job';
import { MISSION_SETTINGS, MissionSettings } from '../application/missions/mission-settings';
import { MissionCommandHandler } from '../application/missions/mission.handler';
import { JobHandlers } from '../application/scheduling/job-handlers.port';
import { AppConfig } from '../infrastructure/config/config';
import { MissionsController } from '../interfaces/http/missions/missions.controller';

export function missionSettingsFrom(config: AppConfig): MissionSettings {
  return {
    commissionBp: config.MISSION_COMMISSION_BP,
    responseHours: config.MISSION_RESPONSE_HOURS,
    authorisationWindowHours: config.MISSION_AUTHORISATION_WINDOW_HOURS,
    autoValidateHours: config.MISSION_AUTO_VALIDATE_HOURS,
    lateCancelWindowHours: config.MISSION_LATE_CANCEL_WINDOW_HOURS,
    lateCancelFeeBp: config.MISSION_LATE_CANCEL_FEE_BP,
    dispatchLimit: config.MISSION_DISPATCH_LIMIT,
  };
}

/**
 * Missions (seeds 000 and 002): the mission aggregate's command handler, publishing and changing
 * requests (over the dispatch index, the geocoder and the money process's ports, which their own
 * modules provide), the write API, the response-expiry job and the file policy of mission
 * messages. Publishes `mission.messages.ts` and `MISSION_SETTINGS`.
 */
@Module({})
export class MissionsModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MissionsModule,
      global: true,
      imports: [CqrsModule],
      controllers: [MissionsController],
      providers: [
        { provide: MISSION_SETTINGS, useValue: missionSettingsFrom(config) },
        MissionCommandHandler,
        MissionRequests,
        MissionResponseExpiry,
        MissionFileAccess,
      ],
      exports: [MISSION_SETTINGS],
    };
  }

  constructor(
    private readonly jobs: JobHandlers,
    private readonly filePolicies: FileAccessPolicies,
    private readonly fileAccess: MissionFileAccess,
    private readonly responseExpiry: MissionResponseExpiry,
  ) {}

  onModuleInit(): void {
    this.filePolicies.register('mission', this.fileAccess);
    this.jobs.register('mission.response-expiry', (job) => this.responseExpiry.run(job));
  }
}
