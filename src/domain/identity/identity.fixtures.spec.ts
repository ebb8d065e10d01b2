import { CommandMeta, DomainError } from '../shared';
import { AccountRegistered, EmailConfirmed } from './account.events';

/** Shared givens of the identity specs (not a test file: jest runs only `*.unit.spec.ts`). */

/** A Wednesday, so that two business days later is the Friday of the same week. */
export const NOW = '2025-03-12T10:00:00.000Z';
export const LATER = '2025-03-12T11:00:00.000Z';
export const IN_A_DAY = '2025-03-13T10:00:00.000Z';

export const ACCOUNT_ID = 'acc-1';
export const ADMIN_ID = 'admin-7';
export const STRANGER_ID = 'acc-666';

export const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$b2xkaGFzaGhhc2g';
export const NEW_HASH = '$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$bmV3aGFzaGhhc2g';
export const CONFIRMATION_HASH = 'confirm-hash-1';
export const RESET_HASH = 'reset-hash-1';

export const holder = (now = NOW): CommandMeta => ({
  now,
  actorId: ACCOUNT_ID,
  actorRole: 'client',
});
export const stranger = (now = NOW): CommandMeta => ({
  now,
  actorId: STRANGER_ID,
  actorRole: 'client',
});
export const admin = (now = NOW): CommandMeta => ({ now, actorId: ADMIN_ID, actorRole: 'admin' });
export const system = (now = NOW): CommandMeta => ({ now, actorId: 'worker', actorRole: 'system' });
/** Token links are followed without a session; the application passes the system actor. */
export const anonymous = system;

export const registered = (
  overrides: Partial<AccountRegistered['data']> = {},
): AccountRegistered => ({
  type: 'AccountRegistered',
  data: {
    accountId: ACCOUNT_ID,
    roles: ['client'],
    activeRole: 'client',
    providerReference: null,
    passwordHash: HASH,
    confirmationTokenHash: CONFIRMATION_HASH,
    confirmationExpiresAt: IN_A_DAY,
    registeredAt: NOW,
    personal: { email: 'camille.martin@example.fr', displayName: 'Camille Martin' },
    ...overrides,
  },
});

export const confirmed: EmailConfirmed = {
  type: 'EmailConfirmed',
  data: { accountId: ACCOUNT_ID, confirmedAt: NOW },
};

/** The domain error a call throws, or undefined, for value objects and policies outside a decider. */
export function caught(run: () => unknown): DomainError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}
