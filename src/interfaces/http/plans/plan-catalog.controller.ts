import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Injectable,
  Param,
  PipeTransform,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { GetServiceTypeQuery } from '../../../application/missions/service-type.query';
import {
  isPlanId,
  PLAN_ID_MAX_LENGTH,
  PLAN_ID_PATTERN,
  planIdFor,
  PlanCommandMessage,
} from '../../../application/plans/plan.messages';
import { Clock } from '../../../application/shared/clock';
import { HandleResult } from '../../../application/shared/command-handling';
import { existingRevisionOf } from '../../../application/shared/revision';
import {
  PLAN_KIND_LABELS,
  PLAN_STATUS_LABELS,
  type PlanCommand,
  type PlanEvent,
  type PlanInput,
  type PlanKind,
  type PlanPeriod,
  type PlanState,
  type PlanStatus,
} from '../../../domain/plans';
import { NotFoundError } from '../../../domain/shared';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { activePlans, planById, PlanListItem } from '../../../projections/plans/plans.queries';
import { Actor, CurrentActor, Public, Roles } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';
import { ApiStateChange, commandOptions } from '../shared/http-support';
import {
  PLAN_EXAMPLE,
  PlanChangeResponse,
  PlanDetailResponse,
  PlanDto,
  PlanListQuery,
  PlanListResponse,
  PlanResponse,
} from './plan-catalog.dto';

const planNotFound = (planId: string) =>
  new NotFoundError('PLAN_NOT_FOUND', 'Plan not found', { planId });

const PERIOD_LABELS: Record<PlanPeriod, string> = {
  month: 'mois',
  quarter: 'trimestre',
  year: 'an',
};

/** A plan id in a path: a slug (`credits-essentiel`); anything else is 400 `INVALID_PLAN_ID`. */
@Injectable()
class PlanIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!isPlanId(value))
      throw new ProblemException(
        400,
        'INVALID_PLAN_ID',
        `planId must be a slug: lower-case letters and digits joined by dashes, at most ${PLAN_ID_MAX_LENGTH} characters`,
        { parameter: 'planId' },
      );
    return value;
  }
}

const PlanIdParam = () => Param('planId', PlanIdPipe);
const ApiPlanIdParam = () =>
  ApiParam({
    name: 'planId',
    description: `The slug of the plan's first name; anything else is answered 400 \`INVALID_PLAN_ID\`.`,
    schema: { type: 'string', pattern: PLAN_ID_PATTERN.source, maxLength: PLAN_ID_MAX_LENGTH },
    example: PLAN_EXAMPLE.planId,
  });

const VALIDATION_REFUSALS = [
  { status: 400, code: 'PLAN_NAME_REQUIRED' },
  { status: 400, code: 'PLAN_NAME_TOO_LONG' },
  { status: 400, code: 'PLAN_PRICE_OUT_OF_RANGE' },
  { status: 400, code: 'PLAN_PERIOD_REQUIRED' },
  { status: 400, code: 'PLAN_CREDITS_REQUIRED' },
  { status: 400, code: 'PLAN_CREDITS_NOT_ALLOWED' },
  { status: 400, code: 'PLAN_HOUR_PACK_REQUIRED' },
  { status: 400, code: 'PLAN_HOUR_PACK_MINUTES_INVALID' },
  { status: 400, code: 'PLAN_TOO_MANY_BENEFITS' },
  { status: 422, code: 'PLAN_SERVICE_TYPE_UNAVAILABLE' },
] as const;

const TERMS_DESCRIPTION =
  'Rules by kind: `pro` has a period and no credits; `credits` has a period and grants at least one credit (0 to 1 000 per kind); `hour_pack` has no period, no credits, and `hourPack` terms on an existing, active service type (60 to 20 000 minutes, a multiple of 30; valid 1 to 24 months).';

