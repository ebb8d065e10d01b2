import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { JobHandlers } from '../application/scheduling/job-handlers.port';
import { ReactorRegistry } from '../application/shared/reactor';
import { SolidarityMonthCommandHandler } from '../application/solidarity/month-close.handler';
import { SolidarityMonthCloseJob } from '../application/solidarity/month-close.job';
import { SolidarityMonthClose } from '../application/solidarity/month-close.service';
import { PotPayoutsReactor } from '../application/solidarity/pot-payouts.reactor';
import {
  POT_SETTINGS,
  PotSettings,
  SOLIDARITY_POT_FACTS,
} from '../application/solidarity/pot.port';
import { BallotCommandHandler } from '../application/solidarity/vote.handler';
import { SolidarityVotes } from '../application/solidarity/vote.service';
import { AppConfig } from '../infrastructure/config/config';
import { SolidarityPotController } from '../interfaces/http/solidarity/pot.controller';
import { SolidarityVotesController } from '../interfaces/http/solidarity/votes.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';
import { ReadModelSolidarityPotFacts } from '../projections/solidarity-pot/solidarity-pot.reader';

/**
 * The solidarity pot (issue 18, points 4–6; docs/solidarity-pot.md): the monthly ballot, the
 * `solidarity.month-close` job and its calendar chain, the payouts to the associations, the
 * `solidarity_pot` read model (partners, eligibility, votes, the published reports).
 */
@Module({})
export class SolidarityPotModule implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('SolidarityPotModule');

  static forRoot(config: AppConfig): DynamicModule {
    const settings: PotSettings = { rateBp: config.SOLIDARITY_POT_BP };
    return {
      module: SolidarityPotModule,
      imports: [CqrsModule],
      controllers: [SolidarityVotesController, SolidarityPotController],
      providers: [
        { provide: POT_SETTINGS, useValue: settings },
        { provide: SOLIDARITY_POT_FACTS, useClass: ReadModelSolidarityPotFacts },
        BallotCommandHandler,
        SolidarityMonthCommandHandler,
        SolidarityVotes,
        SolidarityMonthClose,
        SolidarityMonthCloseJob,
        PotPayoutsReactor,
      ],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly jobs: JobHandlers,
    private readonly reactor: PotPayoutsReactor,
    private readonly closeJob: SolidarityMonthCloseJob,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.reactor);
    for (const projection of contextProjections('solidarity'))
      if (projection.name === 'solidarity_pot') this.projections.register(projection);
    this.jobs.register('solidarity.month-close', (job) => this.closeJob.run(job));
  }

  /** The calendar chain's first link (idempotent: one job id per month). */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.closeJob.scheduleAtStartUp();
    } catch (error) {
      this.logger.warn(`Could not schedule the solidarity month close: ${String(error)}`);
    }
  }
}
