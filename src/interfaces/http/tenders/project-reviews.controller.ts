import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Pool } from 'pg';
import { Clock } from '../../../application/shared/clock';
import { loadAggregate } from '../../../application/shared/command-handling';
import { EVENT_STORE, EventStore } from '../../../application/shared/event-store.port';
import { existingRevisionOf } from '../../../application/shared/revision';
import {
  ProjectReviewCommandMessage,
  projectReviewStream,
} from '../../../application/tenders/certification.messages';
import {
  reviewedProject,
  type ProjectReviewResult,
} from '../../../application/tenders/project-review.handler';
import {
  projectNotFound,
  projectReviewDecider,
  REVIEW_AUTHORS,
  type ProjectReviewState,
} from '../../../domain/tenders';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { providerProjectReviews } from '../../../projections/tender-certification/tender-certification.queries';
import { Actor, CurrentActor, Public, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, asParty } from '../shared/http-support';
import {
  GiveProjectReviewDto,
  CertificationPageQuery,
  ProjectReviewsResponse,
  ProviderProjectReviewsResponse,
} from './certification.dto';

const TAG = 'tenders: certification';

function reviewsView(
  projectId: string,
  state: ProjectReviewState,
  revision: bigint | null,
): ProjectReviewsResponse {
  return {
    projectId,
    status: state.status,
    reviews: REVIEW_AUTHORS.flatMap((author) => {
      const review = state.reviews[author];
      return review ? [{ author, ...review }] : [];
    }),
    revision: existingRevisionOf(revision),
  };
}

/** Reviews both ways on a finished project (seed 003: "Je veux noter mon client/mon prestataire"). */
@ApiTags(TAG)
@ApiBearerAuth()
@Controller('projects/:projectId/reviews')
export class ProjectReviewsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @Roles('client', 'provider')
  @ApiStateChange({
    summary: 'Rate the other party of a finished project (1 to 5 stars)',
    description:
      'The client rates the provider, the provider rates the client: once each, never edited, once the project is finished. Anyone else gets 404 `PROJECT_NOT_FOUND`. A client’s review counts towards the provider’s certification by reputation.',
    refusals: [
      { status: 400, code: 'PROJECT_REVIEW_INVALID_RATING' },
      { status: 400, code: 'PROJECT_REVIEW_COMMENT_TOO_LONG' },
      { status: 404, code: 'PROJECT_NOT_FOUND' },
      { status: 409, code: 'PROJECT_NOT_FINISHED', currentStatus: 'signed' },
      { status: 409, code: 'PROJECT_ALREADY_REVIEWED', currentStatus: 'reviewed' },
    ],
    ifMatch: false,
  })
  @ApiCreatedResponse({ type: ProjectReviewsResponse, description: 'The review is given.' })
  async give(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: GiveProjectReviewDto,
  ): Promise<ProjectReviewsResponse> {
    const result: ProjectReviewResult = await asParty(
      actor,
      () => projectNotFound(projectId),
      () =>
        this.commandBus.execute(
          new ProjectReviewCommandMessage(
            projectId,
            {
              type: 'GiveProjectReview',
              data: { projectId, rating: body.rating, comment: body.comment },
              meta: actor.meta(this.clock.now()),
            },
            actor.causation,
          ),
        ),
    );
    return reviewsView(projectId, result.state, result.nextExpectedRevision);
  }

  @Get()
  @Roles('client', 'provider', 'admin', 'mediator')
  @ApiOperation({
    summary: 'The reviews given on a project',
    description:
      'For its client and its selected provider, and for staff; anyone else gets 404 `PROJECT_NOT_FOUND`.',
  })
  @ApiOkResponse({ type: ProjectReviewsResponse })
  @ApiResponse({ status: 404, description: '`PROJECT_NOT_FOUND`.' })
  async list(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
  ): Promise<ProjectReviewsResponse> {
    const project = await reviewedProject(this.store, projectId);
    const party =
      project && (actor.accountId === project.clientId || actor.accountId === project.providerId);
    if (!project || (!party && !actor.isStaff)) throw projectNotFound(projectId);
    const { state, revision } = await loadAggregate(
      this.store,
      projectReviewStream(projectId),
      projectReviewDecider,
    );
    return reviewsView(projectId, state, revision);
  }
}

@ApiTags(TAG)
@Controller('providers/:providerId/project-reviews')
export class ProviderProjectReviewsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'A provider’s reviews by clients of finished projects, with their average',
    description: 'Newest first. Read model: a review just given may take a moment to show.',
  })
  @ApiOkResponse({ type: ProviderProjectReviewsResponse })
  list(@IdParam('providerId') providerId: string, @Query() page: CertificationPageQuery) {
    return providerProjectReviews(this.pool, providerId, {
      limit: page.limit ?? 20,
      offset: page.offset ?? 0,
    });
  }
}
