import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreHourPackAvailability } from '../application/plans/hour-pack-availability';
import { HourPackExpiry } from '../application/plans/hour-pack-expiry.job';
import { HourPackPurchases } from '../application/plans/hour-pack-purchase.service';
import { HOUR_PACK_SETTINGS, HourPackSettings } from '../application/plans/hour-pack-settings';
import { HourPackCommandHandler } from '../application/plans/hour-pack.handler';
import { HourPackReactor } from '../application/plans/hour-pack.reactor';
import { HOUR_PACK_AVAILABILITY } from '../application/plans/hour-packs.port';
import { JobHandlers } from '../application/scheduling/job-handlers.port';
import { ReactorRegistry } from '../application/shared/reactor';
import { AppConfig } from '../infrastructure/config/config';
import { HourPacksController } from '../interfaces/http/plans/hour-packs.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';

/**
 * Hour packs (seed 000 "packs horaires à tarif réduit", docs/plans-hour-packs.md): the client's
 * purchase and withdrawal, the `hour_packs` read model, `HOUR_PACK_AVAILABILITY` for the missions
 * request (global, so the missions context reaches it), the reactor tying packs to the missions
 * they pay, and the `hour-pack.expire` job.
 */
@Module({})
export class HourPacksModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    const settings: HourPackSettings = { withdrawalDays: config.HOUR_PACK_WITHDRAWAL_DAYS };
    return {
      module: HourPacksModule,
      global: true,
      imports: [CqrsModule],
      controllers: [HourPacksController],
      providers: [
        { provide: HOUR_PACK_SETTINGS, useValue: settings },
        HourPackCommandHandler,
        HourPackPurchases,
        HourPackExpiry,
        HourPackReactor,
        EventStoreHourPackAvailability,
        { provide: HOUR_PACK_AVAILABILITY, useExisting: EventStoreHourPackAvailability },
      ],
      exports: [HOUR_PACK_AVAILABILITY],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly reactor: HourPackReactor,
    private readonly jobs: JobHandlers,
    private readonly expiry: HourPackExpiry,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.reactor);
    for (const projection of contextProjections('plans'))
      if (projection.name === 'hour_packs') this.projections.register(projection);
    this.jobs.register('hour-pack.expire', (job) => this.expiry.run(job));
  }
}
