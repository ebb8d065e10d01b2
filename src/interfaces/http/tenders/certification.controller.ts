import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { CertificationResult } from '../../../application/tenders/certification.handler';
import {
  CertificationCommandMessage,
  certificationStream,
  linkTokenHash,
  newLinkToken,
} from '../../../application/tenders/certification.messages';
import { Clock } from '../../../application/shared/clock';
import { loadAggregate } from '../../../application/shared/command-handling';
import { EVENT_STORE, EventStore } from '../../../application/shared/event-store.port';
import { existingRevisionOf } from '../../../application/shared/revision';
import {
  CERTIFICATION_RULES,
  CERTIFICATION_STATUS_LABELS,
  certificationDecider,
  linkInvalid,
  REFERENCE_STATUS_LABELS,
  referenceNotFound,
  reputationOf,
  type CertificationCommand,
  type CertificationState,
} from '../../../domain/tenders';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import {
  providerOfReference,
  referenceByTokenHash,
  staffReferences,
} from '../../../projections/tender-certification/tender-certification.queries';
import { Actor, CurrentActor, Public, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, commandOptions, newId } from '../shared/http-support';
import {
  AddCertificationReferenceDto,
  AnswerReferenceDto,
  ApproveReferenceDto,
  MyCertificationResponse,
  ReasonDto,
  ReferenceLinkResponse,
  StaffReferenceListResponse,
  StaffReferencesQuery,
  StaffReviewResponse,
  WithdrawalResponse,
} from './certification.dto';

const TAG = 'tenders: certification';
const TOKEN = /^[0-9a-f]{64}$/;

/** The provider's view of their certification, folded from the stream itself (no read-model lag). */
export function myCertificationView(
  providerId: string,
  state: CertificationState,
  revision: bigint | null,
  now: string,
): MyCertificationResponse {
  return {
    providerId,
    status: state.status,
    statusLabel: CERTIFICATION_STATUS_LABELS[state.status],
    certified: state.status === 'certified',
    basis: state.status === 'certified' ? state.basis : null,
    certifiedAt: state.status === 'certified' ? state.certifiedAt : null,
    withdrawnAt: state.withdrawnAt,
    withdrawalReason: state.withdrawalReason,
    approvedReferences: state.countingApprovals.length,
    reputation: reputationOf(state),
    rules: {
      maxOpenReferences: CERTIFICATION_RULES.maxOpenReferences,
      linkValidityDays: CERTIFICATION_RULES.linkValidityDays,
      referencesToCertify: CERTIFICATION_RULES.referencesToCertify,
      reputationMinReviewedProjects: CERTIFICATION_RULES.reputationMinReviewedProjects,
      reputationMinAverage: CERTIFICATION_RULES.reputationMinAverage,
    },
    references: state.references.map((r) => ({
      referenceId: r.referenceId,
      name: r.contact.name,
      email: r.contact.email,
      company: r.company,
      work: r.work,
      year: r.year,
      status: r.status,
      statusLabel: REFERENCE_STATUS_LABELS[r.status],
      addedAt: r.addedAt,
      lastSentAt: r.lastSentAt,
      sendCount: r.sendCount,
      linkExpiresAt: r.linkExpiresAt,
      linkExpired: r.status === 'sent' && now >= r.linkExpiresAt,
      answerComment: r.answerComment,
      answeredAt: r.answeredAt,
      reviewReason: r.reviewReason,
      reviewedAt: r.reviewedAt,
    })),
    revision: existingRevisionOf(revision),
  };
}

