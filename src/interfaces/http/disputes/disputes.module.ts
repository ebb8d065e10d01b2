import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseHistory } from '../../../application/disputes/case/case-history';
import { DisputeEffects } from '../../../application/disputes/dispute-effects';
import { DisputeEffectsReactor } from '../../../application/disputes/dispute-effects.reactor';
import { DisputeCommandHandler } from '../../../application/disputes/dispute.handler';
import { DisputeQueries } from '../../../application/disputes/dispute.queries';
import { DISPUTE_SETTINGS, DisputeSettings } from '../../../application/disputes/dispute-settings';
import { OpenChargebackDisputeHandler } from '../../../application/disputes/open-chargeback-dispute.handler';
import { OpenOrderDisputeHandler } from '../../../application/disputes/open-order-dispute.handler';
import { RunDisputeCaseHandler } from '../../../application/disputes/run-dispute-case.handler';
import { AppConfig } from '../../../infrastructure/config/config';
import { CasesController } from './cases.controller';
import { DisputesController } from './disputes.controller';

/** Disputes, mediation, arbitration and case-history replay (issue 5). */
@Module({})
export class DisputesModule {
  static forRoot(config: AppConfig): DynamicModule {
    const settings: DisputeSettings = { responseDeadlineDays: config.DISPUTE_RESPONSE_DAYS };
    return {
      module: DisputesModule,
      imports: [CqrsModule],
      controllers: [DisputesController, CasesController],
      providers: [
        { provide: DISPUTE_SETTINGS, useValue: settings },
        DisputeCommandHandler,
        OpenOrderDisputeHandler,
        OpenChargebackDisputeHandler,
        RunDisputeCaseHandler,
        DisputeEffects,
        DisputeEffectsReactor,
        DisputeQueries,
        CaseHistory,
      ],
      exports: [CaseHistory],
    };
  }
}
