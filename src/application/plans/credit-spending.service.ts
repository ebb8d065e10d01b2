import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  creditsDecider,
  creditSpendKey,
  creditsStream,
  type CreditAllowance,
  type CreditKind,
  type CreditsCommand,
  type CreditsState,
  type CreditSubject,
  zeroCredits,
} from '../../domain/plans';
import { AGGREGATE_CACHE, AggregateCache } from '../shared/aggregate-cache';
import { Clock } from '../shared/clock';
import { handleCommand, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { creditSpendId, creditSteps } from './credit-ids';
import type { CreditSpending, CreditSpendResult } from './credits.port';

/**
 * Parallel spends of one ledger race on its stream's expected revision; the loser decides again
 * on the fresh stream. Each lost race means another spend (or grant) was appended, so a balance of
 * N loses at most N races per spend before it reads INSUFFICIENT_CREDITS; this bound is generous.
 */
export const CREDIT_SPEND_MAX_RETRIES = 50;

/** The generation of the next spend of this kind on this subject (earlier ones were refunded). */
function spendIdFor(
  state: CreditsState,
  accountId: string,
  kind: CreditKind,
  subject: CreditSubject,
): string {
  const generation =
    state.status === 'none' ? 0 : (state.spendCounts[creditSpendKey(kind, subject)] ?? 0);
  return creditSpendId(accountId, kind, subject, generation);
}

/** `CREDIT_SPENDING`: the credit ledger as other contexts (tenders) spend it, exactly once. */
@Injectable()
export class CreditSpendingService implements CreditSpending {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    @Optional() @Inject(AGGREGATE_CACHE) private readonly cache?: AggregateCache,
  ) {}

  async spend(request: {
    accountId: string;
    kind: CreditKind;
    subject: CreditSubject;
    causationId?: string;
    correlationId?: string;
  }): Promise<CreditSpendResult> {
    const { accountId, kind, subject } = request;
    const correlationId = request.correlationId ?? randomUUID();
    const now = this.clock.now().toISOString();
    let spendId = '';
    const result = await handleCommand(
      this.store,
      creditsStream(accountId),
      creditsDecider,
      (state): CreditsCommand => {
        spendId = spendIdFor(state, accountId, kind, subject);
        return {
          type: 'SpendCredit',
          data: { accountId, spendId, kind, subject },
          meta: { now, actorId: accountId, actorRole: 'provider' },
        };
      },
      { correlationId, causationId: request.causationId ?? correlationId },
      // Random event ids: a racing duplicate must lose on the revision and decide again (and
      // find the spend held), not be taken by the store for a retry of the winner's append.
      { cache: this.cache, maxRetries: CREDIT_SPEND_MAX_RETRIES },
    );
    const state = result.state;
    const held =
      state.status === 'none' ? undefined : state.activeSpends[creditSpendKey(kind, subject)];
    return {
      spendId: held ?? spendId,
      spentNow: result.events.length > 0,
      balance: state.status === 'none' ? zeroCredits() : { ...state.balance },
    };
  }

  async giveBack(request: {
    accountId: string;
    spendId: string;
    reason: 'project_no_longer_current';
    causationId?: string;
    correlationId?: string;
  }): Promise<CreditAllowance> {
    const { accountId, spendId, reason } = request;
    const correlationId = request.correlationId ?? randomUUID();
    const result = await handleCommand(
      this.store,
      creditsStream(accountId),
      creditsDecider,
      (): CreditsCommand => ({
        type: 'RefundCredit',
        data: { accountId, spendId, reason, note: null },
        meta: { now: this.clock.now().toISOString(), actorId: 'system', actorRole: 'system' },
      }),
      { correlationId, causationId: request.causationId ?? correlationId },
      // The refund's ids derive from the spend: a retried give-back is appended once.
      { cache: this.cache, eventIds: creditSteps.events(spendId, 'give-back') },
    );
    const state = result.state;
    return state.status === 'none' ? zeroCredits() : { ...state.balance };
  }

  async hasSpent(accountId: string, kind: CreditKind, subject: CreditSubject): Promise<boolean> {
    const { state } = await loadAggregate(this.store, creditsStream(accountId), creditsDecider);
    return (
      state.status !== 'none' && state.activeSpends[creditSpendKey(kind, subject)] !== undefined
    );
  }

  async balance(accountId: string): Promise<CreditAllowance> {
    const { state } = await loadAggregate(this.store, creditsStream(accountId), creditsDecider);
    return state.status === 'none' ? zeroCredits() : { ...state.balance };
  }
}
