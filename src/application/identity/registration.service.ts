import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  assertPasswordPolicy,
  invalidToken,
  parseDisplayName,
  parseEmail,
  parseRegistrationRoles,
} from '../../domain/identity';
import { DomainError, PartyRole } from '../../domain/shared';
import { Notifications } from '../notifications/notifications.port';
import { CausationContext } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { revisionOf } from '../shared/revision';
import { runAccountCommand, selfMeta } from './account-commands';
import { emailAlreadyRegistered } from './identity.errors';
import { Clock } from '../shared/clock';
import { AccountDirectory, PasswordHasher } from './identity.ports';
import { accountIdOfToken, hashSecret, newAccountToken } from './secret-tokens';

/** A confirmation link stays valid two days. */
export const EMAIL_CONFIRMATION_TTL_MS = 48 * 3600_000;

export interface RegistrationInput {
  email: unknown;
  password: unknown;
  displayName: unknown;
  roles: unknown;
}

export interface Registered {
  accountId: string;
  roles: string[];
  activeRole: string;
  providerReference: string | null;
  emailConfirmed: false;
  revision: string | null;
}

@Injectable()
export class RegistrationService {
  private readonly logger = new Logger('Registration');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: AccountDirectory,
    private readonly hasher: PasswordHasher,
    private readonly notifications: Notifications,
    private readonly clock: Clock,
  ) {}

  async register(input: RegistrationInput, causation: CausationContext): Promise<Registered> {
    const { registered, token, eventId } = await this.create(input, causation);
    await this.notifications.send({
      to: { accountId: registered.accountId },
      template: 'identity.email_confirmation',
      data: {
        expiresAt: new Date(this.clock.now().getTime() + EMAIL_CONFIRMATION_TTL_MS).toISOString(),
      },
      secrets: { token },
      idempotencyKey: `identity.email_confirmation:${eventId}`,
    });
    return registered;
  }

  async confirmEmail(
    token: unknown,
    causation: CausationContext,
  ): Promise<{ accountId: string; emailConfirmed: true; revision: string | null }> {
    const accountId = accountIdOfToken(token);
    if (accountId === null) throw invalidToken();
    const now = this.clock.now();
    const result = await runAccountCommand(
      this.store,
      accountId,
      (state) => {
        // An unknown account reads like a used link, so tokens disclose nothing.
        if (state.status === 'none') throw invalidToken();
        return {
          type: 'ConfirmEmail',
          data: { tokenHash: hashSecret(token as string) },
          meta: selfMeta(state, accountId, now),
        };
      },
      causation,
    );
    return { accountId, emailConfirmed: true, revision: revisionOf(result.nextExpectedRevision) };
  }

  /** Always succeeds from the caller's view, so the answer never tells whether an address is registered. */
  async resendConfirmation(email: unknown, causation: CausationContext): Promise<void> {
    const accountId = await this.directory.accountIdByEmail(parseEmail(email));
    if (accountId === null) return;
    const now = this.clock.now();
    const { token, tokenHash } = newAccountToken(accountId);
    const expiresAt = new Date(now.getTime() + EMAIL_CONFIRMATION_TTL_MS).toISOString();
    try {
      const result = await runAccountCommand(
        this.store,
        accountId,
        (state) => ({
          type: 'ReissueEmailConfirmation',
          data: { confirmationTokenHash: tokenHash, confirmationExpiresAt: expiresAt },
          meta: selfMeta(state, accountId, now),
        }),
        causation,
      );
      await this.notifications.send({
        to: { accountId },
        template: 'identity.email_confirmation',
        data: { expiresAt },
        secrets: { token },
        idempotencyKey: `identity.email_confirmation:${result.eventIds[0]}`,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.debug(`confirmation not reissued: ${error.code}`);
    }
  }

  /**
   * The first administrator, for the operator CLI: an account with a confirmed e-mail and the
   * admin role. An existing account is left exactly as it is (`created: false`): promoting one is
   * an admin's act over HTTP, recorded with that admin's id.
   */
  async bootstrapAdmin(
    email: string,
    password: string,
  ): Promise<{ accountId: string; created: boolean }> {
    const causation = { correlationId: `bootstrap-admin:${randomUUID()}` };
    assertPasswordPolicy(password);
    const normalised = parseEmail(email);
    const existing = await this.directory.accountIdByEmail(normalised);
    if (existing !== null) return { accountId: existing, created: false };
    const { accountId: id } = await this.registerConfirmed(
      { email: normalised, password, displayName: 'Administrateur', roles: ['client'] },
      causation,
    );
    const now = this.clock.now();
    // The bootstrap acts as the platform itself; `grantedBy` records it as such.
    await runAccountCommand(
      this.store,
      id,
      {
        type: 'GrantStaffRole',
        data: { role: 'admin' },
        meta: { now: now.toISOString(), actorId: 'system:bootstrap-admin', actorRole: 'admin' },
      },
      causation,
    );
    await runAccountCommand(
      this.store,
      id,
      {
        type: 'SwitchActiveRole',
        data: { role: 'admin' },
        meta: { now: now.toISOString(), actorId: id, actorRole: 'admin' },
      },
      causation,
    );
    return { accountId: id, created: true };
  }

  /**
   * An account whose owner the operator vouches for (the first admin, the demo seed): registered
   * and confirmed at once, no confirmation e-mail; the usual policy applies to every field.
   */
  async registerConfirmed(
    input: RegistrationInput,
    causation: CausationContext,
  ): Promise<{ accountId: string; providerReference: string | null }> {
    const made = await this.create(input, causation);
    await this.confirmEmail(made.token, causation);
    const { accountId, providerReference } = made.registered;
    return { accountId, providerReference };
  }

  private async create(input: RegistrationInput, causation: CausationContext) {
    assertPasswordPolicy(input.password);
    const email = parseEmail(input.email);
    parseDisplayName(input.displayName);
    const roles: PartyRole[] = parseRegistrationRoles(input.roles);
    const accountId = randomUUID();
    if (!(await this.directory.claimEmail(email, accountId))) throw emailAlreadyRegistered();
    try {
      const providerReference = roles.includes('provider')
        ? await this.directory.claimProviderReference(accountId)
        : null;
      const passwordHash = await this.hasher.hash(input.password as string);
      const now = this.clock.now();
      const { token, tokenHash } = newAccountToken(accountId);
      const result = await runAccountCommand(
        this.store,
        accountId,
        {
          type: 'RegisterAccount',
          data: {
            accountId,
            email,
            passwordHash,
            displayName: input.displayName as string,
            roles,
            providerReference,
            confirmationTokenHash: tokenHash,
            confirmationExpiresAt: new Date(
              now.getTime() + EMAIL_CONFIRMATION_TTL_MS,
            ).toISOString(),
          },
          meta: { now: now.toISOString(), actorId: accountId, actorRole: roles[0] },
        },
        causation,
      );
      const registered: Registered = {
        accountId,
        roles,
        activeRole: roles[0],
        providerReference,
        emailConfirmed: false,
        revision: revisionOf(result.nextExpectedRevision),
      };
      return { registered, token, eventId: result.eventIds[0] };
    } catch (error) {
      await this.directory.releaseEmail(accountId);
      await this.directory.releaseProviderReference(accountId);
      throw error;
    }
  }
}
