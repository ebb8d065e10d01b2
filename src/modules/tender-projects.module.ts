import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FileAccessPolicies } from '../application/files/file-references.contract';
import {
  PROJECT_ATTACHMENT_KIND,
  ProjectCommandHandler,
} from '../application/tenders/project.handler';
import { ProjectFileAccess } from '../application/tenders/project-file-access';
import { AppConfig } from '../infrastructure/config/config';
import { ProjectsController } from '../interfaces/http/tenders/projects.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';

const TENDER_PROJECTS_PROJECTION = 'tender_projects';

/**
 * Tenders, projects side (issue 17, docs/tenders-projects.md): the project aggregate
 * (`project-<projectId>`: post, withdraw, select, confirm or decline the terms, revise the amount,
 * finish), the fee rule, the `tender_projects` read model ("projets disponibles", the client's
 * projects, each provider's credits spent and hidden projects) and the access policy of the
 * project's attachments.
 */
@Module({})
export class TenderProjectsModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: TenderProjectsModule,
      imports: [CqrsModule],
      controllers: [ProjectsController],
      providers: [ProjectCommandHandler, ProjectFileAccess],
    };
  }

  constructor(
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly filePolicies: FileAccessPolicies,
    private readonly fileAccess: ProjectFileAccess,
  ) {}

  onModuleInit(): void {
    this.filePolicies.register(PROJECT_ATTACHMENT_KIND, this.fileAccess);
    for (const projection of contextProjections('tenders'))
      if (projection.name === TENDER_PROJECTS_PROJECTION) this.projections.register(projection);
  }
}
