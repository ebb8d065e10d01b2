import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { Clock } from '../../../application/shared/clock';
import {
  CausationContext,
  HandleResult,
  loadAggregate,
} from '../../../application/shared/command-handling';
import { EVENT_STORE, EventStore } from '../../../application/shared/event-store.port';
import { existingRevisionOf } from '../../../application/shared/revision';
import { DigestLinks } from '../../../application/tenders/digest-links';
import {
  TenderPreferencesCommandMessage,
  tenderPreferencesStream,
} from '../../../application/tenders/tender-preferences.messages';
import {
  hiddenOf,
  preferencesOf,
  TENDER_CATEGORIES,
  TENDER_CATEGORY_SLUGS,
  tenderPreferencesDecider,
  type TenderCategory,
  type TenderPreferencesCommand,
  type TenderPreferencesEvent,
  type TenderPreferencesState,
} from '../../../domain/tenders';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { hiddenProjects } from '../../../projections/tender-digest/tender-digest.queries';
import { Actor, CurrentActor, Public, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, commandOptions } from '../shared/http-support';
import {
  HiddenProjectChangeResponse,
  HiddenProjectListResponse,
  HiddenProjectsQuery,
  SetTenderPreferencesDto,
  TenderPreferencesResponse,
  UnsubscribeQuery,
  UnsubscribeResponse,
} from './tender-preferences.dto';

type Result = HandleResult<TenderPreferencesState, TenderPreferencesEvent>;

const category = (slug: TenderCategory) => ({ slug, label: TENDER_CATEGORIES[slug] });

function preferencesView(
  providerId: string,
  state: TenderPreferencesState,
  revision: bigint | null,
): TenderPreferencesResponse {
  const preferences = preferencesOf(state);
  return {
    providerId,
    categories: preferences.categories.map(category),
    words: preferences.words,
    minBudgetCents: preferences.minBudgetCents,
    digest: preferences.digest,
    saved: state.status === 'set',
    savedAt: state.status === 'set' ? state.setAt : null,
    unsubscribedAt: state.status === 'set' ? state.unsubscribedAt : null,
    hiddenProjects: hiddenOf(state).length,
    availableCategories: TENDER_CATEGORY_SLUGS.map(category),
    revision: existingRevisionOf(revision),
  };
}

const UNSUBSCRIBED_MESSAGE = 'Vous ne recevrez plus la newsletter quotidienne des projets.';
const UNSUBSCRIBE_REFUSALS = {
  status: 400,
  description:
    '`DIGEST_UNSUBSCRIBE_TOKEN_INVALID`: the token is truncated or not signed by the platform; `VALIDATION_FAILED`: no token, or one over 200 characters.',
  content: {
    'application/problem+json': {
      example: {
        type: 'https://docs.marketplace.local/problems/digest-unsubscribe-token-invalid',
        title: 'Bad Request',
        status: 400,
        code: 'DIGEST_UNSUBSCRIBE_TOKEN_INVALID',
        detail: 'See the code',
      },
    },
  },
} as const;

