import { DisputeFileAccess } from '../application/disputes/dispute-file-access';
import { FileAccessPolicies } from '../application/files/file-references.contract';
import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseHistory } from '../application/disputes/case/case-history';
import { DisputeEffects } from '../application/disputes/dispute-effects';
import { DisputeEffectsReactor } from '../application/disputes/dispute-effects.reactor';
import { DisputeCommandHandler } from '../application/disputes/dispute.handler';
import { DisputeQueries } from '../application/disputes/dispute.queries';
import { DISPUTE_SETTINGS, DisputeSettings } from '../application/disputes/dispute-settings';
import { OpenChargebackDisputeHandler } from '../application/disputes/open-chargeback-dispute.handler';
import { OpenMissionDisputeHandler } from '../application/disputes/open-mission-dispute.handler';
import { OpenOrderDisputeHandler } from '../application/disputes/open-order-dispute.handler';
import { OpenProjectDisputeHandler } from '../application/disputes/open-project-dispute.handler';
import { RunDisputeCaseHandler } from '../application/disputes/run-dispute-case.handler';
import { AppConfig } from '../infrastructure/config/config';
import { CasesController } from '../interfaces/http/disputes/cases.controller';
import { DisputesController } from '../interfaces/http/disputes/disputes.controller';
import { MediationQueueController } from '../interfaces/http/disputes/mediation-queue.controller';
import { MissionDisputesController } from '../interfaces/http/disputes/mission-disputes.controller';
import { ProjectDisputesController } from '../interfaces/http/disputes/project-disputes.controller';
import { contextProjections } from '../projections/all-projections';
import { ReactorRegistry } from '../application/shared/reactor';
import { ProjectionRegistry } from '../projections/projection-registry';

/**
 * Disputes, mediation, arbitration and case-history replay (issue 5): commands, effects on
 * orders, missions ("Signaler un problème", issue 14) and escrow, the mediation queue and its
 * read model. Publishes `dispute.messages.ts`.
 */
@Module({})
export class DisputesModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    const settings: DisputeSettings = { responseDeadlineDays: config.DISPUTE_RESPONSE_DAYS };
    return {
      module: DisputesModule,
      imports: [CqrsModule],
      controllers: [
        DisputesController,
        MissionDisputesController,
        ProjectDisputesController,
        CasesController,
        MediationQueueController,
      ],
      providers: [
        { provide: DISPUTE_SETTINGS, useValue: settings },
        DisputeCommandHandler,
        OpenOrderDisputeHandler,
        OpenMissionDisputeHandler,
        OpenProjectDisputeHandler,
        OpenChargebackDisputeHandler,
        RunDisputeCaseHandler,
        DisputeEffects,
        DisputeEffectsReactor,
        DisputeQueries,
        CaseHistory,
        DisputeFileAccess,
      ],
      exports: [CaseHistory],
    };
  }

  constructor(
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly reactor: DisputeEffectsReactor,
    private readonly filePolicies: FileAccessPolicies,
    private readonly fileAccess: DisputeFileAccess,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.reactor);
    this.filePolicies.register('dispute', this.fileAccess);
    for (const projection of contextProjections('disputes')) this.projections.register(projection);
  }
}
