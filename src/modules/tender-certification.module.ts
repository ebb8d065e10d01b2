import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReactorRegistry } from '../application/shared/reactor';
import { CertificationReputationReactor } from '../application/tenders/certification-reputation.reactor';
import { CertificationCommandHandler } from '../application/tenders/certification.handler';
import { ProjectReviewCommandHandler } from '../application/tenders/project-review.handler';
import { AppConfig } from '../infrastructure/config/config';
import {
  CertificationReferenceLinkController,
  MyCertificationController,
  StaffCertificationController,
} from '../interfaces/http/tenders/certification.controller';
import {
  ProjectReviewsController,
  ProviderProjectReviewsController,
} from '../interfaces/http/tenders/project-reviews.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';
import { TenderCertificationProjection } from '../projections/tender-certification/tender-certification.projection';

const TENDER_CERTIFICATION = new TenderCertificationProjection().name;

/**
 * Tenders, certification side (issue 17, docs/tenders-certification.md): the certification
 * aggregate (`certification-<providerId>`: references by e-mailed link, the SCP's review, the
 * reputation path), project reviews both ways (`project_review-<projectId>`), the reactor that
 * counts clients' reviews towards certification, and the `tender_certification` read model the
 * profile and the search read the badge from.
 */
@Module({})
export class TenderCertificationModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: TenderCertificationModule,
      imports: [CqrsModule],
      controllers: [
        MyCertificationController,
        CertificationReferenceLinkController,
        StaffCertificationController,
        ProjectReviewsController,
        ProviderProjectReviewsController,
      ],
      providers: [
        CertificationCommandHandler,
        ProjectReviewCommandHandler,
        CertificationReputationReactor,
      ],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly reactor: CertificationReputationReactor,
  ) {}

  /** Only its own read model: the other tenders modules register theirs. */
  onModuleInit(): void {
    this.reactors.register(this.reactor);
    for (const projection of contextProjections('tenders'))
      if (projection.name === TENDER_CERTIFICATION) this.projections.register(projection);
  }
}
