import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ballotDecider,
  ballotStream,
  isMonth,
  monthEnd,
  previousMonth,
  SolidarityMonthErrorCode,
  solidarityMonthDecider,
  solidarityMonthStream,
  tally,
  type BallotState,
  type SolidarityMonthEvent,
  type SolidarityMonthState,
  type VoteEvent,
} from '../../domain/solidarity';
import {
  ConcurrencyError,
  IllegalStateError,
  ValidationError,
  type CommandMeta,
} from '../../domain/shared';
import {
  CausationContext,
  HandleOptions,
  HandleResult,
  loadAggregate,
} from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { POT_SETTINGS, PotSettings, SOLIDARITY_POT_FACTS, SolidarityPotFacts } from './pot.port';
import { SolidarityMonthCommandMessage } from './month-close.messages';
import { BallotCommandMessage } from './vote.messages';

export interface MonthCloseResult {
  month: string;
  /** False when the month was already closed: the second run changed nothing. */
  closedNow: boolean;
  state: SolidarityMonthState;
}

const READ_MODEL_WAIT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The monthly close (docs/solidarity-pot.md), run by the `solidarity.month-close` job at the
 * first instant of the next Paris month, or by staff for a past month. Exactly once: the month's
 * stream is created by the close (`no_stream`); a second run finds it and changes nothing.
 * 1. the ledger and the partners' read model must know everything that happened in the month;
 * 2. the ballot is frozen (`SolidarityBallotClosed`: any later vote gets 409 VOTING_CLOSED);
 * 3. the pot is computed from the ledger's revenue and shared (the decider); the payouts follow
 *    from the close event (PotPayoutsReactor).
 */
@Injectable()
export class SolidarityMonthClose {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SOLIDARITY_POT_FACTS) private readonly facts: SolidarityPotFacts,
    @Inject(POT_SETTINGS) private readonly settings: PotSettings,
  ) {}

  async close(
    month: string,
    meta: CommandMeta,
    causation: CausationContext,
    options: { eventIds?: (step: string) => HandleOptions['eventIds'] } = {},
  ): Promise<MonthCloseResult> {
    if (!isMonth(month))
      throw new ValidationError('SOLIDARITY_INVALID_FIELD', 'Invalid field: month', {
        field: 'month',
        value: month,
      });
    const existing = await loadAggregate(
      this.store,
      solidarityMonthStream(month),
      solidarityMonthDecider,
    );
    if (existing.state.status === 'closed')
      return { month, closedNow: false, state: existing.state };
    const endsAt = monthEnd(month);
    if (Date.parse(meta.now) < Date.parse(endsAt))
      throw new IllegalStateError('SOLIDARITY_MONTH_NOT_OVER', 'The month is not over yet', {
        month,
        closesAt: endsAt,
      });
    const carriedInCents = await this.carriedIn(month);
    await this.waitForReadModels(endsAt);
    const frozen: HandleResult<BallotState, VoteEvent> = await this.commandBus.execute(
      new BallotCommandMessage(month, { type: 'CloseBallot', data: { month }, meta }, causation, {
        eventIds: options.eventIds?.('ballot'),
      }),
    );
    const [partners, revenue] = await Promise.all([
      this.facts.partners(),
      this.facts.monthRevenue(month),
    ]);
    const closed: HandleResult<SolidarityMonthState, SolidarityMonthEvent> =
      await this.commandBus.execute(
        new SolidarityMonthCommandMessage(
          month,
          {
            type: 'CloseSolidarityMonth',
            data: {
              month,
              revenueCents: revenue.revenueCents,
              rateBp: this.settings.rateBp,
              carriedInCents,
              partners,
              votes: tally(frozen.state.votes),
            },
            meta,
          },
          causation,
          { eventIds: options.eventIds?.('close') },
        ),
      );
    return { month, closedNow: closed.events.length > 0, state: closed.state };
  }

  /**
   * What the previous month carried over (it had no partner). A previous month never closed is
   * refused when it had votes (its carry-over would be lost); one without any vote predates the
   * pot (the job chain closes every month since the first vote) and carries 0.
   */
  private async carriedIn(month: string): Promise<number> {
    const previous = previousMonth(month);
    const prior = await loadAggregate(
      this.store,
      solidarityMonthStream(previous),
      solidarityMonthDecider,
    );
    if (prior.state.status === 'closed') return prior.state.carriedOverCents;
    const ballot = await loadAggregate(this.store, ballotStream(previous), ballotDecider);
    if (ballot.revision !== null)
      throw new IllegalStateError(
        SolidarityMonthErrorCode.PREVIOUS_MONTH_OPEN,
        'Close the previous month first: its carry-over would be lost',
        { month, previous },
      );
    return 0;
  }

  /** The ledger and the partners must know the whole month; a short lag is waited out, else retried. */
  private async waitForReadModels(before: string): Promise<void> {
    const deadline = Date.now() + READ_MODEL_WAIT_MS;
    for (;;) {
      const behind = await this.facts.readModelsBehind(before);
      if (behind.length === 0) return;
      if (Date.now() > deadline)
        throw new ConcurrencyError(
          'SOLIDARITY_READ_MODELS_BEHIND',
          'The ledger has not caught up with the month yet; retry shortly',
          { behind },
        );
      await sleep(200);
    }
  }
}
