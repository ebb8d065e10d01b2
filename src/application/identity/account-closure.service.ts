import { Inject, Injectable } from '@nestjs/common';
import { ActorRole, DomainError } from '../../domain/shared';
import { Notifications } from '../notifications/notifications.port';
import { CausationContext } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { revisionOf } from '../shared/revision';
import { runAccountCommand, selfMeta, systemMeta } from './account-commands';
import type { SessionActor } from './account.service';
import { Clock } from '../shared/clock';
import {
  AccountDirectory,
  IdentitySchedules,
  PersonalDataKeys,
  SessionStore,
  StoredAnswers,
} from './identity.ports';

export interface CloseDueResult {
  closed: string[];
  erased: string[];
  skipped: { accountId: string; code: string }[];
}

/**
 * Closing an account (seed 001: effective after 2 business days unless withdrawn) and erasing
 * the person (crypto-shredding). `closeAccount`, `eraseAccount` and `closeDueAccounts` are
 * what the worker and the operator CLI call.
 */
@Injectable()
export class AccountClosureService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: AccountDirectory,
    private readonly sessions: SessionStore,
    private readonly keys: PersonalDataKeys,
    private readonly notifications: Notifications,
    private readonly schedules: IdentitySchedules,
    private readonly clock: Clock,
    private readonly answers: StoredAnswers,
  ) {}

  async requestClosure(actor: SessionActor, causation: CausationContext) {
    const now = this.clock.now();
    const result = await runAccountCommand(
      this.store,
      actor.accountId,
      (state) => ({
        type: 'RequestClosure',
        data: {},
        meta: selfMeta(state, actor.accountId, now),
      }),
      causation,
    );
    const state = result.state;
    return {
      accountId: actor.accountId,
      status: state.status,
      effectiveAt: state.status === 'closing' ? state.closureEffectiveAt : null,
      revision: revisionOf(result.nextExpectedRevision),
    };
  }

  async withdrawClosure(actor: SessionActor, causation: CausationContext) {
    const now = this.clock.now();
    const result = await runAccountCommand(
      this.store,
      actor.accountId,
      (state) => ({
        type: 'WithdrawClosure',
        data: {},
        meta: selfMeta(state, actor.accountId, now),
      }),
      causation,
    );
    return {
      accountId: actor.accountId,
      status: result.state.status,
      revision: revisionOf(result.nextExpectedRevision),
    };
  }

  /** Applies a closure whose effective date has passed (the platform acts, on the recorded deadline). */
  async closeAccount(
    accountId: string,
    causation: CausationContext = { correlationId: `close-account:${accountId}` },
  ) {
    const now = this.clock.now();
    const result = await runAccountCommand(
      this.store,
      accountId,
      { type: 'CloseAccount', data: {}, meta: systemMeta(now) },
      causation,
    );
    await this.sessions.revokeAll(accountId, 'account_closed', now);
    return {
      accountId,
      status: result.state.status,
      revision: revisionOf(result.nextExpectedRevision),
    };
  }

  /**
   * GDPR erasure: records `AccountErased`, then destroys the person's data key and every
   * readable trace outside the log. Safe to repeat until every step has succeeded.
   */
  async eraseAccount(
    accountId: string,
    reason: string,
    by: { actorId: string; actorRole: ActorRole },
    causation: CausationContext = { correlationId: `erase-account:${accountId}` },
  ) {
    const now = this.clock.now();
    const meta = { now: now.toISOString(), actorId: by.actorId, actorRole: by.actorRole };
    const result = await runAccountCommand(
      this.store,
      accountId,
      { type: 'EraseAccount', data: { reason }, meta },
      causation,
    );
    await this.forgetPerson(accountId, now);
    return {
      accountId,
      status: result.state.status,
      revision: revisionOf(result.nextExpectedRevision),
    };
  }

  async forgetPerson(accountId: string, now: Date = this.clock.now()): Promise<void> {
    await this.keys.destroy(accountId);
    await this.directory.releaseEmail(accountId);
    await this.notifications.forgetRecipient(accountId);
    await this.answers.forgetAccount(accountId);
    await this.sessions.revokeAll(accountId, 'account_erased', now);
  }

  /** For the worker: closes every account whose closure is due, then erases it. */
  async closeDueAccounts(limit = 100): Promise<CloseDueResult> {
    const out: CloseDueResult = { closed: [], erased: [], skipped: [] };
    for (const due of await this.schedules.dueClosures(this.clock.now(), limit)) {
      try {
        if (due.status === 'pending') {
          await this.closeAccount(due.accountId);
          out.closed.push(due.accountId);
        }
        await this.eraseAccount(due.accountId, 'account_closed', {
          actorId: 'system',
          actorRole: 'system',
        });
        out.erased.push(due.accountId);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        out.skipped.push({ accountId: due.accountId, code: error.code });
      }
    }
    return out;
  }
}