/** The platform's own products (docs/plans.md): staff define and revise them, anyone reads them. */
@ApiTags('plans')
@Controller()
export class PlanCatalogController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post('admin/plans')
  @Roles('admin')
  @ApiStateChange({
    summary: 'Define a plan',
    description: `Staff (admin) put a plan on sale at version 1: the Pro subscription, a subscription granting credits each period, or an hour pack clients buy. Its id is the slug of the name (lower case, accents and punctuation dropped): defining "Crédits Essentiel" twice, or "credits essentiel", answers 409 \`PLAN_EXISTS\` naming the plan in \`planId\`. ${TERMS_DESCRIPTION}`,
    refusals: [
      ...VALIDATION_REFUSALS,
      { status: 409, code: 'PLAN_EXISTS', currentStatus: 'active' },
    ],
    ifMatch: false,
  })
  @ApiResponse({ status: 201, type: PlanChangeResponse, description: 'The plan, on sale.' })
  async define(@CurrentActor() actor: Actor, @Body() body: PlanDto) {
    const planId = planIdFor(typeof body.name === 'string' ? body.name : '');
    return this.send(actor, planId, {
      type: 'DefinePlan',
      data: { planId, ...inputOf(body) },
      meta: actor.meta(this.clock.now(), 'admin'),
    });
  }

  @Put('admin/plans/:planId')
  @Roles('admin')
  @ApiPlanIdParam()
  @ApiStateChange({
    summary: 'Revise a plan: a new version',
    description: `Records version n+1 with the full new terms (name, description, price, period, benefits, credits, hour-pack terms). It applies to periods and purchases that start after it: a running period keeps the version it was paid at, and each renewal reads the version in force at its start. The kind never changes (422 \`PLAN_KIND_IMMUTABLE\`); the same terms again record nothing (same version); a retired plan takes no revision (409 \`PLAN_RETIRED\`); a new name whose slug is another plan's id answers 409 \`PLAN_NAME_TAKEN\`. The id stays. ${TERMS_DESCRIPTION}`,
    refusals: [
      ...VALIDATION_REFUSALS,
      { status: 404, code: 'PLAN_NOT_FOUND' },
      { status: 409, code: 'PLAN_RETIRED', currentStatus: 'retired' },
      { status: 409, code: 'PLAN_NAME_TAKEN', currentStatus: 'active' },
      { status: 422, code: 'PLAN_KIND_IMMUTABLE' },
    ],
  })
  @ApiOkResponse({ type: PlanChangeResponse, description: 'The plan at its new version.' })
  async revise(
    @CurrentActor() actor: Actor,
    @PlanIdParam() planId: string,
    @Body() body: PlanDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      planId,
      {
        type: 'RevisePlan',
        data: { planId, ...inputOf(body) },
        meta: actor.meta(this.clock.now(), 'admin'),
      },
      ifMatch,
    );
  }

  @Post('admin/plans/:planId/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiPlanIdParam()
  @ApiStateChange({
    summary: 'Retire a plan',
    description:
      'The plan leaves the public list and takes no new subscription or purchase (the subscription and pack routes answer `PLAN_RETIRED`), nor any later revision. Running subscriptions keep renewing at their last version until they end; hour packs already bought stay usable until they expire.',
    refusals: [
      { status: 404, code: 'PLAN_NOT_FOUND' },
      { status: 409, code: 'PLAN_RETIRED', currentStatus: 'retired' },
    ],
  })
  @ApiOkResponse({ type: PlanChangeResponse, description: 'The retired plan.' })
  async retire(
    @CurrentActor() actor: Actor,
    @PlanIdParam() planId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      planId,
      { type: 'RetirePlan', data: { planId }, meta: actor.meta(this.clock.now(), 'admin') },
      ifMatch,
    );
  }

  @Get('plans')
  @Public()
  @ApiOperation({
    summary: 'The plans on sale',
    description:
      'The active plans at their current version: the Pro subscription first, then credit subscriptions, then hour packs, each by price. Prices TTC in cents; an hour pack names its service type. Retired plans are left out. Read model: a plan just defined shows within moments.',
  })
  @ApiOkResponse({ type: PlanListResponse })
  async list(@Query() query: PlanListQuery): Promise<PlanListResponse> {
    const items = await activePlans(this.pool, query.kind);
    const labels = await this.serviceTypeLabels(items);
    return { items: items.map((i) => view(i, labels)) };
  }

  @Get('plans/:planId')
  @Public()
  @ApiPlanIdParam()
  @ApiOperation({
    summary: 'One plan, with its versions',
    description:
      'Active or retired: its current version and the history of versions (version, price, period, when it took effect). A subscription or purchase pays the version in force when its period or purchase started.',
  })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiResponse({ status: 404, description: '`PLAN_NOT_FOUND`' })
  async get(@PlanIdParam() planId: string): Promise<PlanDetailResponse> {
    const found = await planById(this.pool, planId);
    if (!found) throw planNotFound(planId);
    const labels = await this.serviceTypeLabels([found]);
    return {
      ...view(found, labels),
      versions: found.versions,
      definedAt: found.definedAt,
      updatedAt: found.updatedAt,
      retiredAt: found.retiredAt,
    };
  }

  /** The current labels of the hour packs' service types, from the missions context. */
  private async serviceTypeLabels(items: PlanListItem[]): Promise<Map<string, string>> {
    const ids = [...new Set(items.flatMap((i) => (i.hourPack ? [i.hourPack.serviceTypeId] : [])))];
    const labels = new Map<string, string>();
    await Promise.all(
      ids.map(async (id) => {
        const found = await this.queryBus.execute(new GetServiceTypeQuery(id));
        if (found) labels.set(id, found.label);
      }),
    );
    return labels;
  }

  private async send(
    actor: Actor,
    planId: string,
    command: PlanCommand,
    ifMatch?: string,
  ): Promise<PlanChangeResponse> {
    const result: HandleResult<PlanState, PlanEvent> = await this.commandBus.execute(
      new PlanCommandMessage(planId, command, actor.causation, commandOptions(ifMatch)),
    );
    const { state } = result;
    if (state.status === 'none') throw planNotFound(planId);
    const item: PlanListItem = {
      planId: state.planId,
      kind: state.kind,
      name: state.name,
      description: state.description,
      version: state.version,
      priceTtcCents: state.terms.priceTtcCents,
      period: state.terms.period,
      benefits: state.terms.benefits,
      credits: state.terms.credits,
      hourPack: state.terms.hourPack,
      status: state.status,
    };
    const labels = await this.serviceTypeLabels([item]);
    return { ...view(item, labels), revision: existingRevisionOf(result.nextExpectedRevision) };
  }
}

