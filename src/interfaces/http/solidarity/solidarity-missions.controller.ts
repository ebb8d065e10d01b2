import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Pool } from 'pg';
import { GEOCODER, type Geocoder } from '../../../application/missions/geocoder.port';
import { SolidarityMissionCommandMessage } from '../../../application/solidarity/solidarity-mission.messages';
import {
  postalCodeUnknown,
  SolidarityMissionProposals,
} from '../../../application/solidarity/solidarity-mission.proposals';
import { Clock } from '../../../application/shared/clock';
import { HandleResult } from '../../../application/shared/command-handling';
import { existingRevisionOf } from '../../../application/shared/revision';
import {
  placesLeft,
  SOLIDARITY_MISSION_STATUS_LABELS,
  SolidarityMissionErrorCode as C,
  solidarityMissionNotFound,
  type SolidarityMissionCommand,
  type SolidarityMissionEvent,
  type SolidarityMissionState,
} from '../../../domain/solidarity';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import {
  associationMissions,
  browseSolidarityMissions,
  signUpStatus,
  solidarityMissionById,
  volunteerSignUps,
} from '../../../projections/solidarity-missions/solidarity-missions.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, asParty, commandOptions, newId } from '../shared/http-support';
import { PageQuery } from '../shared/page-query.dto';
import {
  AssociationMissionListResponse,
  AttendanceResponse,
  BrowseSolidarityMissionsQuery,
  CancelSolidarityMissionDto,
  ConfirmAttendanceDto,
  ProposeSolidarityMissionDto,
  SolidarityMissionChangeResponse,
  SolidarityMissionDetailResponse,
  SolidarityMissionListResponse,
  VolunteerSignUpListResponse,
} from './solidarity-missions.dto';

const MISSION_ID = { name: 'missionId', example: '5b8f0c2e-1d3a-4e7b-9c6d-2a4f6e8b0c1d' };
const UNKNOWN = { status: 404 as const, code: C.NOT_FOUND };
const CANCELLED = { status: 409 as const, code: C.CANCELLED, currentStatus: 'cancelled' };
const COMPLETED = {
  status: 409 as const,
  code: C.ATTENDANCE_CONFIRMED,
  currentStatus: 'completed',
};
const STARTED = { status: 409 as const, code: C.STARTED, currentStatus: 'open' };
/** 10 volunteers racing for 3 places: each loser is decided again, at most once per place taken. */
const SIGN_UP_RETRIES = 20;

