import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  type CreditAllowance,
  type CreditRefundReason,
  type CreditsEvent,
  type CreditsState,
} from '../../domain/plans';
import { CommandMeta, IllegalStateError, NotFoundError } from '../../domain/shared';
import { accountStream } from '../identity/account.messages';
import type { CausationContext, HandleResult } from '../shared/command-handling';
import { EVENT_STORE, EventStore, StreamNotFoundError } from '../shared/event-store.port';
import { bonusGrantId, creditSteps } from './credit-ids';
import { CreditsCommandMessage } from './credits.messages';
import { creditLedgerView, CreditLedgerView } from './credits.query';

export const accountNotFound = (accountId: string) =>
  new NotFoundError('ACCOUNT_NOT_FOUND', 'No account under this id', { accountId });

/** Staff's acts on a provider's credits: bonus credits with a reason, and refunds of a spend. */
@Injectable()
export class CreditAdminService {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** A bonus for an account that exists and is not closed; `requestId` makes it once per request. */
  async grantBonus(input: {
    accountId: string;
    credits: Partial<CreditAllowance>;
    reason: string;
    requestId: string;
    meta: CommandMeta;
    causation: CausationContext;
  }): Promise<{ grantId: string; ledger: CreditLedgerView }> {
    await this.openAccount(input.accountId);
    const grantId = bonusGrantId(input.accountId, input.requestId);
    const result: HandleResult<CreditsState, CreditsEvent> = await this.commandBus.execute(
      new CreditsCommandMessage(
        input.accountId,
        {
          type: 'GrantCredits',
          data: {
            accountId: input.accountId,
            grantId,
            credits: input.credits as CreditAllowance,
            source: 'bonus',
            subscriptionId: null,
            period: null,
            reason: input.reason,
          },
          meta: input.meta,
        },
        input.causation,
        { eventIds: creditSteps.events(grantId, 'bonus') },
      ),
    );
    return { grantId, ledger: creditLedgerView(input.accountId, result.state) };
  }

  async refund(input: {
    accountId: string;
    spendId: string;
    reason: CreditRefundReason;
    note: string | null;
    meta: CommandMeta;
    causation: CausationContext;
  }): Promise<{ refunded: CreditsEvent; ledger: CreditLedgerView }> {
    const result: HandleResult<CreditsState, CreditsEvent> = await this.commandBus.execute(
      new CreditsCommandMessage(
        input.accountId,
        {
          type: 'RefundCredit',
          data: {
            accountId: input.accountId,
            spendId: input.spendId,
            reason: input.reason,
            note: input.note,
          },
          meta: input.meta,
        },
        // Random event ids: a racing second refund must fail on the revision and be refused.
        input.causation,
      ),
    );
    return { refunded: result.events[0], ledger: creditLedgerView(input.accountId, result.state) };
  }

  /** The account's stream exists and holds no closure (credits of a closed account are gone). */
  private async openAccount(accountId: string): Promise<void> {
    try {
      const events = await this.store.readStream(accountStream(accountId));
      if (events.some((e) => e.type === 'AccountClosed'))
        throw new IllegalStateError(
          'CREDITS_ACCOUNT_CLOSED',
          'The account is closed: its credits were forfeited',
          { currentStatus: 'closed' },
        );
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw accountNotFound(accountId);
      throw error;
    }
  }
}
