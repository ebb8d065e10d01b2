import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { Clock } from '../../../application/shared/clock';
import { SolidarityVotes } from '../../../application/solidarity/vote.service';
import { monthEnd, parisMonthOf } from '../../../domain/solidarity';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import {
  voteOf,
  voterQualifiedAt,
} from '../../../projections/solidarity-pot/solidarity-pot.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { ApiStateChange } from '../shared/http-support';
import { CastVoteDto, CastVoteResponse, MyVoteResponse } from './votes.dto';

const VOTERS = ['client', 'provider', 'volunteer', 'association'] as const;

/** Votes for the solidarity pot (issue 18, point 5; docs/solidarity-pot.md). */
@ApiTags('solidarity')
@ApiBearerAuth()
@Controller()
export class SolidarityVotesController {
  constructor(
    private readonly votes: SolidarityVotes,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post('solidarity/votes')
  @HttpCode(200)
  @Roles(...VOTERS)
  @ApiStateChange({
    summary: 'Vote for a partner association this month',
    description:
      'Seed 000: "5 % de notre chiffre d’affaires est reversé chaque mois aux associations partenaires, selon les votes des utilisateurs". One vote per account and Paris month, for a partner association; voting again replaces it (the last one counts) until the month closes at the first instant of the next Paris month. Eligible: an account with at least one completed order (as buyer) or validated mission (as client) at the time of the vote (403 `NOT_ELIGIBLE_TO_VOTE`). Not a partner: 422 `ASSOCIATION_NOT_PARTNER`. The month already closed: 409 `VOTING_CLOSED`. The same vote again changes nothing (`changed: false`).',
    refusals: [
      { status: 400, code: 'SOLIDARITY_INVALID_FIELD' },
      { status: 403, code: 'NOT_ELIGIBLE_TO_VOTE' },
      { status: 409, code: 'VOTING_CLOSED' },
      { status: 422, code: 'ASSOCIATION_NOT_PARTNER' },
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: CastVoteResponse, description: 'The vote of the month as recorded.' })
  cast(@CurrentActor() actor: Actor, @Body() body: CastVoteDto): Promise<CastVoteResponse> {
    return this.votes.cast(actor.meta(this.clock.now()), actor.causation, body.associationId);
  }

  @Get('me/solidarity/vote')
  @Roles(...VOTERS)
  @ApiOperation({
    summary: 'My vote of the current month',
    description:
      'The current Paris month, when it closes, whether the caller may vote, and the caller’s vote (null before the first). Read model: a vote just cast shows within moments.',
  })
  @ApiOkResponse({ type: MyVoteResponse })
  async mine(@CurrentActor() actor: Actor): Promise<MyVoteResponse> {
    const now = this.clock.now().toISOString();
    const month = parisMonthOf(now);
    const [vote, qualifiedAt] = await Promise.all([
      voteOf(this.pool, month, actor.accountId),
      voterQualifiedAt(this.pool, actor.accountId),
    ]);
    return {
      month,
      closesAt: monthEnd(month),
      eligible: qualifiedAt !== null && Date.parse(qualifiedAt) <= Date.parse(now),
      vote,
    };
  }
}
