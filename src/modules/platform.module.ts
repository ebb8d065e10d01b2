import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthContributors, HealthRegistry } from '../application/shared/health';
import { AppConfig } from '../infrastructure/config/config';
import { HealthController } from '../interfaces/http/health/health.controller';
import { ProjectionsController } from '../interfaces/http/health/projections.controller';
import { ReactorsController } from '../interfaces/http/health/reactors.controller';
import { ProjectionRegistry } from '../projections/projection-registry';
import { ProjectionsService } from '../projections/projections.service';

/**
 * What every context runs on rather than a context: `/health` and the registry its sections
 * come from, the projection runner (in `projectors` processes) the contexts register their read
 * models with, and the staff endpoints for reactors and projections. Global, so every context
 * module reaches `ProjectionRegistry` and `HealthRegistry`.
 */
@Module({})
export class PlatformModule {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [TerminusModule],
      controllers: [HealthController, ReactorsController, ProjectionsController],
      providers: [
        HealthContributors,
        { provide: HealthRegistry, useExisting: HealthContributors },
        ProjectionsService,
        { provide: ProjectionRegistry, useExisting: ProjectionsService },
      ],
      exports: [HealthRegistry, ProjectionRegistry, ProjectionsService],
    };
  }
}
