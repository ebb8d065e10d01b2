import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FileReferences } from '../../../application/files/file-references.contract';
import { GetProviderVerificationQuery } from '../../../application/identity/provider-verification.query';
import { forParty, existingMission, priceFor } from '../../../application/missions/mission-party';
import {
  MISSION_PAYMENTS,
  MissionPayments,
} from '../../../application/missions/mission-payments.port';
import {
  MissionRequests,
  MissionResult,
} from '../../../application/missions/mission-request.service';
import { missionSchedule } from '../../../application/missions/mission-schedule';
import { MISSION_SETTINGS, MissionSettings } from '../../../application/missions/mission-settings';
import {
  MissionCommandMessage,
  missionStream,
} from '../../../application/missions/mission.messages';
import { Clock } from '../../../application/shared/clock';
import { CommandBuilder, loadAggregate } from '../../../application/shared/command-handling';
import { deterministicId } from '../../../application/shared/deterministic-id';
import { EVENT_STORE, EventStore } from '../../../application/shared/event-store.port';
import { existingRevisionOf } from '../../../application/shared/revision';
import {
  ExistingMission,
  MISSION_STATUS_LABELS,
  MissionCommand,
  MissionErrorCode,
  missionDecider,
  MissionState,
} from '../../../domain/missions';
import { missionNotFound, refused } from '../../../domain/missions/mission.errors';
import { ensureOpen, requireClient } from '../../../domain/missions/mission.guards';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, asParty, commandOptions, newId } from '../shared/http-support';
import {
  AppreciateMissionDto,
  CancelMissionDto,
  ChangeMissionDto,
  CommentDto,
  PostMissionMessageDto,
  ProposeMissionChangeDto,
  PublishMissionDto,
  RecommendMissionDto,
  RefuseMissionDto,
  ReplacePaymentMethodDto,
} from './missions.dto';
import {
  ChangeProposedResponse,
  MissionChangeResponse,
  MissionMessagePostedResponse,
  PublishedMissionResponse,
} from './missions-responses.dto';

const MISSION_ID = { name: 'missionId', example: '5b8f0c2e-1d3a-4e7b-9c6d-2a4f6e8b0c1d' };
const PROPOSAL_ID = { name: 'proposalId', example: 'e4c2a0b8-6d4f-4b2a-9e8c-7a5b3c1d9e0f' };
const C = MissionErrorCode;
const UNKNOWN = { status: 404 as const, code: C.NOT_FOUND };
const TERMINAL = { status: 409 as const, code: C.TERMINAL, currentStatus: 'cancelled' };
const DISPUTED = { status: 409 as const, code: C.DISPUTED, currentStatus: 'disputed' };
const NOT_PENDING = { status: 409 as const, code: C.NOT_PENDING, currentStatus: 'confirmed' };
const NOT_CONFIRMED = { status: 409 as const, code: C.NOT_CONFIRMED, currentStatus: 'pending' };
const VALIDATED = { status: 409 as const, code: C.ALREADY_VALIDATED, currentStatus: 'validated' };
const ONLY_CLIENT = { status: 403 as const, code: C.ONLY_CLIENT };
const ONLY_PROVIDER = { status: 403 as const, code: C.ONLY_PROVIDER };
const BAD_TERMS = [
  { status: 400 as const, code: C.INVALID_DURATION },
  { status: 422 as const, code: C.START_IN_PAST },
];
const FILE_NOT_YOURS = { status: 422 as const, code: 'FILE_NOT_FOUND' };
const FILE_WRONG_PURPOSE = { status: 422 as const, code: 'FILE_PURPOSE_MISMATCH' };

