import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStorePlanCatalog } from '../application/plans/event-store-plan-catalog';
import { PlanCatalogueSeed } from '../application/plans/plan.catalogue';
import { PlanCommandHandler } from '../application/plans/plan.handler';
import { PLAN_CATALOG } from '../application/plans/plan-catalog.port';
import { AppConfig } from '../infrastructure/config/config';
import { PlanCatalogController } from '../interfaces/http/plans/plan-catalog.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';

/**
 * The plans catalogue (docs/plans.md): the platform's products defined by staff (the Pro
 * subscription, credit subscriptions, hour packs), versioned, with the `plans` read model, the
 * staff and public routes and the default catalogue (`plans seed`). Global, so subscriptions and
 * hour packs reach `PLAN_CATALOG`.
 */
@Module({})
export class PlanCatalogModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: PlanCatalogModule,
      global: true,
      imports: [CqrsModule],
      controllers: [PlanCatalogController],
      providers: [
        { provide: PLAN_CATALOG, useClass: EventStorePlanCatalog },
        PlanCommandHandler,
        PlanCatalogueSeed,
      ],
      exports: [PLAN_CATALOG, PlanCatalogueSeed],
    };
  }

  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    for (const projection of contextProjections('plans'))
      if (projection.name === 'plans') this.projections.register(projection);
  }
}
