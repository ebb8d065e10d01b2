import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStorePlanCatalog } from '../application/plans/event-store-plan-catalog';
import { PLAN_CATALOG } from '../application/plans/plan-catalog.port';
import { AppConfig } from '../infrastructure/config/config';

/**
 * The plans catalogue (docs/plans.md): the platform's products defined by staff (the Pro
 * subscription, credit subscriptions, hour packs), versioned. Global, so subscriptions and hour
 * packs reach `PLAN_CATALOG`.
 */
@Module({})
export class PlanCatalogModule {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: PlanCatalogModule,
      global: true,
      imports: [CqrsModule],
      providers: [{ provide: PLAN_CATALOG, useClass: EventStorePlanCatalog }],
      exports: [PLAN_CATALOG],
    };
  }
}