/** "Proposer une mission solidaire" and "Devenir bénévole": no money anywhere. */
@ApiTags('solidarity missions')
@ApiBearerAuth()
@Controller()
export class SolidarityMissionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly proposals: SolidarityMissionProposals,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(GEOCODER) private readonly geocoder: Geocoder,
  ) {}

  @Post('solidarity/missions')
  @Roles('association')
  @ApiStateChange({
    summary: 'Propose a solidarity mission ("Proposer une mission solidaire")',
    description:
      'An association whose verification is approved proposes a mission of an active solidarity type: a title, a description, a place (coordinates from the French postal code), a start in the future, a duration (30 min to 12 h) and the number of volunteers needed (1 to 100). No money moves. With an `Idempotency-Key` the mission id derives from it, so a retry never proposes twice.',
    refusals: [
      { status: 400, code: C.TITLE_REQUIRED },
      { status: 400, code: C.TITLE_TOO_LONG },
      { status: 400, code: C.DESCRIPTION_TOO_LONG },
      { status: 400, code: C.INVALID_DURATION },
      { status: 400, code: C.INVALID_VOLUNTEERS_NEEDED },
      { status: 403, code: C.ASSOCIATION_NOT_VERIFIED },
      { status: 409, code: C.EXISTS, currentStatus: 'open' },
      { status: 422, code: C.TYPE_NOT_FOUND },
      { status: 422, code: C.TYPE_RETIRED },
      { status: 422, code: C.START_IN_PAST },
      { status: 422, code: 'POSTAL_CODE_UNKNOWN' },
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: SolidarityMissionChangeResponse,
    description: 'The open mission.',
  })
  async propose(
    @CurrentActor() actor: Actor,
    @Body() body: ProposeSolidarityMissionDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<SolidarityMissionChangeResponse> {
    const missionId = newId('solidarity-mission', actor, key);
    const result = await this.proposals.propose(
      {
        missionId,
        solidarityTypeId: body.solidarityTypeId,
        title: body.title,
        description: body.description,
        place: body.place,
        startsAt: body.startsAt,
        durationMinutes: body.durationMinutes,
        volunteersNeeded: body.volunteersNeeded,
      },
      actor.meta(this.clock.now(), 'association'),
      actor.causation,
    );
    return changeResponse(missionId, result);
  }

  @Post('solidarity/missions/:missionId/cancel')
  @HttpCode(200)
  @Roles('association')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Cancel a solidarity mission',
    description:
      'Its association only (another one gets 404), before the start. Every volunteer signed up is told by e-mail, with the reason.',
    refusals: [
      UNKNOWN,
      { status: 400, code: C.REASON_REQUIRED },
      { status: 400, code: C.REASON_TOO_LONG },
      CANCELLED,
      COMPLETED,
      STARTED,
    ],
  })
  @ApiOkResponse({ type: SolidarityMissionChangeResponse })
  cancel(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Body() body: CancelSolidarityMissionDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      missionId,
      {
        type: 'CancelSolidarityMission',
        data: { missionId, reason: body.reason },
        meta: actor.meta(this.clock.now(), 'association'),
      },
      ifMatch,
    );
  }

  @Post('solidarity/missions/:missionId/volunteers')
  @HttpCode(200)
  @Roles('volunteer')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Sign up for a solidarity mission ("Devenir bénévole")',
    description:
      'A volunteer takes one place, before the start, while places are left. Once per volunteer (409 `ALREADY_SIGNED_UP`); once full, 409 `SOLIDARITY_MISSION_FULL`. Race-safe: sign-ups are decided one after the other on the mission’s stream, so ten volunteers racing for three places get exactly three places. The sign-up that takes the last place records that the mission is full.',
    refusals: [
      UNKNOWN,
      { status: 409, code: C.ALREADY_SIGNED_UP, currentStatus: 'open' },
      { status: 409, code: C.FULL, currentStatus: 'full' },
      CANCELLED,
      COMPLETED,
      STARTED,
      { status: 422, code: C.OWN_MISSION },
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: SolidarityMissionChangeResponse })
  signUp(@CurrentActor() actor: Actor, @IdParam('missionId') missionId: string) {
    return this.send(
      actor,
      missionId,
      {
        type: 'SignUpVolunteer',
        data: { missionId },
        meta: actor.meta(this.clock.now(), 'volunteer'),
      },
      undefined,
      SIGN_UP_RETRIES,
    );
  }

  @Delete('solidarity/missions/:missionId/volunteers/me')
  @Roles('volunteer')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Withdraw from a solidarity mission',
    description:
      'Before the start only; the place opens again (a full mission is open again). The volunteer may sign up again while places are left.',
    refusals: [
      UNKNOWN,
      { status: 409, code: C.NOT_SIGNED_UP, currentStatus: 'open' },
      CANCELLED,
      COMPLETED,
      STARTED,
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: SolidarityMissionChangeResponse })
  withdraw(@CurrentActor() actor: Actor, @IdParam('missionId') missionId: string) {
    return this.send(
      actor,
      missionId,
      {
        type: 'WithdrawVolunteer',
        data: { missionId },
        meta: actor.meta(this.clock.now(), 'volunteer'),
      },
      undefined,
      SIGN_UP_RETRIES,
    );
  }

  @Post('solidarity/missions/:missionId/attendance')
  @HttpCode(200)
  @Roles('association')
  @ApiParam(MISSION_ID)
  @ApiStateChange({
    summary: 'Confirm who came',
    description:
      'Its association only (another one gets 404), from the start on, once: `attended` lists the volunteers who came, among those signed up (422 `SOLIDARITY_ATTENDEE_NOT_SIGNED_UP` names the others); every other volunteer signed up is recorded absent. The mission is then completed.',
    refusals: [
      UNKNOWN,
      { status: 409, code: C.NOT_STARTED, currentStatus: 'full' },
      { status: 409, code: C.ATTENDANCE_CONFIRMED, currentStatus: 'completed' },
      CANCELLED,
      { status: 422, code: C.ATTENDEE_NOT_SIGNED_UP },
    ],
  })
  @ApiOkResponse({ type: AttendanceResponse })
  async confirmAttendance(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
    @Body() body: ConfirmAttendanceDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<AttendanceResponse> {
    const result = await this.run(
      actor,
      missionId,
      {
        type: 'ConfirmSolidarityAttendance',
        data: { missionId, attended: body.attended },
        meta: actor.meta(this.clock.now(), 'association'),
      },
      ifMatch,
    );
    const state = result.state;
    return {
      ...changeResponse(missionId, result),
      attended: state.status === 'none' ? [] : (state.attendance?.attended ?? []),
      absent: state.status === 'none' ? [] : (state.attendance?.absent ?? []),
    };
  }

  @Get('solidarity/missions')
  @ApiOperation({
    summary: 'Browse solidarity missions',
    description:
      'Open missions with places left that start after now (and at or after `from`), of one `type` if given. With `near` (a French postal code) the missions within `radiusKm` (default 20) come nearest first, each with its `distanceKm`; without it, soonest first. Volunteers’ names are never shown here. Read model: a change shows within moments.',
  })
  @ApiOkResponse({ type: SolidarityMissionListResponse })
  @ApiResponse({
    status: 422,
    description: '`POSTAL_CODE_UNKNOWN`: `near` is no known postal code.',
  })
  async browse(@Query() query: BrowseSolidarityMissionsQuery) {
    let near: { lat: number; lng: number } | undefined;
    if (query.near) {
      const located = await this.geocoder.locate(query.near);
      if (!located) throw postalCodeUnknown(query.near);
      near = { lat: located.lat, lng: located.lng };
    }
    return browseSolidarityMissions(this.pool, {
      near,
      radiusKm: query.radiusKm ?? 20,
      solidarityTypeId: query.type,
      from: query.from ? new Date(query.from).toISOString() : undefined,
      now: this.clock.now().toISOString(),
      limit: query.limit ?? 50,
    });
  }

  @Get('solidarity/missions/:missionId')
  @ApiParam(MISSION_ID)
  @ApiOperation({
    summary: 'One solidarity mission',
    description:
      'Any status, with the places left and the caller’s own sign-up (`mySignUp`); volunteers’ names are shown to the association only (GET /me/solidarity/missions).',
  })
  @ApiOkResponse({ type: SolidarityMissionDetailResponse })
  @ApiResponse({ status: 404, description: '`SOLIDARITY_MISSION_NOT_FOUND`' })
  async get(
    @CurrentActor() actor: Actor,
    @IdParam('missionId') missionId: string,
  ): Promise<SolidarityMissionDetailResponse> {
    const mission = await solidarityMissionById(this.pool, missionId);
    if (!mission) throw solidarityMissionNotFound(missionId);
    return { ...mission, mySignUp: await signUpStatus(this.pool, missionId, actor.accountId) };
  }

  @Get('me/solidarity/missions')
  @Roles('association')
  @ApiOperation({
    summary: 'The association’s solidarity missions, with their volunteers',
    description:
      'Latest start first; each mission lists its volunteers (names included: personal data shown to the association only) with their status: signed up, withdrawn, present, absent.',
  })
  @ApiOkResponse({ type: AssociationMissionListResponse })
  mine(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    return associationMissions(this.pool, actor.accountId, page.limit ?? 50);
  }

  @Get('me/solidarity/sign-ups')
  @Roles('volunteer')
  @ApiOperation({
    summary: 'The volunteer’s sign-ups',
    description:
      'Latest start first, withdrawn ones included, with the mission (no other volunteer is named) and the attendance once confirmed.',
  })
  @ApiOkResponse({ type: VolunteerSignUpListResponse })
  signUps(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    return volunteerSignUps(this.pool, actor.accountId, page.limit ?? 50);
  }

  private async send(
    actor: Actor,
    missionId: string,
    command: SolidarityMissionCommand,
    ifMatch?: string,
    maxRetries?: number,
  ): Promise<SolidarityMissionChangeResponse> {
    return changeResponse(
      missionId,
      await this.run(actor, missionId, command, ifMatch, maxRetries),
    );
  }

  private run(
    actor: Actor,
    missionId: string,
    command: SolidarityMissionCommand,
    ifMatch?: string,
    maxRetries?: number,
  ): Promise<HandleResult<SolidarityMissionState, SolidarityMissionEvent>> {
    return asParty(
      actor,
      () => solidarityMissionNotFound(missionId),
      () =>
        this.commandBus.execute(
          new SolidarityMissionCommandMessage(missionId, command, actor.causation, {
            ...commandOptions(ifMatch),
            ...(maxRetries === undefined || ifMatch ? {} : { maxRetries }),
          }),
        ),
    );
  }
}

function changeResponse(
  missionId: string,
  result: HandleResult<SolidarityMissionState, SolidarityMissionEvent>,
): SolidarityMissionChangeResponse {
  const state = result.state;
  if (state.status === 'none') throw solidarityMissionNotFound(missionId);
  return {
    missionId,
    status: state.status,
    statusLabel: SOLIDARITY_MISSION_STATUS_LABELS[state.status],
    volunteersNeeded: state.volunteersNeeded,
    placesLeft: placesLeft(state),
    startsAt: state.startsAt,
    revision: existingRevisionOf(result.nextExpectedRevision),
  };
}
