import { Body, Controller, Get, Headers, HttpCode, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  ApiExtraModels,
  getSchemaPath,
} from '@nestjs/swagger';
import { GigCommandMessage } from '../../../application/catalog/gig.messages';
import { GetGigQuery, GigView } from '../../../application/catalog/gig.query';
import { deterministicId } from '../../../application/shared/deterministic-id';
import { FileReferences } from '../../../application/files/file-references.contract';
import { Clock } from '../../../application/shared/clock';
import { HandleResult } from '../../../application/shared/command-handling';
import {
  GIG_STATUS_LABELS,
  GigCommand,
  GigEvent,
  GigExtraInput,
  GigState,
} from '../../../domain/catalog';
import { NotFoundError } from '../../../domain/shared';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { CreateGigDto, GigChangeResponse, GigExtraDto, UpdateGigDto } from './gig.dto';
import { ApiStateChange, commandOptions, newId } from '../shared/http-support';
import { existingRevisionOf } from '../../../application/shared/revision';
import { IdParam } from '../problem/id-param';
import { GigViewResponse } from './gig-view.dto';

const gigNotFound = (gigId: string) =>
  new NotFoundError('GIG_NOT_FOUND', 'Gig not found', { gigId });

const GIG_EXAMPLE = {
  gigId: '3f1c2b9e-7a4d-4c51-9e0b-2d8a6f4b1c07',
  sellerId: '9b2e4f61-0c3a-4d8e-b7f5-6a1d2c3e4f50',
  kind: 'package',
  status: 'published',
  statusLabel: 'Publié',
  details: {
    title: 'Business plan complet pour votre levée de fonds',
    priceCents: 45_000,
    vatCents: 7_500,
    category: 'finance-gestion',
    description: 'Étude de marché, prévisionnel sur 3 ans, synthèse pour investisseurs.',
    galleryRefs: ['3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90'],
    videoRef: null,
    keywords: ['business plan'],
    deliveryDays: 7,
    openingMessage: 'Merci pour votre commande !',
    extras: [
      {
        extraId: 'express-48h',
        name: 'Livraison express',
        priceCents: 4_900,
        vatCents: 817,
        deltaDays: -2,
      },
    ],
  },
  revision: '2',
};

/** Extras without an id get one derived from the gig and their position, so a resent edit is a no-op. */
function extrasInput(
  gigId: string,
  extras: GigExtraDto[] | undefined,
): GigExtraInput[] | undefined {
  return extras?.map((extra, index) => ({
    extraId: extra.extraId ?? deterministicId('gig-extra', gigId, String(index)),
    name: extra.name,
    priceCents: extra.priceCents,
    deltaDays: extra.deltaDays,
  }));
}

