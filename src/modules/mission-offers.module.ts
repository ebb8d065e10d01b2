import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProviderOfferCommandHandler } from '../application/missions/provider-offer.handler';
import { GetProviderOfferHandler } from '../application/missions/provider-offer.query';
import { ServiceTypeCatalogue } from '../application/missions/service-type.catalogue';
import { ServiceTypeLabels } from '../application/missions/service-type-labels.port';
import { ServiceTypeCommandHandler } from '../application/missions/service-type.handler';
import { GetServiceTypeHandler } from '../application/missions/service-type.query';
import { AppConfig } from '../infrastructure/config/config';
import { ProviderOffersController } from '../interfaces/http/missions/provider-offers.controller';
import { ServiceTypesController } from '../interfaces/http/missions/service-types.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';
import { ReadModelServiceTypeLabels } from '../projections/service-types/service-type-labels.reader';
import { ServiceTypesProjection } from '../projections/service-types/service-types.projection';

const SERVICE_TYPES_PROJECTION = new ServiceTypesProjection().name;

/**
 * Missions, offers side: the catalogue of service types (staff) and each provider's offer (types
 * and prices, zone, weekly hours, exceptions), with the service-types read model. Publishes
 * `service-type.messages.ts`, `provider-offer.messages.ts` and their queries; the dispatch index
 * folds the same events.
 */
@Module({})
export class MissionOffersModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: MissionOffersModule,
      imports: [CqrsModule],
      controllers: [ServiceTypesController, ProviderOffersController],
      providers: [
        { provide: ServiceTypeLabels, useClass: ReadModelServiceTypeLabels },
        ServiceTypeCommandHandler,
        GetServiceTypeHandler,
        ProviderOfferCommandHandler,
        GetProviderOfferHandler,
        ServiceTypeCatalogue,
      ],
      exports: [ServiceTypeCatalogue],
    };
  }

  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  /** Only the service-types read model: the dispatch module registers the dispatch index. */
  onModuleInit(): void {
    for (const projection of contextProjections('missions'))
      if (projection.name === SERVICE_TYPES_PROJECTION) this.projections.register(projection);
  }
}