const unsubscribedPage = (changed: boolean) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Désabonnement</title></head>
<body><h1>Désabonnement confirmé</h1>
<p>${changed ? UNSUBSCRIBED_MESSAGE : 'Vous étiez déjà désabonné(e) de la newsletter quotidienne des projets.'}</p>
<p>Vous pouvez la réactiver à tout moment depuis vos préférences.</p></body></html>
`;

/**
 * A provider's tender preferences (seed 003 "Pourquoi et comment mettre à jour vos Préférences",
 * "Je veux supprimer certains projets de ma liste", "Comment me désabonner de vos newsletters"):
 * what the daily digest matches, the projects hidden from their list, and the e-mail's signed
 * unsubscribe link, which works without signing in.
 */
@ApiTags('tenders: preferences')
@Controller()
export class TenderPreferencesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    private readonly links: DigestLinks,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('me/tender-preferences')
  @Roles('provider')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'My tender preferences',
    description:
      'The categories, words and minimum budget the daily digest matches, whether it is sent, and how many projects I hid. Before any save the defaults show (`saved: false`): every project matches and no digest is sent.',
  })
  @ApiOkResponse({ type: TenderPreferencesResponse })
  async mine(@CurrentActor() actor: Actor): Promise<TenderPreferencesResponse> {
    const { state, revision } = await loadAggregate(
      this.store,
      tenderPreferencesStream(actor.accountId),
      tenderPreferencesDecider,
    );
    return preferencesView(actor.accountId, state, revision);
  }

  @Put('me/tender-preferences')
  @Roles('provider')
  @ApiStateChange({
    summary: 'Save my tender preferences',
    description:
      'Replaces them whole. The daily digest (07:00, Paris time) lists the projects posted since the previous one that are still open, in one of `categories` (empty: any), whose budget max reaches `minBudgetCents` (null: any) and whose title or description contains one of `words` (empty: any), leaving out hidden projects; nothing is sent on a day without a match. `digest: true` subscribes again after an unsubscribe. Saving the same values again records nothing.',
    refusals: [
      { status: 400, code: 'TENDER_PREFERENCES_UNKNOWN_CATEGORY' },
      { status: 400, code: 'TENDER_PREFERENCES_TOO_MANY_WORDS' },
      { status: 400, code: 'TENDER_PREFERENCES_INVALID_WORD' },
      { status: 400, code: 'TENDER_PREFERENCES_INVALID_MIN_BUDGET' },
      { status: 409, code: 'CONCURRENT_MODIFICATION' },
    ],
  })
  @ApiOkResponse({ type: TenderPreferencesResponse, description: 'The preferences now.' })
  async save(
    @CurrentActor() actor: Actor,
    @Body() body: SetTenderPreferencesDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TenderPreferencesResponse> {
    const result = await this.send(
      actor.accountId,
      {
        type: 'SetTenderPreferences',
        data: {
          providerId: actor.accountId,
          categories: body.categories,
          words: body.words,
          minBudgetCents: body.minBudgetCents ?? null,
          digest: body.digest,
        },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      actor.causation,
      ifMatch,
    );
    return preferencesView(actor.accountId, result.state, result.nextExpectedRevision);
  }

  @Post('projects/:projectId/hide')
  @HttpCode(200)
  @Roles('provider')
  @ApiStateChange({
    summary: 'Hide a project from my list',
    description:
      'The project leaves my "projets disponibles" list and my digests; the other providers still see it. Hiding it again changes nothing (`changed: false`). An unknown project answers 404 `PROJECT_NOT_FOUND`.',
    ifMatch: false,
    refusals: [{ status: 404, code: 'PROJECT_NOT_FOUND' }],
  })
  @ApiOkResponse({ type: HiddenProjectChangeResponse, description: 'The project is hidden.' })
  hide(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
  ): Promise<HiddenProjectChangeResponse> {
    return this.changeHidden(actor, projectId, 'HideProject');
  }

  @Delete('projects/:projectId/hide')
  @Roles('provider')
  @ApiStateChange({
    summary: 'Show a hidden project again',
    description:
      'The project comes back to my list (and to later digests while it is open). A project that is not hidden changes nothing (`changed: false`).',
    ifMatch: false,
    refusals: [{ status: 404, code: 'PROJECT_NOT_FOUND' }],
  })
  @ApiOkResponse({ type: HiddenProjectChangeResponse, description: 'The project is shown.' })
  showAgain(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
  ): Promise<HiddenProjectChangeResponse> {
    return this.changeHidden(actor, projectId, 'ShowProjectAgain');
  }

  @Get('me/hidden-projects')
  @Roles('provider')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The projects I hid',
    description:
      'Most recently hidden first, with the title, category and whether each still takes offers. Read model: a hide just made may take a moment to show.',
  })
  @ApiOkResponse({ type: HiddenProjectListResponse })
  hidden(@CurrentActor() actor: Actor, @Query() query: HiddenProjectsQuery) {
    return hiddenProjects(this.pool, actor.accountId, {
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  @Get('tender-digest/unsubscribe')
  @Public()
  @ApiProduces('text/html')
  @ApiOperation({
    summary: 'Unsubscribe from the daily digest by the e-mail’s link',
    description:
      'The link at the bottom of each digest e-mail ("Comment me désabonner de vos newsletters ?"): no sign-in, the signed token names the provider. Switches the digest off at once and answers a confirmation page; following it again changes nothing. The preferences are kept; saving them with `digest: true` subscribes again.',
  })
  @ApiResponse({
    status: 200,
    description: 'The confirmation page.',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiResponse(UNSUBSCRIBE_REFUSALS)
  async unsubscribePage(
    @Query() query: UnsubscribeQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { changed } = await this.unsubscribe(query.token);
    void reply.type('text/html; charset=utf-8');
    return unsubscribedPage(changed);
  }

  @Post('tender-digest/unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Unsubscribe from the daily digest (one click, no sign-in)',
    description:
      'The same as the link, for mail clients’ one-click unsubscribe and front ends: the token of the e-mail’s link, no body. Idempotent (`changed: false` when already off).',
  })
  @ApiOkResponse({ type: UnsubscribeResponse })
  @ApiResponse(UNSUBSCRIBE_REFUSALS)
  async unsubscribeNow(@Query() query: UnsubscribeQuery): Promise<UnsubscribeResponse> {
    const { changed } = await this.unsubscribe(query.token);
    return { digest: false, changed, message: UNSUBSCRIBED_MESSAGE };
  }

  /** The token is the permission: the command acts as the provider it names. */
  private async unsubscribe(token: string): Promise<{ changed: boolean }> {
    const providerId = this.links.verify(token);
    const result = await this.send(
      providerId,
      {
        type: 'UnsubscribeDigest',
        data: { providerId, via: 'link' },
        meta: { now: this.clock.now().toISOString(), actorId: providerId, actorRole: 'provider' },
      },
      { correlationId: randomUUID() },
    );
    return { changed: result.events.length > 0 };
  }

  private async changeHidden(
    actor: Actor,
    projectId: string,
    type: 'HideProject' | 'ShowProjectAgain',
  ): Promise<HiddenProjectChangeResponse> {
    const result = await this.send(
      actor.accountId,
      {
        type,
        data: { providerId: actor.accountId, projectId },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      actor.causation,
    );
    const entry = hiddenOf(result.state).find((h) => h.projectId === projectId);
    return {
      projectId,
      hidden: entry !== undefined,
      hiddenAt: entry?.hiddenAt ?? null,
      changed: result.events.length > 0,
      revision: existingRevisionOf(result.nextExpectedRevision),
    };
  }

  private send(
    providerId: string,
    command: TenderPreferencesCommand,
    causation: CausationContext,
    ifMatch?: string,
  ): Promise<Result> {
    return this.commandBus.execute(
      new TenderPreferencesCommandMessage(providerId, command, causation, commandOptions(ifMatch)),
    );
  }
}
