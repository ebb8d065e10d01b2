import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../infrastructure/config/config';
import { MissionReadsController } from '../interfaces/http/missions/mission-reads.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';

/**
 * The missions read side: the client area, the provider's agenda, the staff list and the
 * intervention sheet (seed 002), all read from the `missions` projection. No commands.
 */
@Module({})
export class MissionReadsModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return { module: MissionReadsModule, controllers: [MissionReadsController] };
  }

  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    // Other read models of the context (the dispatch index) are registered by the module that owns them.
    for (const projection of contextProjections('missions'))
      if (projection.name === 'missions') this.projections.register(projection);
  }
}
