import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  parisMonthOf,
  type BallotState,
  type CastSolidarityVote,
  type VoteEvent,
} from '../../domain/solidarity';
import type { CommandMeta } from '../../domain/shared';
import type { CausationContext, HandleResult } from '../shared/command-handling';
import { SOLIDARITY_POT_FACTS, type SolidarityPotFacts } from './pot.port';
import { BallotCommandMessage } from './vote.messages';

export interface VoteResult {
  month: string;
  associationId: string;
  /** False when the same vote was already recorded (nothing changed). */
  changed: boolean;
}

/**
 * A vote for the month the clock is in (Paris). Eligible: the account completed an order or had
 * a mission validated, as buyer or client, at or before the vote (docs/solidarity-pot.md).
 */
@Injectable()
export class SolidarityVotes {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(SOLIDARITY_POT_FACTS) private readonly facts: SolidarityPotFacts,
  ) {}

  async cast(
    meta: CommandMeta,
    causation: CausationContext,
    associationId: string,
  ): Promise<VoteResult> {
    const month = parisMonthOf(meta.now);
    const [qualifiedAt, partner] = await Promise.all([
      this.facts.voterQualifiedAt(meta.actorId),
      this.facts.partner(associationId),
    ]);
    const command: CastSolidarityVote = {
      type: 'CastSolidarityVote',
      data: {
        month,
        voterId: meta.actorId,
        associationId,
        voterEligible: qualifiedAt !== null && Date.parse(qualifiedAt) <= Date.parse(meta.now),
        associationIsPartner: partner !== null,
      },
      meta,
    };
    const result: HandleResult<BallotState, VoteEvent> = await this.commandBus.execute(
      new BallotCommandMessage(month, command, causation),
    );
    return { month, associationId, changed: result.events.length > 0 };
  }
}
