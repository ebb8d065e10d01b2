import { Inject, Injectable } from '@nestjs/common';
import {
  accountNotFound,
  assertCanLogIn,
  isProviderReference,
  parseProviderReference,
} from '../../domain/identity';
import { ActorRole, CommandMeta } from '../../domain/shared';
import { CausationContext } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { revisionOf } from '../shared/revision';
import { loadAccount, runAccountCommand, selfMeta } from './account-commands';
import { accountView, AccountView } from './account-view';
import { providerNotFound } from './identity.errors';
import { Clock } from '../shared/clock';
import { AccountDirectory, SessionStore } from './identity.ports';
import { SessionTokens, TokenPair } from './session-tokens';

/** The holder of an access token, as the application sees it. */
export interface SessionActor {
  accountId: string;
  sessionId: string;
  meta(now: Date, role?: ActorRole): CommandMeta;
}

/** Values are checked by the domain, which owns the phone and address rules. */
export interface ProfileChanges {
  displayName?: string;
  phone?: string | null;
  address?: unknown;
}

@Injectable()
export class AccountService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: AccountDirectory,
    private readonly sessions: SessionStore,
    private readonly tokens: SessionTokens,
    private readonly clock: Clock,
  ) {}

  async view(accountId: string): Promise<AccountView> {
    const { state, revision } = await loadAccount(this.store, accountId);
    const view = accountView(state, revision);
    if (view === null) throw accountNotFound();
    return view;
  }

  /** Answers only which fields changed: the values themselves are personal and stay out of stored replies. */
  async updateProfile(
    actor: SessionActor,
    changes: ProfileChanges,
    causation: CausationContext,
    expectedRevision?: bigint,
  ) {
    const now = this.clock.now();
    const result = await runAccountCommand(
      this.store,
      actor.accountId,
      (state) => ({
        type: 'UpdateProfile',
        data: changes,
        meta: selfMeta(state, actor.accountId, now),
      }),
      causation,
      expectedRevision,
    );
    const event = result.events[0];
    const changed = event?.type === 'ProfileUpdated' ? Object.keys(event.data.personal) : [];
    return {
      accountId: actor.accountId,
      changed,
      revision: revisionOf(result.nextExpectedRevision),
    };
  }

  /** A new party role; a provider gets a unique public reference. Answers fresh tokens carrying the role. */
  async activateRole(
    actor: SessionActor,
    role: unknown,
    causation: CausationContext,
  ): Promise<TokenPair> {
    const now = this.clock.now();
    const before = await loadAccount(this.store, actor.accountId);
    const needsReference =
      role === 'provider' &&
      'providerReference' in before.state &&
      before.state.providerReference === null;
    const providerReference = needsReference
      ? await this.directory.claimProviderReference(actor.accountId)
      : undefined;
    try {
      await runAccountCommand(
        this.store,
        actor.accountId,
        (state) => ({
          type: 'ActivateRole',
          data: { role: role as string, providerReference },
          meta: selfMeta(state, actor.accountId, now),
        }),
        causation,
      );
    } catch (error) {
      if (needsReference) await this.directory.releaseProviderReference(actor.accountId);
      throw error;
    }
    return this.freshTokens(actor, now);
  }

  async switchActiveRole(
    actor: SessionActor,
    role: unknown,
    causation: CausationContext,
  ): Promise<TokenPair> {
    const now = this.clock.now();
    await runAccountCommand(
      this.store,
      actor.accountId,
      (state) => ({
        type: 'SwitchActiveRole',
        data: { role: role as string },
        meta: selfMeta(state, actor.accountId, now),
      }),
      causation,
    );
    return this.freshTokens(actor, now);
  }

  async grantStaffRole(
    admin: SessionActor,
    accountId: string,
    role: unknown,
    causation: CausationContext,
  ) {
    const now = this.clock.now();
    const result = await runAccountCommand(
      this.store,
      accountId,
      { type: 'GrantStaffRole', data: { role: role as string }, meta: admin.meta(now) },
      causation,
    );
    return this.staffAnswer(accountId, result.state, admin.accountId, result.nextExpectedRevision);
  }

  /** The revoked role must stop working now, not when the access tokens expire. */
  async revokeStaffRole(
    admin: SessionActor,
    accountId: string,
    role: unknown,
    causation: CausationContext,
  ) {
    const now = this.clock.now();
    const result = await runAccountCommand(
      this.store,
      accountId,
      { type: 'RevokeStaffRole', data: { role: role as string }, meta: admin.meta(now) },
      causation,
    );
    if (result.events.length > 0)
      await this.sessions.revokeAll(accountId, 'staff_role_revoked', now);
    return this.staffAnswer(accountId, result.state, admin.accountId, result.nextExpectedRevision);
  }

  /** Clients find a provider by the reference printed on documents (seed 002). */
  async providerByReference(reference: string) {
    const normalised = typeof reference === 'string' ? reference.trim().toUpperCase() : '';
    if (!isProviderReference(normalised)) parseProviderReference(reference);
    const accountId = await this.directory.accountIdByProviderReference(normalised);
    if (accountId === null) throw providerNotFound(normalised);
    const { state } = await loadAccount(this.store, accountId);
    if (
      (state.status !== 'open' && state.status !== 'closing') ||
      !state.roles.includes('provider')
    )
      throw providerNotFound(normalised);
    return {
      providerReference: normalised,
      providerId: accountId,
      displayName: state.personal.displayName,
    };
  }

  private async freshTokens(actor: SessionActor, now: Date): Promise<TokenPair> {
    const { state } = await loadAccount(this.store, actor.accountId);
    const claims = assertCanLogIn(state);
    const session = await this.sessions.reissue(actor.sessionId, actor.accountId, now);
    // A token minted without a stored session (tests, tools) gets a new one.
    return this.tokens.pair(claims, session ?? (await this.sessions.open(actor.accountId, now)));
  }

  private staffAnswer(
    accountId: string,
    state: Awaited<ReturnType<typeof loadAccount>>['state'],
    by: string,
    revision: bigint | null,
  ) {
    return {
      accountId,
      roles: 'roles' in state ? state.roles : [],
      actedBy: by,
      revision: revisionOf(revision),
    };
  }
}
