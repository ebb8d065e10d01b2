import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { GEOCODER } from '../application/missions/geocoder.port';
import { MISSION_CANDIDATES } from '../application/missions/mission-candidates.port';
import { AppConfig } from '../infrastructure/config/config';
import { PostalCodeGeocoder } from '../infrastructure/geocoding/postal-code-geocoder';
import { contextProjections } from '../projections/all-projections';
import { DispatchProjection } from '../projections/dispatch/dispatch.projection';
import {
  PRO_RANK_BOOST_KM,
  ReadModelMissionCandidates,
} from '../projections/dispatch/mission-candidates.reader';
import { ProjectionRegistry } from '../projections/projection-registry';

const DISPATCH_PROJECTION = new DispatchProjection().name;

/**
 * The missions dispatch index (docs/missions-dispatch.md): provides MISSION_CANDIDATES (the
 * providers a request goes to) and GEOCODER (coordinates from a French postal code), globally,
 * and registers the index's projection (only that one of the `missions` read models).
 */
@Module({})
export class MissionDispatchModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MissionDispatchModule,
      global: true,
      providers: [
        { provide: PRO_RANK_BOOST_KM, useValue: config.MISSION_PRO_RANK_BOOST_KM },
        { provide: MISSION_CANDIDATES, useClass: ReadModelMissionCandidates },
        { provide: GEOCODER, useClass: PostalCodeGeocoder },
      ],
      exports: [MISSION_CANDIDATES, GEOCODER],
    };
  }

  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    for (const projection of contextProjections('missions'))
      if (projection.name === DISPATCH_PROJECTION) this.projections.register(projection);
  }
}
