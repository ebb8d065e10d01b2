import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PartnershipCommandHandler } from '../application/solidarity/partnership.handler';
import { PartnersReader } from '../application/solidarity/partners.port';
import { ListPartnersHandler } from '../application/solidarity/partners.query';
import { AppConfig } from '../infrastructure/config/config';
import { SolidarityAssociationsController } from '../interfaces/http/solidarity/solidarity-associations.controller';
import { SolidarityPartnersAdminController } from '../interfaces/http/solidarity/solidarity-partners.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';
import { ReadModelPartnersReader } from '../projections/solidarity-partners/solidarity-partners.queries';

const SOLIDARITY_PARTNERS_PROJECTION = 'solidarity_partners';

/**
 * Solidarity, partners side (issue 18, docs/solidarity.md): the partnership aggregate
 * (`partnership-<associationId>`, staff grant and end), the `solidarity_partners` read model, the
 * public list of partner associations and `ListPartnersQuery` for the pot and the votes. The
 * association's verification itself lives in the identity context.
 */
@Module({})
export class SolidarityPartnersModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: SolidarityPartnersModule,
      imports: [CqrsModule],
      controllers: [SolidarityPartnersAdminController, SolidarityAssociationsController],
      providers: [
        PartnershipCommandHandler,
        { provide: PartnersReader, useClass: ReadModelPartnersReader },
        ListPartnersHandler,
      ],
    };
  }

  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  /** Only its own read model: the other solidarity modules register theirs. */
  onModuleInit(): void {
    for (const projection of contextProjections('solidarity'))
      if (projection.name === SOLIDARITY_PARTNERS_PROJECTION) this.projections.register(projection);
  }
}