@ApiTags('missions')
@Controller('missions')
export class MissionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly requests: MissionRequests,
    private readonly files: FileReferences,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MISSION_PAYMENTS) private readonly payments: MissionPayments,
    @Inject(MISSION_SETTINGS) private readonly settings: MissionSettings,
  ) {}

  @Post()
  @Roles('client')
  @ApiStateChange({
    summary: 'Request a service ("Demander un service")',
    description:
      'Seed 000 "Comment demander un service ?": a service type, a place (coordinates derived from the French postal code when not given), a date and time, an estimated duration and important details. Without `providerReference` the request goes to the available providers (offering the type, covering the place, free at that slot, verified), ranked, at most MISSION_DISPATCH_LIMIT; with it, to that provider only (seed 002). The highest of their prices is reserved on the card ("Solde Sécurisé"): authorised now when that authorisation lasts until `autoValidateAt`, else the card is saved and authorised automatically at `authoriseAt` (docs/missions.md). The client is charged only at validation. With `hourPackId` instead of `paymentMethod` the mission is paid from the client’s hour pack (docs/plans-hour-packs.md): no card is authorised, the pack reserves the duration at confirmation. Nothing is written when anything is refused. With an `Idempotency-Key` the mission id derives from it, so a retry never reserves twice.',
    refusals: [
      ...BAD_TERMS,
      { status: 422, code: 'SERVICE_TYPE_NOT_FOUND' },
      { status: 422, code: 'POSTAL_CODE_UNKNOWN' },
      { status: 422, code: 'MISSION_NO_AVAILABLE_PROVIDER' },
      { status: 422, code: 'PROVIDER_REFERENCE_UNKNOWN' },
      { status: 422, code: 'PROVIDER_DOES_NOT_OFFER_SERVICE' },
      { status: 422, code: C.CLIENT_IS_CANDIDATE },
      { status: 422, code: 'PAYMENT_DECLINED' },
      { status: 422, code: 'MISSION_PAYMENT_SOURCE_REQUIRED' },
      { status: 422, code: 'HOUR_PACK_NOT_FOUND' },
      { status: 422, code: 'HOUR_PACK_WRONG_SERVICE_TYPE' },
      { status: 422, code: 'HOUR_PACK_EXPIRED' },
      { status: 422, code: 'HOUR_PACK_INSUFFICIENT_HOURS' },
    ],
    ifMatch: false,
  })
  @ApiResponse({ status: 201, type: PublishedMissionResponse, description: 'The pending request.' })
  async publish(
    @CurrentActor() actor: Actor,
    @Body() body: PublishMissionDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<PublishedMissionResponse> {
    const missionId = newId('mission', actor, key);
    const result = await this.requests.publish(
      {
        missionId,
        clientId: actor.accountId,
        serviceTypeId: body.serviceTypeId,
        place: body.place,
        startsAt: body.startsAt,
        durationMinutes: body.durationMinutes,
        details: body.details,
        providerReference: body.providerReference,
        paymentMethod: body.paymentMethod,
        hourPackId: body.hourPackId,
      },
      actor.meta(this.clock.now(), 'client'),
      actor.causation,
    );
    const state = result.state;
    if (state.status === 'none') throw missionNotFound(missionId);
    return {
      ...changeResponse(missionId, result),
      escrowId: state.escrowId,
      reservedCents: state.reservedCents,
      paymentPlan: state.payment.plan,
      authoriseAt: state.payment.authoriseAt,
      respondBy: state.respondBy,
      autoValidateAt: state.autoValidateAt,
      candidates: state.candidates.length,
      targeting: state.targeting,
    };
  }

  @Post(':missionId/accept')
  @HttpCode(200)
  @Roles('provider')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Accept the request',
    description:
      "Seed 000: the first acceptance confirms the mission at the accepting provider's price (the reservation above it is given back at once); every later one is refused with 409 MISSION_ALREADY_CONFIRMED. Only verified providers take paid missions.",
    refusals: [
      UNKNOWN,
      { status: 403, code: C.PROVIDER_NOT_VERIFIED },
      { status: 409, code: C.ALREADY_CONFIRMED, currentStatus: 'confirmed' },
      { status: 409, code: C.ALREADY_REFUSED, currentStatus: 'pending' },
      { status: 409, code: C.RESPONSE_WINDOW_CLOSED, currentStatus: 'pending' },
      TERMINAL,
    ],
  })
  @ApiResponse({ status: 200, type: MissionChangeResponse })
  async accept(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MissionChangeResponse> {
    const meta = actor.meta(this.clock.now(), 'provider');
    const verification = await this.queryBus.execute(
      new GetProviderVerificationQuery(actor.accountId, meta.now),
    );
    return this.send(
      actor,
      missionId,
      () => ({
        type: 'AcceptMission',
        data: { missionId, providerId: actor.accountId, providerVerified: verification.verified },
        meta,
      }),
      ifMatch,
    );
  }

  @Post(':missionId/refuse')
  @HttpCode(200)
  @Roles('provider')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Refuse the request',
    description:
      'Seed 000: a provider the request was sent to declines it for a reason of skills, availability or place. The request stays open for the others until `respondBy`.',
    refusals: [
      UNKNOWN,
      { status: 400, code: C.INVALID_REFUSAL_REASON },
      { status: 409, code: C.ALREADY_REFUSED, currentStatus: 'pending' },
      { status: 409, code: C.RESPONSE_WINDOW_CLOSED, currentStatus: 'pending' },
      NOT_PENDING,
      TERMINAL,
    ],
  })
  @ApiResponse({ status: 200, type: MissionChangeResponse })
  refuse(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Body() body: RefuseMissionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MissionChangeResponse> {
    const meta = actor.meta(this.clock.now(), 'provider');
    return this.send(
      actor,
      missionId,
      () => ({
        type: 'RefuseMission',
        data: {
          missionId,
          providerId: actor.accountId,
          reason: body.reason,
          comment: body.comment,
        },
        meta,
      }),
      ifMatch,
    );
  }

  @Post(':missionId/change')
  @HttpCode(200)
  @Roles('client')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Change the request before any provider accepts',
    description:
      'Seed 000: until a provider has confirmed, the client changes the date, duration, details or place freely. The request is sent again (to the available providers for the new terms, or to the same provider for a direct request), earlier refusals no longer count, the response window restarts, and the reservation follows the new highest price (the money process authorises the card again when it grows; a refusal is told to the client as for a far-out mission).',
    refusals: [
      UNKNOWN,
      ONLY_CLIENT,
      ...BAD_TERMS,
      { status: 422, code: 'POSTAL_CODE_UNKNOWN' },
      { status: 422, code: 'MISSION_NO_AVAILABLE_PROVIDER' },
      { status: 422, code: 'PROVIDER_DOES_NOT_OFFER_SERVICE' },
      NOT_PENDING,
      TERMINAL,
    ],
    ifMatch: false,
  })
  @ApiResponse({ status: 200, type: MissionChangeResponse })
  async change(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Body() body: ChangeMissionDto,
  ): Promise<MissionChangeResponse> {
    const result = await this.requests.change(
      { missionId, ...body },
      actor.meta(this.clock.now(), 'client'),
      actor.causation,
    );
    return changeResponse(missionId, result);
  }

  @Post(':missionId/change-proposals')
  @Roles('client')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Propose a change of the confirmed mission',
    description:
      "Seed 000: once confirmed, a change of date, duration or details is a proposal the provider accepts or refuses; nothing changes until then. One proposal at a time; the price follows the provider's pricing (hourly rate × duration, or the fixed price).",
    refusals: [
      UNKNOWN,
      ONLY_CLIENT,
      ...BAD_TERMS,
      { status: 422, code: C.NOTHING_CHANGED },
      { status: 409, code: C.CHANGE_PENDING, currentStatus: 'confirmed' },
      NOT_CONFIRMED,
      DISPUTED,
      VALIDATED,
      TERMINAL,
    ],
  })
  @ApiResponse({ status: 201, type: ChangeProposedResponse })
  async proposeChange(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Body() body: ProposeMissionChangeDto,
    @Headers('idempotency-key') key?: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ChangeProposedResponse> {
    const proposalId = newId('mission-proposal', actor, key);
    const meta = actor.meta(this.clock.now(), 'client');
    const result = await this.dispatch(
      actor,
      missionId,
      (mission) => {
        const proposed = {
          startsAt: body.startsAt ?? mission.terms.startsAt,
          durationMinutes: body.durationMinutes ?? mission.terms.durationMinutes,
          details: body.details ?? mission.terms.details,
        };
        const provider = 'provider' in mission ? mission.provider : null;
        const priceCents = provider
          ? priceFor(provider.pricing, proposed.durationMinutes, provider.priceCents)
          : 0;
        return {
          type: 'ProposeMissionChange',
          data: { missionId, proposalId, proposedBy: actor.accountId, proposed, priceCents },
          meta,
        };
      },
      ifMatch,
    );
    const state = result.state;
    const proposal = state.status === 'confirmed' ? state.proposal : null;
    return {
      ...changeResponse(missionId, result),
      proposalId,
      priceCents: proposal?.proposalId === proposalId ? proposal.priceCents : 0,
    };
  }

  @Post(':missionId/change-proposals/:proposalId/accept')
  @HttpCode(200)
  @Roles('provider')
  @ApiParam(MISSION_ID)
  @ApiParam(PROPOSAL_ID)
  @ApiStateChange({
    summary: 'Accept the proposed change',
    description:
      'The confirmed provider accepts: the proposed date, duration and details replace the confirmed ones, with the new price (commission recomputed), and the deadlines (authorisation, auto-validation) follow.',
    refusals: [
      UNKNOWN,
      ONLY_PROVIDER,
      { status: 409, code: C.NO_CHANGE_PROPOSED, currentStatus: 'confirmed' },
      { status: 409, code: C.PROPOSAL_MISMATCH, currentStatus: 'confirmed' },
      { status: 422, code: C.START_IN_PAST },
      NOT_CONFIRMED,
      DISPUTED,
      VALIDATED,
      TERMINAL,
    ],
  })
  @ApiResponse({ status: 200, type: MissionChangeResponse })
  acceptChange(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @IdParam('proposalId') proposalId: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MissionChangeResponse> {
    const meta = actor.meta(this.clock.now(), 'provider');
    return this.send(
      actor,
      missionId,
      (mission) => {
        const proposal = 'proposal' in mission ? mission.proposal : null;
        // Without the named proposal the decider refuses before reading the deadlines.
        const schedule = missionSchedule(
          proposal?.proposed ?? mission.terms,
          meta.now,
          this.settings,
        );
        return {
          type: 'AcceptMissionChange',
          data: {
            missionId,
            proposalId,
            authoriseAt: schedule.authoriseAt,
            autoValidateAt: schedule.autoValidateAt,
          },
          meta,
        };
      },
      ifMatch,
    );
  }

  @Post(':missionId/change-proposals/:proposalId/refuse')
  @HttpCode(200)
  @Roles('provider')
  @ApiParam(MISSION_ID)
  @ApiParam(PROPOSAL_ID)
  @ApiStateChange({
    summary: 'Refuse the proposed change',
    description: 'The confirmed provider refuses; the mission stays as confirmed.',
    refusals: [
      UNKNOWN,
      ONLY_PROVIDER,
      { status: 409, code: C.NO_CHANGE_PROPOSED, currentStatus: 'confirmed' },
      { status: 409, code: C.PROPOSAL_MISMATCH, currentStatus: 'confirmed' },
      NOT_CONFIRMED,
      DISPUTED,
      VALIDATED,
      TERMINAL,
    ],
  })
  @ApiResponse({ status: 200, type: MissionChangeResponse })
  refuseChange(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @IdParam('proposalId') proposalId: string,
    @Body() body: CommentDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MissionChangeResponse> {
    const meta = actor.meta(this.clock.now(), 'provider');
    return this.send(
      actor,
      missionId,
      () => ({
        type: 'RefuseMissionChange',
        data: { missionId, proposalId, comment: body.comment },
        meta,
      }),
      ifMatch,
    );
  }

  @Post(':missionId/change-proposals/:proposalId/withdraw')
  @HttpCode(200)
  @Roles('client')
  @ApiParam(MISSION_ID)
  @ApiParam(PROPOSAL_ID)
  @ApiStateChange({
    summary: 'Withdraw the proposed change',
    description: 'The client takes the proposal back before the provider answers.',
    refusals: [
      UNKNOWN,
      ONLY_CLIENT,
      { status: 409, code: C.NO_CHANGE_PROPOSED, currentStatus: 'confirmed' },
      { status: 409, code: C.PROPOSAL_MISMATCH, currentStatus: 'confirmed' },
      NOT_CONFIRMED,
      DISPUTED,
      VALIDATED,
      TERMINAL,
    ],
  })
  @ApiResponse({ status: 200, type: MissionChangeResponse })
  withdrawChange(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @IdParam('proposalId') proposalId: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MissionChangeResponse> {
    const meta = actor.meta(this.clock.now(), 'client');
    return this.send(
      actor,
      missionId,
      () => ({ type: 'WithdrawMissionChange', data: { missionId, proposalId }, meta }),
      ifMatch,
    );
  }

  @Post(':missionId/cancel')
  @HttpCode(200)
  @Roles('client', 'provider')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Cancel the request or the appointment',
    description:
      'Seed 002 "Vous pouvez annuler votre demande en attente et vos prochains rendez-vous": the client cancels a pending request or a confirmed appointment; the confirmed provider may cancel the appointment. A client\'s cancellation of a confirmed mission within MISSION_LATE_CANCEL_WINDOW_HOURS of the start is late and keeps MISSION_LATE_CANCEL_FEE_BP of the price for the provider (default: free); the rest goes back to the client. Every cancellation is recorded where the profiles show it.',
    refusals: [UNKNOWN, DISPUTED, VALIDATED, TERMINAL],
  })
  @ApiResponse({ status: 200, type: MissionChangeResponse })
  cancel(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Body() body: CancelMissionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MissionChangeResponse> {
    const now = this.clock.now();
    return this.send(
      actor,
      missionId,
      (mission) => {
        const byClient = mission.clientId === actor.accountId;
        return {
          type: 'CancelMission',
          data: {
            missionId,
            cancelledBy: byClient ? 'client' : 'provider',
            actorId: actor.accountId,
            reason: body.reason,
            lateWindowHours: this.settings.lateCancelWindowHours,
            lateFeeBp: this.settings.lateCancelFeeBp,
          },
          meta: actor.meta(now, byClient ? 'client' : 'provider'),
        };
      },
      ifMatch,
    );
  }

  @Post(':missionId/validate')
  @HttpCode(200)
  @Roles('client')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Validate: "Mission terminée ✔"',
    description:
      'Seed 000: once the mission has started, the client validates it; the reserved amount is charged now (the accepted price, never more) and the provider is paid at once. Without validation or a reported problem by `autoValidateAt` it is validated automatically (docs/missions.md).',
    refusals: [
      UNKNOWN,
      ONLY_CLIENT,
      { status: 409, code: C.NOT_STARTED, currentStatus: 'confirmed' },
      { status: 409, code: C.NOT_AUTHORISED, currentStatus: 'confirmed' },
      NOT_CONFIRMED,
      DISPUTED,
      VALIDATED,
      TERMINAL,
    ],
  })
  @ApiResponse({ status: 200, type: MissionChangeResponse })
  validate(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MissionChangeResponse> {
    const meta = actor.meta(this.clock.now(), 'client');
    return this.send(
      actor,
      missionId,
      () => ({ type: 'ValidateMission', data: { missionId, validatedBy: 'client' }, meta }),
      ifMatch,
    );
  }

  @Post(':missionId/messages')
  @Roles('client', 'provider')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Post a message in the mission',
    description:
      'Seed 000: the client and the provider talk inside the mission (while the request is pending, each provider it was sent to may ask before accepting). Attach files uploaded as `message_attachment` (`POST /files`); the other party reads them through `GET /files/{fileId}/link`. Closed once the mission is cancelled or expired.',
    refusals: [
      UNKNOWN,
      { status: 400, code: C.MESSAGE_EMPTY },
      FILE_NOT_YOURS,
      FILE_WRONG_PURPOSE,
      { status: 409, code: C.TERMINAL, currentStatus: 'cancelled' },
    ],
    ifMatch: false,
  })
  @ApiResponse({ status: 201, type: MissionMessagePostedResponse })
  async postMessage(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Body() body: PostMissionMessageDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<MissionMessagePostedResponse> {
    const messageId = newId('mission-message', actor, key);
    const fileRefs = (body.fileIds ?? []).map((id) => id.toLowerCase());
    const meta = actor.meta(this.clock.now());
    const result = await this.files.attach(
      actor.accountId,
      body.fileIds ?? [],
      'message_attachment',
      { kind: 'mission', subjectId: missionId },
      'fileIds',
      () =>
        this.dispatch(actor, missionId, () => ({
          type: 'PostMissionMessage',
          data: { missionId, messageId, authorId: actor.accountId, text: body.text, fileRefs },
          meta,
        })),
    );
    return { ...changeResponse(missionId, result), messageId };
  }

  @Post(':missionId/appreciation')
  @Roles('client')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Appreciate the intervention',
    description:
      'Seed 002: one appreciation per intervention, once it is validated (or its dispute decided), on the scale −2 très insatisfait, −1 insatisfait, 1 satisfait, 2 très satisfait, with a comment.',
    refusals: [
      UNKNOWN,
      ONLY_CLIENT,
      { status: 400, code: C.APPRECIATION_OUT_OF_SCALE },
      { status: 409, code: C.NOT_VALIDATED, currentStatus: 'confirmed' },
      { status: 409, code: C.ALREADY_APPRECIATED, currentStatus: 'validated' },
    ],
  })
  @ApiResponse({ status: 201, type: MissionChangeResponse })
  appreciate(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Body() body: AppreciateMissionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MissionChangeResponse> {
    const meta = actor.meta(this.clock.now(), 'client');
    return this.send(
      actor,
      missionId,
      () => ({
        type: 'AppreciateMission',
        data: {
          missionId,
          clientId: actor.accountId,
          appreciation: body.value,
          comment: body.comment ?? '',
        },
        meta,
      }),
      ifMatch,
    );
  }

  @Post(':missionId/recommendation')
  @Roles('client')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Recommend the provider',
    description:
      'Seed 002 "Vous pouvez laisser une recommandation que si vous êtes satisfait": only after a satisfied appreciation (1 or 2), once.',
    refusals: [
      UNKNOWN,
      ONLY_CLIENT,
      { status: 422, code: C.RECOMMENDATION_REQUIRES_SATISFACTION },
      { status: 409, code: C.NOT_VALIDATED, currentStatus: 'confirmed' },
      { status: 409, code: C.ALREADY_RECOMMENDED, currentStatus: 'validated' },
    ],
  })
  @ApiResponse({ status: 201, type: MissionChangeResponse })
  recommend(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Body() body: RecommendMissionDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MissionChangeResponse> {
    const meta = actor.meta(this.clock.now(), 'client');
    return this.send(
      actor,
      missionId,
      () => ({
        type: 'RecommendMission',
        data: { missionId, clientId: actor.accountId, text: body.text },
        meta,
      }),
      ifMatch,
    );
  }

  @Post(':missionId/payment-method')
  @HttpCode(200)
  @Roles('client')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Give another card after a failed authorisation',
    description:
      'For a mission authorised later: when the automatic authorisation of the saved card failed, the client gives another card; it is saved for off-session use and the next attempt uses it. Refused while no authorisation failed.',
    refusals: [
      UNKNOWN,
      ONLY_CLIENT,
      { status: 409, code: C.PAYMENT_NOT_FAILED, currentStatus: 'pending' },
      { status: 422, code: 'PAYMENT_DECLINED' },
      DISPUTED,
      VALIDATED,
      TERMINAL,
    ],
    ifMatch: false,
  })
  @ApiResponse({ status: 200, type: MissionChangeResponse })
  async replacePaymentMethod(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Body() body: ReplacePaymentMethodDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<MissionChangeResponse> {
    const meta = actor.meta(this.clock.now(), 'client');
    const { state } = await loadAggregate(this.store, missionStream(missionId), missionDecider);
    // The decider's own checks first, so that no card is saved for a refused replacement.
    const mission = existingMission(state, missionId, actor.accountId);
    requireClient(mission, meta);
    ensureOpen(mission);
    if (mission.payment.lastFailure === null) throw refused(C.PAYMENT_NOT_FAILED, mission);
    const { paymentMethodRef } = await this.payments.saveReplacement({
      missionId,
      clientId: actor.accountId,
      paymentMethod: body.paymentMethod,
      idempotencyKey:
        key ?? deterministicId('mission-replacement', missionId, body.paymentMethod, meta.now),
    });
    return this.send(actor, missionId, () => ({
      type: 'ReplaceMissionPaymentMethod',
      data: { missionId, paymentMethodRef },
      meta,
    }));
  }

  private async send(
    actor: Actor,
    missionId: string,
    build: (mission: ExistingMission) => MissionCommand,
    ifMatch?: string,
  ): Promise<MissionChangeResponse> {
    return changeResponse(missionId, await this.dispatch(actor, missionId, build, ifMatch));
  }

  /** Every command is built on the current state, for a party only; anyone else gets 404 MISSION_NOT_FOUND. */
  private dispatch(
    actor: Actor,
    missionId: string,
    build: (mission: ExistingMission) => MissionCommand,
    ifMatch?: string,
  ): Promise<MissionResult> {
    const command: CommandBuilder<MissionState, MissionCommand> = forParty(
      missionId,
      actor.accountId,
      build,
    );
    return asParty(
      actor,
      () => missionNotFound(missionId),
      () =>
        this.commandBus.execute(
          new MissionCommandMessage(missionId, command, actor.causation, commandOptions(ifMatch)),
        ),
      [C.NOT_PARTY],
    );
  }
}

function changeResponse(missionId: string, result: MissionResult): MissionChangeResponse {
  if (result.state.status === 'none') throw missionNotFound(missionId);
  return {
    missionId,
    status: result.state.status,
    statusLabel: MISSION_STATUS_LABELS[result.state.status],
    revision: existingRevisionOf(result.nextExpectedRevision),
  };
}
