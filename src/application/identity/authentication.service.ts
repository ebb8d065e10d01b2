import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  ACCOUNT_LOGIN_THROTTLE_POLICY,
  AccountState,
  accountThrottleKey,
  assertCanLogIn,
  assertLoginAllowed,
  assertPasswordPolicy,
  DEFAULT_LOGIN_THROTTLE_POLICY,
  initialLoginThrottleState,
  invalidToken,
  LoginAttempt,
  LoginAttemptOutcome,
  LoginThrottlePolicy,
  loginThrottled,
  loginThrottleKey,
  loginThrottleTtlSeconds,
  parseEmail,
  reserveLoginAttempt,
  settleLoginAttempt,
} from '../../domain/identity';
import { DomainError } from '../../domain/shared';
import { Notifications } from '../notifications/notifications.port';
import { CausationContext } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { revisionOf } from '../shared/revision';
import { loadAccount, runAccountCommand, selfMeta } from './account-commands';
import {
  AuthenticationFailedError,
  invalidCredentials,
  invalidCurrentPassword,
} from './identity.errors';
import { Clock } from '../shared/clock';
import {
  AccountDirectory,
  LoginThrottleStore,
  PasswordHasher,
  SessionStore,
  TrustedDevices,
} from './identity.ports';
import { accountIdOfToken, hashSecret, newAccountToken } from './secret-tokens';
import { SessionTokens, TokenPair } from './session-tokens';

/** A reset link stays valid one hour. */
export const PASSWORD_RESET_TTL_MS = 3600_000;
/** A device stays trusted this long after its last successful login. */
export const TRUSTED_DEVICE_TTL_SECONDS = 90 * 86_400;

/** Who is logging in: the client's address and the device token it holds, if any. */
export interface LoginClient {
  ip: string;
  deviceToken?: string | null;
}

/** A login's answer: the session, and the device token that exempts this client from lockouts others cause. */
export type LoginResult = TokenPair & { deviceToken: string };

type Claims = ReturnType<typeof assertCanLogIn>;

interface ThrottleKey {
  key: string;
  policy: LoginThrottlePolicy;
}

// Stored under hashes so the throttle store never holds an address, a login or a device token.
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

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
    private readonly devices: TrustedDevices,
    private readonly tokens: SessionTokens,
    private readonly notifications: Notifications,
    private readonly clock: Clock,
  ) {}

  /**
   * OWASP's device-cookie scheme: a client holding a device token this login was given is
   * throttled on its own; every other client is throttled per address and, all together, per
   * login, so neither rotating addresses nor an attacker's failures lock out a known device.
   */
  async login(email: unknown, password: unknown, client: LoginClient): Promise<LoginResult> {
    const login = parseEmail(email);
    const now = this.clock.now();
    const loginHash = sha256(accountThrottleKey(login));
    const deviceHash = client.deviceToken ? sha256(client.deviceToken) : null;
    // A token given to another login (or expired) makes the client untrusted, not refused.
    const trusted = deviceHash !== null && (await this.devices.loginOf(deviceHash)) === loginHash;
    const keys: ThrottleKey[] = trusted
      ? [{ key: `device:${deviceHash}`, policy: DEFAULT_LOGIN_THROTTLE_POLICY }]
      : [
          {
            key: sha256(loginThrottleKey(login, client.ip)),
            policy: DEFAULT_LOGIN_THROTTLE_POLICY,
          },
          { key: `account:${loginHash}`, policy: ACCOUNT_LOGIN_THROTTLE_POLICY },
        ];
    const states = await Promise.all(
      keys.map(async ({ key }) => (await this.throttle.get(key)) ?? initialLoginThrottleState()),
    );
    assertLoginAllowed(states, now.toISOString());
    // Each key's place is taken before the password is checked, so a burst gets no more checks than the threshold.
    const attempt = { id: randomUUID(), at: now.toISOString() };
    await this.reserve(keys, attempt);
    let verified: { accountId: string; claims: Claims } | null;
    try {
      verified = await this.checkPassword(login, password);
    } catch (error) {
      await this.settle(keys, attempt, () => 'released');
      throw error;
    }
    // The per-login count is left as it is: an attacker's failures are not forgiven by the victim's success.
    await this.settle(keys, attempt, (i) =>
      verified === null ? 'failed' : i === 0 ? 'succeeded' : 'released',
    );
    if (verified === null) throw invalidCredentials();
    const { accountId, claims } = verified;
    const pair = await this.tokens.pair(claims, await this.sessions.open(accountId, now));
    if (deviceHash !== null && trusted) await this.devices.forget(deviceHash);
    const deviceToken = randomBytes(32).toString('base64url');
    await this.devices.remember(sha256(deviceToken), loginHash, TRUSTED_DEVICE_TTL_SECONDS);
    return { ...pair, deviceToken };
  }

  /** The account and its claims if the password is right, null if not (or no such account). */
  private async checkPassword(
    login: string,
    password: unknown,
  ): Promise<{ accountId: string; claims: Claims } | null> {
    const accountId = await this.directory.accountIdByEmail(login);
    const state: AccountState | null = accountId
      ? (await loadAccount(this.store, accountId)).state
      : null;
    const hash = state && 'passwordHash' in state ? state.passwordHash : await this.dummy();
    // Unknown accounts cost one argon2 verify too, so timing does not reveal registered addresses.
    const matches = typeof password === 'string' && (await this.hasher.verify(hash, password));
    if (!matches || state === null || accountId === null) return null;
    return { accountId, claims: assertCanLogIn(state) };
  }

  /** Takes a place on every key, or gives back those taken and refuses with the key's wait. */
  private async reserve(keys: readonly ThrottleKey[], attempt: LoginAttempt): Promise<void> {
    const taken: ThrottleKey[] = [];
    for (const throttleKey of keys) {
      const { key, policy } = throttleKey;
      const wait = await this.throttle.update(key, loginThrottleTtlSeconds(policy), (stored) => {
        const reservation = reserveLoginAttempt(
          stored ?? initialLoginThrottleState(),
          attempt,
          policy,
        );
        return reservation.reserved
          ? { next: reservation.state, result: 0 }
          : { next: null, result: reservation.retryAfterSeconds };
      });
      if (wait > 0) {
        await this.settle(taken, attempt, () => 'released');
        throw loginThrottled(wait);
      }
      taken.push(throttleKey);
    }
  }

  private async settle(
    keys: readonly ThrottleKey[],
    attempt: LoginAttempt,
    outcome: (index: number) => LoginAttemptOutcome,
  ): Promise<void> {
    const now = this.clock.now().toISOString();
    await Promise.all(
      keys.map(({ key, policy }, i) =>
        this.throttle.update(key, loginThrottleTtlSeconds(policy), (stored) => ({
          next: settleLoginAttempt(
            stored ?? initialLoginThrottleState(),
            attempt.id,
            outcome(i),
            now,
            policy,
          ),
          result: undefined,
        })),
      ),
    );
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
    return { accountId, revision: revisionOf(result.nextExpectedRevision) };
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}
