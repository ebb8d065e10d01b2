import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { FileReferences } from '../../../application/files/file-references.contract';
import { BidActor, BidsService } from '../../../application/tenders/bids.service';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange } from '../shared/http-support';
import {
  BidClientContactResponse,
  BidClientOfferListResponse,
  BidConsultationResponse,
  BidMadeOfferResponse,
  BidMyOffersQuery,
  BidOfferResponse,
  BidOfferTermsDto,
  BidProjectReportResponse,
  BidMyOfferListResponse,
  BidQuestionResponse,
  BidReportMessageDto,
  BidReportMessageResponse,
} from './bids.dto';

/** A fresh object per route: swagger mutates what it is given. */
const projectParam = () => ({ name: 'projectId', example: '3f6b2c1a-8d4e-4f7a-9b0c-5e1d2a3b4c5d' });

const NOT_FOUND = { status: 404 as const, code: 'PROJECT_NOT_FOUND' };
const NOT_OPEN = { status: 409 as const, code: 'PROJECT_NOT_OPEN', currentStatus: 'selected' };
const NO_CREDIT = { status: 409 as const, code: 'INSUFFICIENT_CREDITS' };
const FROZEN = { status: 409 as const, code: 'CREDITS_FROZEN' };
const OWN = { status: 422 as const, code: 'OWN_PROJECT' };
const FILE_REFUSALS = [
  { status: 422 as const, code: 'FILE_NOT_FOUND' },
  { status: 422 as const, code: 'FILE_PURPOSE_MISMATCH' },
];

const CREDIT_RULE =
  'Each credit is spent once per provider and project: a repeat costs nothing ("J’ai utilisé deux crédits sur un même projet" cannot happen; staff refund a mistaken spend). A first spend needs an open project. No credit requires another: an offer or a contact needs no consultation first.';

const bidActor = (actor: Actor): BidActor => ({
  accountId: actor.accountId,
  role: actor.activeRole,
  causation: actor.causation,
});

/**
 * The credits at work on a project (seed 003, Étape 1): consultation and the report, offers with
 * their read receipts, questions and messages with files, the client's contact details.
 */
@ApiTags('tenders: bids')
@Controller()
export class BidsController {
  constructor(
    private readonly bids: BidsService,
    private readonly files: FileReferences,
  ) {}

  /** A question or a message: its `fileIds` attached to the project's report around the post. */
  private withFiles<T>(
    actor: Actor,
    projectId: string,
    body: BidReportMessageDto,
    key: string | undefined,
    post: (actor: BidActor, input: { text: string; fileIds: string[]; key?: string }) => Promise<T>,
  ): Promise<T> {
    const fileIds = body.fileIds ?? [];
    return this.files.attach(
      actor.accountId,
      fileIds,
      'message_attachment',
      { kind: 'project_report', subjectId: projectId },
      'fileIds',
      () => post(bidActor(actor), { text: body.text, fileIds, key }),
    );
  }

  @Post('projects/:projectId/consultation')
  @Roles('provider')
  @HttpCode(200)
  @ApiParam(projectParam())
  @ApiStateChange({
    summary: 'Consult a project (spend a "consultation" credit)',
    description: `Opens the project's full report for you: the brief and its attachments, every provider's offer, every question, message and file (seed "Comment consulter un projet"). ${CREDIT_RULE}`,
    refusals: [NOT_FOUND, NOT_OPEN, NO_CREDIT, FROZEN, OWN],
    ifMatch: false,
  })
  @ApiOkResponse({ type: BidConsultationResponse })
  consult(@CurrentActor() actor: Actor, @IdParam('projectId') projectId: string) {
    return this.bids.consult(bidActor(actor), projectId);
  }