/** The provider's side (seed 003: "Comment dois-je procéder pour me faire certifier ?"). */
@ApiTags(TAG)
@ApiBearerAuth()
@Controller('me/certification')
export class MyCertificationController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Roles('provider')
  @ApiOperation({
    summary: 'My certification: status, references and the SCP’s reasons',
    description:
      'Certified with 3 client references approved by the SCP, or by reputation: at least 5 finished projects reviewed by their clients with an average of at least 4.5/5. Each reference shows whether its client answered, whether its link expired (resend it) and the SCP’s reason for a refusal.',
  })
  @ApiOkResponse({ type: MyCertificationResponse })
  async mine(@CurrentActor() actor: Actor): Promise<MyCertificationResponse> {
    const { state, revision } = await loadAggregate(
      this.store,
      certificationStream(actor.accountId),
      certificationDecider,
    );
    return myCertificationView(actor.accountId, state, revision, this.clock.now().toISOString());
  }

  @Post('references')
  @Roles('provider')
  @ApiStateChange({
    summary: 'Add a client reference: it is e-mailed a link to confirm',
    description:
      'A client you worked for in the last 10 years (name, e-mail, company, what you did, year). The reference receives an e-mail with a single-use link valid 30 days; at most 10 references may await an answer or the SCP’s review at once, and one client e-mail once among them.',
    refusals: [
      { status: 400, code: 'CERTIFICATION_INVALID_FIELD' },
      { status: 422, code: 'CERTIFICATION_TOO_MANY_OPEN_REFERENCES' },
      { status: 422, code: 'CERTIFICATION_REFERENCE_DUPLICATE' },
    ],
  })
  @ApiCreatedResponse({ type: MyCertificationResponse, description: 'The reference is asked.' })
  add(
    @CurrentActor() actor: Actor,
    @Body() body: AddCertificationReferenceDto,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    const token = newLinkToken();
    return this.send(
      actor,
      {
        type: 'AddCertificationReference',
        data: {
          providerId: actor.accountId,
          referenceId: newId('certification_reference', actor, idempotencyKey),
          name: body.name,
          email: body.email,
          company: body.company,
          work: body.work,
          year: body.year,
          tokenHash: linkTokenHash(token),
        },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      token,
      ifMatch,
    );
  }

  @Post('references/:referenceId/resend')
  @HttpCode(200)
  @Roles('provider')
  @ApiStateChange({
    summary: 'Send the reference its e-mail again, with a new link',
    description:
      'Answers "mon client n’a pas reçu le mail": a new link valid 30 days replaces the old one (which stops working). Only while the reference has not answered.',
    refusals: [
      { status: 404, code: 'CERTIFICATION_REFERENCE_NOT_FOUND' },
      { status: 409, code: 'CERTIFICATION_REFERENCE_ALREADY_ANSWERED', currentStatus: 'confirmed' },
    ],
  })
  @ApiOkResponse({ type: MyCertificationResponse, description: 'The e-mail is sent again.' })
  resend(
    @CurrentActor() actor: Actor,
    @IdParam('referenceId') referenceId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    const token = newLinkToken();
    return this.send(
      actor,
      {
        type: 'ResendCertificationReference',
        data: { providerId: actor.accountId, referenceId, tokenHash: linkTokenHash(token) },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      token,
      ifMatch,
    );
  }

  private async send(
    actor: Actor,
    command: CertificationCommand,
    token: string,
    ifMatch?: string,
  ): Promise<MyCertificationResponse> {
    const result: CertificationResult = await this.commandBus.execute(
      new CertificationCommandMessage(
        actor.accountId,
        command,
        actor.causation,
        commandOptions(ifMatch),
        token,
      ),
    );
    return myCertificationView(
      actor.accountId,
      result.state,
      result.nextExpectedRevision,
      command.meta.now,
    );
  }
}

/** The reference's side: the link in the e-mail, without an account. */
@ApiTags(TAG)
@Controller('certification-references')
export class CertificationReferenceLinkController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get(':token')
  @Public()
  @ApiOperation({
    summary: 'What a certification reference is asked (public link)',
    description:
      'The provider, the company, the work and the year the provider named. An unknown or replaced link answers 404 `CERTIFICATION_LINK_INVALID`.',
  })
  @ApiParam({ name: 'token', description: 'The 64-character token of the e-mailed link.' })
  @ApiOkResponse({ type: ReferenceLinkResponse })
  @ApiResponse({ status: 404, description: '`CERTIFICATION_LINK_INVALID`.' })
  async show(@Param('token') token: string): Promise<ReferenceLinkResponse> {
    const { providerId, state } = await this.byToken(token);
    return this.view(providerId, state, token, this.clock.now().toISOString());
  }

  /** The reference behind the link, as the state (loaded or just decided) holds it. */
  private async view(
    providerId: string,
    state: CertificationState,
    token: string,
    now: string,
  ): Promise<ReferenceLinkResponse> {
    const reference = state.references.find((r) => r.tokenHash === linkTokenHash(token));
    if (!reference) throw linkInvalid();
    const expired = now >= reference.linkExpiresAt;
    return {
      referenceId: reference.referenceId,
      providerId,
      providerDisplayName: await this.displayName(providerId),
      name: reference.contact.name,
      company: reference.company,
      work: reference.work,
      year: reference.year,
      status: reference.status,
      statusLabel: REFERENCE_STATUS_LABELS[reference.status],
      linkExpiresAt: reference.linkExpiresAt,
      expired: reference.status === 'sent' && expired,
      answerable: reference.status === 'sent' && !expired,
    };
  }

  @Post(':token')
  @HttpCode(200)
  @Public()
  @ApiStateChange({
    summary: 'Confirm or decline a certification reference (public link)',
    description:
      'Once only: a second answer is 409 `CERTIFICATION_REFERENCE_ALREADY_ANSWERED`; after 30 days the link is 409 `CERTIFICATION_LINK_EXPIRED` (the provider can send a new one). A confirmed reference then goes to the SCP’s review.',
    refusals: [
      { status: 400, code: 'CERTIFICATION_INVALID_FIELD' },
      { status: 404, code: 'CERTIFICATION_LINK_INVALID' },
      { status: 409, code: 'CERTIFICATION_LINK_EXPIRED', currentStatus: 'expired' },
      { status: 409, code: 'CERTIFICATION_REFERENCE_ALREADY_ANSWERED', currentStatus: 'confirmed' },
    ],
    ifMatch: false,
  })
  @ApiParam({ name: 'token', description: 'The 64-character token of the e-mailed link.' })
  @ApiOkResponse({ type: ReferenceLinkResponse, description: 'The answer is recorded.' })
  async answer(
    @Param('token') token: string,
    @Body() body: AnswerReferenceDto,
  ): Promise<ReferenceLinkResponse> {
    const { providerId, referenceId } = await this.lookup(token);
    const now = this.clock.now().toISOString();
    const result: CertificationResult = await this.commandBus.execute(
      new CertificationCommandMessage(
        providerId,
        {
          type: 'AnswerCertificationReference',
          data: {
            providerId,
            referenceId,
            tokenHash: linkTokenHash(token),
            answer: body.answer,
            comment: body.comment,
          },
          // The reference has no account: the reference id stands for the actor.
          meta: { now, actorId: referenceId, actorRole: 'client' },
        },
        { correlationId: randomUUID() },
      ),
    );
    // The decided state answers: no second read of the stream.
    return this.view(providerId, result.state, token, now);
  }

  private async lookup(token: string) {
    if (!TOKEN.test(token)) throw linkInvalid();
    const found = await referenceByTokenHash(this.pool, linkTokenHash(token));
    if (!found) throw linkInvalid();
    return found;
  }

  private async byToken(token: string) {
    const { providerId } = await this.lookup(token);
    const { state } = await loadAggregate(
      this.store,
      certificationStream(providerId),
      certificationDecider,
    );
    return { providerId, state };
  }

  private async displayName(accountId: string): Promise<string | null> {
    try {
      const { rows } = await this.pool.query(
        'SELECT display_name FROM rm_profile_parties WHERE account_id = $1',
        [accountId],
      );
      return (rows[0]?.display_name as string | null) ?? null;
    } catch {
      return null;
    }
  }
}

