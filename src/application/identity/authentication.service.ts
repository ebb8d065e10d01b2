import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import {
  AccountState,
  assertCanLogIn,
  assertLoginAllowed,
  assertPasswordPolicy,
  DEFAULT_LOGIN_THROTTLE_POLICY,
  initialLoginThrottleState,
  invalidToken,
  loginThrottleKey,
  parseEmail,
  recordLoginFailure,
} from '../../domain/identity';
import { DomainError } from '../../domain/shared';
import { Notifications } from '../notifications/notifications.port';
import { CausationContext } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { loadAccount, runAccountCommand, selfMeta } from './account-commands';
import {
  AuthenticationFailedError,
  invalidCredentials,
  invalidCurrentPassword,
} from './identity.errors';
import {
  AccountDirectory,
  Clock,
  LoginThrottleStore,
  PasswordHasher,
  SessionStore,
} from './identity.ports';
import { accountIdOfToken, hashSecret, newAccountToken } from './secret-tokens';
import { SessionTokens, TokenPair } from './session-tokens';

/** A reset link stays valid one hour. */
export const PASSWORD_RESET_TTL_MS = 3600_000;
const THROTTLE_TTL_SECONDS =
  DEFAULT_LOGIN_THROTTLE_POLICY.windowSeconds + DEFAULT_LOGIN_THROTTLE_POLICY.lockoutSeconds;

const REFRESH_FAILURES: Record<string, string> = {
  REFRESH_TOKEN_INVALID: 'The refresh token is unknown',
  REFRESH_TOKEN_EXPIRED: 'The refresh token has expired; log in again',
  REFRESH_TOKEN_REUSED: 'This refresh token was already used; the whole session has been revoked',
  SESSION_REVOKED: 'This session has been logged out',
};

@Injectable()
export class AuthenticationService {
  private readonly logger = new Logger('Authentication');
  private dummyHash: Promise<string> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: AccountDirectory,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottleStore,
    private readonly tokens: SessionTokens,
    private readonly notifications: Notifications,
    private readonly clock: Clock,
  ) {}

  async login(email: unknown, password: unknown, ip: string): Promise<TokenPair> {
    const login = parseEmail(email);
    const now = this.clock.now();
    // Stored under a hash so the throttle store never holds an address.
    const key = createHash('sha256').update(loginThrottleKey(login, ip)).digest('hex');
    const throttle = (await this.throttle.get(key)) ?? initialLoginThrottleState();
    assertLoginAllowed(throttle, now.toISOString());
    const accountId = await this.directory.accountIdByEmail(login);
    const state: AccountState | null = accountId
      ? (await loadAccount(this.store, accountId)).state
      : null;
    const hash = state && 'passwordHash' in state ? state.passwordHash : await this.dummy();
    // Unknown accounts cost one argon2 verify too, so timing does not reveal registered addresses.
    const matches = typeof password === 'string' && (await this.hasher.verify(hash, password));
    if (!matches || state === null || accountId === null) {
      await this.throttle.set(
        key,
        recordLoginFailure(throttle, now.toISOString()),
        THROTTLE_TTL_SECONDS,
      );
      throw invalidCredentials();
    }
    const claims = assertCanLogIn(state);
    await this.throttle.clear(key);
    return this.tokens.pair(claims, await this.sessions.open(accountId, now));
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = this.clock.now();
    const rotated = await this.sessions.rotate(refreshToken, now);
    if (!rotated.ok)
      throw new AuthenticationFailedError(rotated.reason, REFRESH_FAILURES[rotated.reason]);
    const { state } = await loadAccount(this.store, rotated.accountId);
    try {
      return await this.tokens.pair(assertCanLogIn(state), rotated);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await this.sessions.revoke(rotated.sessionId, `account_${state.status}`, now);
      throw new AuthenticationFailedError('SESSION_REVOKED', REFRESH_FAILURES.SESSION_REVOKED);
    }
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, 'logout', this.clock.now());
  }

  /** Answers the same whether or not the address is known, so it cannot be used to probe accounts. */
  async forgotPassword(email: unknown, causation: CausationContext): Promise<void> {
    const accountId = await this.directory.accountIdByEmail(parseEmail(email));
    if (accountId === null) return;
    const now = this.clock.now();
    const { token, tokenHash } = newAccountToken(accountId);
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS).toISOString();
    try {
      const result = await runAccountCommand(
        this.store,
        accountId,
        (state) => ({
          type: 'RequestPasswordReset',
          data: { tokenHash, expiresAt },
          meta: selfMeta(state, accountId, now),
        }),
        causation,
      );
      await this.notifications.send({
        to: { accountId },
        template: 'identity.password_reset',
        data: { expiresAt },
        secrets: { token },
        idempotencyKey: `identity.password_reset:${result.eventIds[0]}`,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.debug(`password reset not requested: ${error.code}`);
    }
  }

  async resetPassword(
    token: unknown,
    newPassword: unknown,
    causation: CausationContext,
  ): Promise<{ accountId: string }> {
    assertPasswordPolicy(newPassword);
    const accountId = accountIdOfToken(token);
    if (accountId === null) throw invalidToken();
    const newPasswordHash = await this.hasher.hash(newPassword as string);
    const now = this.clock.now();
    await runAccountCommand(
      this.store,
      accountId,
      (state) => {
        if (state.status === 'none') throw invalidToken();
        return {
          type: 'ResetPassword',
          data: { tokenHash: hashSecret(token as string), newPasswordHash },
          meta: selfMeta(state, accountId, now),
        };
      },
      causation,
    );
    // Whoever knew the old password is logged out everywhere.
    await this.sessions.revokeAll(accountId, 'password_reset', now);
    return { accountId };
  }

  async changePassword(
    accountId: string,
    sessionId: string,
    currentPassword: unknown,
    newPassword: unknown,
    causation: CausationContext,
  ): Promise<{ accountId: string; revision: string | null }> {
    assertPasswordPolicy(newPassword);
    const { state } = await loadAccount(this.store, accountId);
    const hash = 'passwordHash' in state ? state.passwordHash : await this.dummy();
    if (typeof currentPassword !== 'string' || !(await this.hasher.verify(hash, currentPassword)))
      throw invalidCurrentPassword();
    const newPasswordHash = await this.hasher.hash(newPassword as string);
    const now = this.clock.now();
    const result = await runAccountCommand(
      this.store,
      accountId,
      (s) => ({
        type: 'ChangePassword',
        data: { newPasswordHash },
        meta: selfMeta(s, accountId, now),
      }),
      causation,
    );
    await this.sessions.revokeAll(accountId, 'password_changed', now, sessionId);
    return { accountId, revision: result.nextExpectedRevision?.toString() ?? null };
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}