function inputOf(body: PlanDto): PlanInput {
  return {
    kind: body.kind as PlanKind,
    name: body.name,
    description: body.description ?? '',
    priceTtcCents: body.priceTtcCents,
    period: (body.period ?? null) as PlanPeriod | null,
    benefits: body.benefits ?? [],
    credits: body.credits ?? {},
    hourPack: body.hourPack
      ? {
          serviceTypeId: body.hourPack.serviceTypeId,
          minutes: body.hourPack.minutes,
          validityMonths: body.hourPack.validityMonths,
        }
      : null,
  };
}

function view(item: PlanListItem, labels: Map<string, string>): PlanResponse {
  const pack = item.hourPack;
  return {
    planId: item.planId,
    kind: item.kind,
    kindLabel: PLAN_KIND_LABELS[item.kind as PlanKind] ?? item.kind,
    name: item.name,
    description: item.description,
    version: item.version,
    priceTtcCents: item.priceTtcCents,
    period: item.period,
    periodLabel: item.period ? (PERIOD_LABELS[item.period as PlanPeriod] ?? null) : null,
    benefits: item.benefits,
    credits: {
      consultation: item.credits.consultation ?? 0,
      offer: item.credits.offer ?? 0,
      direct_contact: item.credits.direct_contact ?? 0,
    },
    hourPack: pack
      ? {
          serviceTypeId: pack.serviceTypeId,
          serviceTypeLabel: labels.get(pack.serviceTypeId) ?? null,
          minutes: pack.minutes,
          hours: pack.minutes / 60,
          validityMonths: pack.validityMonths,
        }
      : null,
    status: item.status,
    statusLabel: PLAN_STATUS_LABELS[item.status as PlanStatus] ?? item.status,
  };
}