/** The SCP (Service Certification Prestataires): staff with the admin role. */
@ApiTags(TAG)
@ApiBearerAuth()
@Controller('staff/certification')
export class StaffCertificationController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('references')
  @Roles('admin')
  @ApiOperation({
    summary: 'References by state (default: confirmed, awaiting the SCP’s review)',
    description:
      'Oldest answer first, with the contact the SCP checks. Read model: a reference just answered may take a moment to show.',
  })
  @ApiOkResponse({ type: StaffReferenceListResponse })
  list(@Query() query: StaffReferencesQuery) {
    return staffReferences(this.pool, {
      state: query.state,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  @Post('references/:referenceId/approve')
  @HttpCode(200)
  @Roles('admin')
  @ApiStateChange({
    summary: 'Approve a confirmed reference',
    description:
      'The third approved reference certifies the provider ("Prestataire Certifié" on the profile and in search).',
    refusals: [
      { status: 404, code: 'CERTIFICATION_REFERENCE_NOT_FOUND' },
      { status: 409, code: 'CERTIFICATION_REFERENCE_NOT_CONFIRMED', currentStatus: 'sent' },
    ],
  })
  @ApiOkResponse({ type: StaffReviewResponse })
  approve(
    @CurrentActor() actor: Actor,
    @IdParam('referenceId') referenceId: string,
    @Body() body: ApproveReferenceDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.review(actor, referenceId, 'approve', body?.reason, ifMatch);
  }

  @Post('references/:referenceId/refuse')
  @HttpCode(200)
  @Roles('admin')
  @ApiStateChange({
    summary: 'Refuse a confirmed reference, with a reason the provider reads',
    description:
      'Answers "pour quelle raison ma référence a été refusée": the reason shows on the provider’s certification page and is e-mailed to them; they may add another reference.',
    refusals: [
      { status: 400, code: 'CERTIFICATION_REASON_REQUIRED' },
      { status: 404, code: 'CERTIFICATION_REFERENCE_NOT_FOUND' },
      { status: 409, code: 'CERTIFICATION_REFERENCE_NOT_CONFIRMED', currentStatus: 'approved' },
    ],
  })
  @ApiOkResponse({ type: StaffReviewResponse })
  refuse(
    @CurrentActor() actor: Actor,
    @IdParam('referenceId') referenceId: string,
    @Body() body: ReasonDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.review(actor, referenceId, 'refuse', body?.reason, ifMatch);
  }

  @Post('providers/:providerId/withdraw')
  @HttpCode(200)
  @Roles('admin')
  @ApiStateChange({
    summary: 'Withdraw a provider’s certification, with a reason',
    description:
      'The badge goes at once. Approvals and reviews from before no longer certify: 3 new approved references, or a new client review with the reputation threshold met, certify again.',
    refusals: [
      { status: 400, code: 'CERTIFICATION_REASON_REQUIRED' },
      { status: 409, code: 'PROVIDER_NOT_CERTIFIED', currentStatus: 'uncertified' },
    ],
  })
  @ApiOkResponse({ type: WithdrawalResponse })
  async withdraw(
    @CurrentActor() actor: Actor,
    @IdParam('providerId') providerId: string,
    @Body() body: ReasonDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<WithdrawalResponse> {
    const result: CertificationResult = await this.commandBus.execute(
      new CertificationCommandMessage(
        providerId,
        {
          type: 'WithdrawCertification',
          data: { providerId, reason: body?.reason },
          meta: actor.meta(this.clock.now(), 'admin'),
        },
        actor.causation,
        commandOptions(ifMatch),
      ),
    );
    const { state } = result;
    return {
      providerId,
      status: 'withdrawn',
      statusLabel: CERTIFICATION_STATUS_LABELS.withdrawn,
      withdrawalReason: state.withdrawalReason ?? '',
      withdrawnAt: state.withdrawnAt ?? '',
      revision: existingRevisionOf(result.nextExpectedRevision),
    };
  }

  private async review(
    actor: Actor,
    referenceId: string,
    decision: 'approve' | 'refuse',
    reason: unknown,
    ifMatch?: string,
  ): Promise<StaffReviewResponse> {
    const providerId = await providerOfReference(this.pool, referenceId);
    if (!providerId) throw referenceNotFound(referenceId);
    const result: CertificationResult = await this.commandBus.execute(
      new CertificationCommandMessage(
        providerId,
        {
          type: 'ReviewCertificationReference',
          data: { providerId, referenceId, decision, reason },
          meta: actor.meta(this.clock.now(), 'admin'),
        },
        actor.causation,
        commandOptions(ifMatch),
      ),
    );
    const reference = result.state.references.find((r) => r.referenceId === referenceId)!;
    return {
      referenceId,
      providerId,
      status: reference.status,
      statusLabel: REFERENCE_STATUS_LABELS[reference.status],
      reviewReason: reference.reviewReason,
      providerCertified: result.state.status === 'certified',
      revision: existingRevisionOf(result.nextExpectedRevision),
    };
  }
}
