import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GigFileAccess } from '../application/catalog/gig-file-access';
import { GigCommandHandler } from '../application/catalog/gig.handler';
import { FileAccessPolicies } from '../application/files/file-references.contract';
import { GetGigHandler } from '../application/catalog/gig.query';
import { OwnGigsPort } from '../application/catalog/own-gigs.port';
import { ProviderVerificationPort } from '../application/catalog/provider-verification.port';
import { QueryBusProviderVerification } from '../application/catalog/query-bus-provider-verification';
import { AppConfig } from '../infrastructure/config/config';
import { CatalogSearchController } from '../interfaces/http/catalog/catalog-search.controller';
import { GigsController } from '../interfaces/http/catalog/gigs.controller';
import { contextProjections } from '../projections/all-projections';
import { ReadModelOwnGigs } from '../projections/catalog/own-gigs.reader';
import { ProjectionRegistry } from '../projections/projection-registry';

/**
 * Catalog: gigs (commands, the `GetGigQuery` contract), the public gig search and its read
 * model. Publishes `gig.messages.ts`, `gig.query.ts` and the `ProviderVerificationPort` the
 * orders API checks sellers with (global, so it is reachable).
 */
@Module({})
export class CatalogModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: CatalogModule,
      global: true,
      imports: [CqrsModule],
      controllers: [GigsController, CatalogSearchController],
      providers: [
        { provide: ProviderVerificationPort, useClass: QueryBusProviderVerification },
        { provide: OwnGigsPort, useClass: ReadModelOwnGigs },
        GigCommandHandler,
        GetGigHandler,
        GigFileAccess,
      ],
      exports: [ProviderVerificationPort],
    };
  }

  constructor(
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly filePolicies: FileAccessPolicies,
    private readonly fileAccess: GigFileAccess,
  ) {}

  onModuleInit(): void {
    this.filePolicies.register('gig', this.fileAccess);
    for (const projection of contextProjections('catalog')) this.projections.register(projection);
  }
}
