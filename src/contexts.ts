import { DynamicModule } from '@nestjs/common';
import { AppConfig } from './infrastructure/config/config';
import { IdentityModule } from './interfaces/http/identity/identity.module';
import { MarketplaceModule } from './interfaces/http/orders/marketplace.module';
import { DisputesModule } from './interfaces/http/disputes/disputes.module';
import { ReadModelsModule } from './projections/read-models.module';
import { WorkersModule } from './interfaces/workers/workers.module';

/** Each bounded context's Nest module; every one is given the validated configuration. */
export interface ContextModule {
  forRoot(config: AppConfig): DynamicModule;
}

export const CONTEXT_MODULES: ContextModule[] = [IdentityModule, MarketplaceModule, DisputesModule, ReadModelsModule, WorkersModule];
