import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { WalletState, WithdrawalAccountRegistered } from '../../domain/payouts';
import { DomainError, ConcurrencyError, type CommandMeta } from '../../domain/shared';
import {
  monthEnd,
  nextMonth,
  solidarityMonthDecider,
  solidarityMonthStream,
  type SolidarityMonthClosed,
  type SolidarityMonthCommand,
} from '../../domain/solidarity';
import { WalletCommandMessage } from '../payouts/wallet.messages';
import { JobScheduler } from '../scheduling/job-scheduler.port';
import { scheduled, type SolidarityJob } from '../scheduling/jobs';
import {
  loadAggregate,
  type CausationContext,
  type HandleResult,
} from '../shared/command-handling';
import { deterministicId, eventIdsFrom } from '../shared/deterministic-id';
import { EVENT_STORE, EventStore, RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { SolidarityMonthCommandMessage } from './month-close.messages';
import { SOLIDARITY_POT_FACTS, type SolidarityPotFacts } from './pot.port';

/** Ids of the pot's money steps, derived from the month and the association: a replay repeats none. */
export const potIds = {
  credit: (month: string, associationId: string) =>
    deterministicId('solidarity-credit', month, associationId),
  payout: (month: string, associationId: string) =>
    `pot_${deterministicId('solidarity-payout', month, associationId)}`,
  /** The wallet credit's source reference (the field escrow releases fill with their escrow). */
  source: (month: string) => `solidarity-${month}`,
};

export const NO_WITHDRAWAL_ACCOUNT = 'NO_WITHDRAWAL_ACCOUNT';

/**
 * After a month's close: each share is credited to the association's wallet (payouts context),
 * then paid out to its withdrawal account (the wallet reserves it, the payout worker sends it);
 * an association without one keeps the share in its wallet, paid out as soon as it registers
 * one. Also schedules the close of the next month (the calendar chain, docs/solidarity-pot.md).
 */
@Injectable()
export class PotPayoutsReactor implements Reactor {
  readonly name = 'solidarity.pot-payouts';
  readonly filter = {
    categories: ['solidarity_month', 'wallet'],
    eventTypePrefixes: ['SolidarityMonthClosed', 'WithdrawalAccountRegistered'],
  };

  constructor(
    private readonly commandBus: CommandBus,
    private readonly scheduler: JobScheduler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SOLIDARITY_POT_FACTS) private readonly facts: SolidarityPotFacts,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    const causation: CausationContext = {
      correlationId: String(event.metadata.correlationId ?? event.id),
      causationId: event.id,
    };
    const now = String(event.metadata.occurredAt ?? event.recordedAt.toISOString());
    if (event.type === 'SolidarityMonthClosed') {
      const d = event.data as SolidarityMonthClosed['data'];
      await scheduleClose(this.scheduler, nextMonth(d.month), event.id, causation.correlationId);
      for (const share of d.shares)
        if (share.amountCents > 0) await this.pay(d.month, share.associationId, now, causation);
      return;
    }
    if (event.type === 'WithdrawalAccountRegistered') {
      const d = event.data as WithdrawalAccountRegistered['data'];
      const months = await this.facts.sharesKeptInWallet(d.providerId);
      for (const month of months) await this.pay(month, d.providerId, now, causation);
    }
  }

  /** Credit (once, by its credit id), then pay out or keep in the wallet; every step is idempotent. */
  async pay(
    month: string,
    associationId: string,
    now: string,
    causation: CausationContext,
  ): Promise<void> {
    const system: CommandMeta = { now, actorId: 'system', actorRole: 'system' };
    const { state } = await loadAggregate(
      this.store,
      solidarityMonthStream(month),
      solidarityMonthDecider,
    );
    const share = state.status === 'closed' ? state.shares[associationId] : undefined;
    if (!share || share.payout === 'requested') return;
    const credited: HandleResult<WalletState, unknown> = await this.commandBus.execute(
      new WalletCommandMessage(
        associationId,
        {
          type: 'CreditWallet',
          data: {
            providerId: associationId,
            creditId: potIds.credit(month, associationId),
            escrowId: potIds.source(month),
            amountCents: share.amountCents,
          },
          meta: system,
        },
        causation,
        { eventIds: eventIdsFrom(potIds.credit(month, associationId), 'wallet-credit') },
      ),
    );
    await this.record(
      month,
      {
        type: 'RecordShareCredited',
        data: { month, associationId, creditId: potIds.credit(month, associationId) },
        meta: system,
      },
      causation,
    );
    const wallet = credited.state;
    const accounts = wallet.status === 'open' ? Object.values(wallet.accounts) : [];
    const account = accounts[accounts.length - 1];
    if (!account) {
      await this.record(month, keptInWallet(month, associationId, system), causation);
      return;
    }
    const payoutId = potIds.payout(month, associationId);
    try {
      // The association's standing instruction: its share goes to its latest withdrawal account.
      await this.commandBus.execute(
        new WalletCommandMessage(
          associationId,
          {
            type: 'ReserveWithdrawal',
            data: {
              providerId: associationId,
              payoutId,
              amountCents: share.amountCents,
              accountId: account.accountId,
            },
            meta: { now, actorId: associationId, actorRole: 'association' },
          },
          causation,
          { eventIds: eventIdsFrom(payoutId, 'reserve') },
        ),
      );
    } catch (error) {
      // Spent meanwhile from the wallet (or the account removed): the share stays there.
      if (!(error instanceof DomainError) || error instanceof ConcurrencyError) throw error;
      await this.record(month, keptInWallet(month, associationId, system), causation);
      return;
    }
    await this.record(
      month,
      {
        type: 'RecordSharePayout',
        data: { month, associationId, payoutId, accountId: account.accountId },
        meta: system,
      },
      causation,
    );
  }

  private async record(
    month: string,
    command: SolidarityMonthCommand,
    causation: CausationContext,
  ): Promise<void> {
    await this.commandBus.execute(new SolidarityMonthCommandMessage(month, command, causation));
  }
}

function keptInWallet(
  month: string,
  associationId: string,
  meta: CommandMeta,
): SolidarityMonthCommand {
  return {
    type: 'RecordShareKeptInWallet',
    data: { month, associationId, reason: NO_WITHDRAWAL_ACCOUNT },
    meta,
  };
}

/** The close of `month`, due at its end; the job id derives from the month, so scheduling twice adds nothing. */
export async function scheduleClose(
  scheduler: JobScheduler,
  month: string,
  causationId: string,
  correlationId: string,
): Promise<void> {
  await scheduler.schedule([
    scheduled<SolidarityJob>(
      {
        kind: 'solidarity.month-close',
        month,
        dueAt: monthEnd(month),
        causationId,
        correlationId,
      },
      `solidarity-month-close-${month}`,
    ),
  ]);
}
