import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReactorRegistry } from '../application/shared/reactor';
import { AssociationVerification } from '../application/solidarity/solidarity-mission-association.port';
import { QueryBusAssociationVerification } from '../application/solidarity/solidarity-mission-association.query-bus';
import { SolidarityMissionCommandHandler } from '../application/solidarity/solidarity-mission.handler';
import { SolidarityMissionProposals } from '../application/solidarity/solidarity-mission.proposals';
import { SolidarityMissionNotices } from '../application/solidarity/solidarity-mission.reactor';
import { SolidarityTypeCatalogue } from '../application/solidarity/solidarity-type.catalogue';
import { SolidarityTypeCommandHandler } from '../application/solidarity/solidarity-type.handler';
import { GetSolidarityTypeHandler } from '../application/solidarity/solidarity-type.query';
import { AppConfig } from '../infrastructure/config/config';
import { SolidarityMissionsController } from '../interfaces/http/solidarity/solidarity-missions.controller';
import { SolidarityTypesController } from '../interfaces/http/solidarity/solidarity-types.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';
import { SolidarityMissionsProjection } from '../projections/solidarity-missions/solidarity-missions.projection';

const SOLIDARITY_MISSIONS_PROJECTION = new SolidarityMissionsProjection().name;

/**
 * Solidarity, missions side (issue 18 points 2 and 3, docs/solidarity-missions.md): the staff
 * list of solidarity types, the solidarity mission aggregate (proposal, sign-ups, withdrawals,
 * cancellation, attendance), the `solidarity_missions` read model and the reactor telling
 * volunteers of a cancellation. Exports the type catalogue for the CLI seed.
 */
@Module({})
export class SolidarityMissionsModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: SolidarityMissionsModule,
      imports: [CqrsModule],
      controllers: [SolidarityTypesController, SolidarityMissionsController],
      providers: [
        SolidarityTypeCommandHandler,
        GetSolidarityTypeHandler,
        SolidarityTypeCatalogue,
        SolidarityMissionCommandHandler,
        SolidarityMissionProposals,
        SolidarityMissionNotices,
        { provide: AssociationVerification, useClass: QueryBusAssociationVerification },
      ],
      exports: [SolidarityTypeCatalogue],
    };
  }

  constructor(
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly notices: SolidarityMissionNotices,
  ) {}

  /** Only its own read model: the other solidarity modules register theirs. */
  onModuleInit(): void {
    this.reactors.register(this.notices);
    for (const projection of contextProjections('solidarity'))
      if (projection.name === SOLIDARITY_MISSIONS_PROJECTION) this.projections.register(projection);
  }
}