@ApiTags('gigs')
@Controller('gigs')
export class GigsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
    private readonly files: FileReferences,
  ) {}

  @Post()
  @Roles('provider')
  @ApiStateChange({
    summary: 'Create a gig (draft)',
    description:
      "A provider drafts an offer: one of three kinds (packaged service, phone call, question), a TTC price in cents whose 20 % VAT is computed and shown apart, one category, description, gallery and video references, keywords, delivery time, opening message and paid extras. The gig stays a draft until published. A seller has at most 5 gigs that are not archived, drafts included (409 GIG_LIMIT_REACHED with `limit` and `gigCount`; archiving one frees a slot), and a gig whose title and description are near-duplicates of one of the seller's own (pg_trgm similarity >= 0.6) is refused with 409 GIG_NEAR_DUPLICATE naming it in `similarGig` (gigId, title).",
    refusals: [
      { status: 400, code: 'GIG_TITLE_REQUIRED' },
      { status: 400, code: 'GIG_INVALID_PRICE' },
      { status: 409, code: 'GIG_ALREADY_EXISTS', currentStatus: 'draft' },
      { status: 409, code: 'GIG_LIMIT_REACHED', currentStatus: 'none' },
      { status: 409, code: 'GIG_NEAR_DUPLICATE', currentStatus: 'none' },
      { status: 422, code: 'FILE_NOT_FOUND' },
      { status: 422, code: 'FILE_PURPOSE_MISMATCH' },
    ],
    ifMatch: false,
  })
  @ApiResponse({ status: 201, type: GigChangeResponse, description: 'The draft gig.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateGigDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<GigChangeResponse> {
    const gigId = newId('gig', actor, key);
    const { kind, extras, ...details } = body;
    return this.galleryOf(actor, gigId, body.galleryRefs, () =>
      this.send(actor, gigId, {
        type: 'CreateGig',
        data: { gigId, kind, ...details, extras: extrasInput(gigId, extras) },
        meta: actor.meta(this.clock.now(), 'provider'),
      }),
    );
  }

  @Patch(':gigId')
  @Roles('provider')
  @ApiParam({ name: 'gigId', example: GIG_EXAMPLE.gigId })
  @ApiStateChange({
    summary: 'Edit a gig',
    description:
      'Only the given fields change; the whole result is validated again. Orders already placed keep the terms they were bought with.',
    refusals: [
      { status: 404, code: 'GIG_NOT_FOUND' },
      { status: 403, code: 'NOT_GIG_OWNER' },
      { status: 409, code: 'GIG_ARCHIVED', currentStatus: 'archived' },
      { status: 409, code: 'GIG_NEAR_DUPLICATE', currentStatus: 'draft' },
      { status: 422, code: 'FILE_NOT_FOUND' },
      { status: 422, code: 'FILE_PURPOSE_MISMATCH' },
    ],
  })
  @ApiOkResponse({ type: GigChangeResponse })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam('gigId') gigId: string,
    @Body() body: UpdateGigDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { extras, ...changes } = body;
    return this.galleryOf(actor, gigId, body.galleryRefs, () =>
      this.send(
        actor,
        gigId,
        {
          type: 'UpdateGig',
          data: { gigId, changes: { ...changes, extras: extrasInput(gigId, extras) } },
          meta: actor.meta(this.clock.now(), 'provider'),
        },
        ifMatch,
      ),
    );
  }

  @Post(':gigId/publish')
  @HttpCode(200)
  @Roles('provider')
  @ApiParam({ name: 'gigId', example: GIG_EXAMPLE.gigId })
  @ApiStateChange({
    summary: 'Publish a gig',
    description:
      'Buyers can order a published gig. The seller must have every verification document approved and in date, and at most 5 gigs published at once (the exact limit is the 5 non-archived gigs at creation).',
    refusals: [
      { status: 403, code: 'PROVIDER_NOT_VERIFIED' },
      { status: 409, code: 'GIG_LIMIT_REACHED', currentStatus: 'draft' },
      { status: 409, code: 'GIG_ALREADY_PUBLISHED', currentStatus: 'published' },
      { status: 409, code: 'GIG_ARCHIVED', currentStatus: 'archived' },
    ],
  })
  @ApiOkResponse({ type: GigChangeResponse })
  publish(
    @CurrentActor() actor: Actor,
    @IdParam('gigId') gigId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      gigId,
      // The handler fills the count and the verification in from the seller index and the identity context.
      {
        type: 'PublishGig',
        data: { gigId, publishedGigCountOfSeller: 0, sellerVerified: false, missingDocuments: [] },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      ifMatch,
    );
  }

  @Post(':gigId/pause')
  @HttpCode(200)
  @Roles('provider')
  @ApiParam({ name: 'gigId', example: GIG_EXAMPLE.gigId })
  @ApiStateChange({
    summary: 'Pause a published gig',
    description:
      "The gig stops taking orders and frees one of the seller's 5 publication slots; running orders go on.",
    refusals: [
      { status: 409, code: 'GIG_NOT_PUBLISHED', currentStatus: 'draft' },
      { status: 403, code: 'NOT_GIG_OWNER' },
    ],
  })
  @ApiOkResponse({ type: GigChangeResponse })
  pause(
    @CurrentActor() actor: Actor,
    @IdParam('gigId') gigId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      gigId,
      { type: 'PauseGig', data: { gigId }, meta: actor.meta(this.clock.now(), 'provider') },
      ifMatch,
    );
  }

  @Post(':gigId/archive')
  @HttpCode(200)
  @Roles('provider', 'admin')
  @ApiParam({ name: 'gigId', example: GIG_EXAMPLE.gigId })
  @ApiStateChange({
    summary: 'Archive a gig',
    description:
      'Its seller, or a staff admin taking an offer down, archives the gig for good; the event records who did it.',
    refusals: [
      { status: 409, code: 'GIG_ARCHIVED', currentStatus: 'archived' },
      { status: 403, code: 'NOT_GIG_OWNER' },
    ],
  })
  @ApiOkResponse({ type: GigChangeResponse })
  archive(
    @CurrentActor() actor: Actor,
    @IdParam('gigId') gigId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    const role = actor.has('admin') ? 'admin' : 'provider';
    return this.send(
      actor,
      gigId,
      { type: 'ArchiveGig', data: { gigId }, meta: actor.meta(this.clock.now(), role) },
      ifMatch,
    );
  }

  @Get(':gigId')
  @ApiBearerAuth()
  @ApiParam({ name: 'gigId', example: GIG_EXAMPLE.gigId })
  @ApiOperation({
    summary: 'Read a gig',
    description:
      'Anyone signed in reads a published or paused gig; drafts and archived gigs only their seller and staff. Prices are TTC with the VAT shown apart.',
  })
  @ApiExtraModels(GigViewResponse)
  @ApiOkResponse({
    description: 'The gig.',
    schema: { allOf: [{ $ref: getSchemaPath(GigViewResponse) }], example: GIG_EXAMPLE },
  })
  @ApiResponse({ status: 404, description: '`GIG_NOT_FOUND`' })
  async get(@CurrentActor() actor: Actor, @IdParam('gigId') gigId: string): Promise<GigView> {
    const gig = await this.queryBus.execute(new GetGigQuery(gigId));
    const publicly = gig && (gig.status === 'published' || gig.status === 'paused');
    if (!gig || (!publicly && gig.sellerId !== actor.accountId && !actor.isStaff))
      throw gigNotFound(gigId);
    return gig;
  }

  private async send(
    actor: Actor,
    gigId: string,
    command: GigCommand,
    ifMatch?: string,
  ): Promise<GigChangeResponse> {
    const result: HandleResult<GigState, GigEvent> = await this.commandBus.execute(
      new GigCommandMessage(gigId, command, actor.causation, commandOptions(ifMatch)),
    );
    if (result.state.status === 'none') throw gigNotFound(gigId);
    return {
      gigId,
      status: result.state.status,
      statusLabel: GIG_STATUS_LABELS[result.state.status],
      revision: existingRevisionOf(result.nextExpectedRevision),
    };
  }

  /** Gallery images are the seller's own `gig_gallery` uploads (422 FILE_NOT_FOUND otherwise). */
  private galleryOf<T>(
    actor: Actor,
    gigId: string,
    refs: string[] | undefined,
    command: () => Promise<T>,
  ): Promise<T> {
    return this.files.attach(
      actor.accountId,
      refs ?? [],
      'gig_gallery',
      { kind: 'gig', subjectId: gigId },
      'galleryRefs',
      command,
    );
  }
}