  @Post('projects/:projectId/offers')
  @Roles('provider')
  @HttpCode(201)
  @ApiParam(projectParam())
  @ApiStateChange({
    summary: 'Make an offer (spend an "offre" credit)',
    description: `Your amount (TTC, cents), delay (days) and message (seed "Comment faire une offre"). The offer is checked, then the "offre" credit spent, then the offer made; a retry spends nothing and answers the same offer. One offer per provider and project: change it with PUT …/offers/mine (409 \`OFFER_ALREADY_MADE\` for a different second offer). ${CREDIT_RULE}`,
    refusals: [
      { status: 400, code: 'OFFER_INVALID_AMOUNT' },
      { status: 400, code: 'OFFER_INVALID_DELAY' },
      { status: 400, code: 'OFFER_INVALID_MESSAGE' },
      NOT_FOUND,
      NOT_OPEN,
      { status: 409, code: 'OFFER_ALREADY_MADE', currentStatus: 'made' },
      NO_CREDIT,
      FROZEN,
      { status: 422, code: 'OFFER_ON_OWN_PROJECT' },
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: BidMadeOfferResponse,
    description: 'The offer, and whether a credit was spent.',
  })
  makeOffer(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: BidOfferTermsDto,
  ) {
    return this.bids.makeOffer(bidActor(actor), projectId, body);
  }

  @Put('projects/:projectId/offers/mine')
  @Roles('provider')
  @HttpCode(200)
  @ApiParam(projectParam())
  @ApiStateChange({
    summary: 'Change my offer (free)',
    description:
      'Seed "Est-ce que je peux changer une offre déjà postée ?": yes, at no cost, as long as the project is open (no provider selected). The client’s read receipt starts over: `readByClient` is false until they open it again.',
    refusals: [
      { status: 400, code: 'OFFER_INVALID_AMOUNT' },
      { status: 400, code: 'OFFER_INVALID_DELAY' },
      { status: 400, code: 'OFFER_INVALID_MESSAGE' },
      { status: 404, code: 'OFFER_NOT_FOUND' },
      NOT_OPEN,
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: BidOfferResponse })
  editOffer(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: BidOfferTermsDto,
  ) {
    return this.bids.editOffer(bidActor(actor), projectId, body);
  }

  @Get('projects/:projectId/offers/mine')
  @Roles('provider')
  @ApiBearerAuth()
  @ApiParam(projectParam())
  @ApiOperation({
    summary: 'My offer on a project, with its read receipt',
    description:
      'Seed "Est-ce que le client a lu ma proposition ?": `readByClient` says whether the client opened your offer as it stands now, `readAt` when they last did.',
  })
  @ApiOkResponse({ type: BidOfferResponse })
  @ApiResponse({
    status: 404,
    description: '`PROJECT_NOT_FOUND` or `OFFER_NOT_FOUND` (you made no offer).',
  })
  myOffer(@CurrentActor() actor: Actor, @IdParam('projectId') projectId: string) {
    return this.bids.myOffer(bidActor(actor), projectId);
  }

  @Get('projects/:projectId/offers')
  @Roles('client')
  @ApiBearerAuth()
  @ApiParam(projectParam())
  @ApiOperation({
    summary: 'The offers on my project (the client)',
    description:
      'Every offer, oldest first. Reading them records a read receipt on each one not read yet (its author sees it). From the bids read model: an offer just made may take a moment to show.',
  })
  @ApiOkResponse({ type: BidClientOfferListResponse })
  @ApiResponse({
    status: 404,
    description: '`PROJECT_NOT_FOUND`: no project of yours under this id.',
  })
  clientOffers(@CurrentActor() actor: Actor, @IdParam('projectId') projectId: string) {
    return this.bids.clientOffers(bidActor(actor), projectId);
  }

  @Post('projects/:projectId/questions')
  @Roles('provider')
  @HttpCode(201)
  @ApiParam(projectParam())
  @ApiStateChange({
    summary: 'Ask the client a written question',
    description: `Takes your "offre" credit on the project, spent now if it was not yet: one credit covers your offer and your questions. Files: your uploads with the purpose \`message_attachment\`. Only while the project is open. ${CREDIT_RULE}`,
    refusals: [
      { status: 400, code: 'REPORT_INVALID_TEXT' },
      NOT_FOUND,
      NOT_OPEN,
      NO_CREDIT,
      FROZEN,
      OWN,
      ...FILE_REFUSALS,
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: BidQuestionResponse,
    description: 'The question as posted on the report.',
  })
  ask(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: BidReportMessageDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.withFiles(actor, projectId, body, key, (a, input) =>
      this.bids.ask(a, projectId, input),
    );
  }

  @Post('projects/:projectId/messages')
  @Roles('client', 'provider')
  @HttpCode(201)
  @ApiParam(projectParam())
  @ApiStateChange({
    summary: 'Write on the project report (with files)',
    description:
      'Seeds "Comment communiquer avec le client" and "Comment j’uploade un fichier sur le rapport du projet": upload the file first (`POST /files`, purpose `message_attachment`), then name it in `fileIds`. The client writes to everyone on the report; a provider must hold their "offre" credit on the project (403 `OFFER_CREDIT_REQUIRED`). Providers who spent "consultation" read every message and file; the others see only their own.',
    refusals: [
      { status: 400, code: 'REPORT_INVALID_TEXT' },
      { status: 403, code: 'OFFER_CREDIT_REQUIRED' },
      { status: 403, code: 'REPORT_NOT_A_PARTICIPANT' },
      NOT_FOUND,
      { status: 409, code: 'PROJECT_REPORT_CLOSED', currentStatus: 'withdrawn' },
      ...FILE_REFUSALS,
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: BidReportMessageResponse,
    description: 'The message as posted.',
  })
  postMessage(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: BidReportMessageDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.withFiles(actor, projectId, body, key, (a, input) =>
      this.bids.postMessage(a, projectId, input),
    );
  }

  @Post('projects/:projectId/contact')
  @Roles('provider')
  @HttpCode(200)
  @ApiParam(projectParam())
  @ApiStateChange({
    summary: 'The client’s contact details (spend a "contact direct" credit)',
    description: `The client's name, e-mail and phone, read from their account at this moment (never copied anywhere). Once the client's account is erased they are gone: 404 \`CLIENT_CONTACT_ERASED\`, and no credit is spent. ${CREDIT_RULE}`,
    refusals: [
      NOT_FOUND,
      { status: 404, code: 'CLIENT_CONTACT_ERASED' },
      NOT_OPEN,
      NO_CREDIT,
      FROZEN,
      OWN,
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: BidClientContactResponse })
  contact(@CurrentActor() actor: Actor, @IdParam('projectId') projectId: string) {
    return this.bids.contact(bidActor(actor), projectId);
  }

  @Get('projects/:projectId/report')
  @Roles('client', 'provider')
  @ApiBearerAuth()
  @ApiParam(projectParam())
  @ApiOperation({
    summary: 'The project report',
    description:
      'For the client and for the providers who spent "consultation": the brief, its attachments, every offer (amount, delay, message, read state), every question and message with its files, the status and, for the selected provider, the notice inviting them to confirm the terms. A provider who did not consult sees only their own offer and messages (`access: own`). When the client reads it, every unread offer gets its read receipt. Offers and messages come from the bids read model (a moment behind).',
  })
  @ApiOkResponse({ type: BidProjectReportResponse })
  @ApiResponse({ status: 404, description: '`PROJECT_NOT_FOUND`: unknown, or not your project.' })
  report(@CurrentActor() actor: Actor, @IdParam('projectId') projectId: string) {
    return this.bids.report(bidActor(actor), projectId);
  }

  @Get('me/project-offers')
  @Roles('provider')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'My offers',
    description:
      'Every offer I made, newest first, with the project’s title and status, whether the client read it and whether I was selected.',
  })
  @ApiOkResponse({ type: BidMyOfferListResponse })
  myOffers(@CurrentActor() actor: Actor, @Query() query: BidMyOffersQuery) {
    return this.bids.myOffers(bidActor(actor), {
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }
}
