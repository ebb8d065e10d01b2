import { DomainEvent, PartyRole, StaffRole, EventVersions } from '../shared';
import { Address } from './profile';
import { Role } from './roles';

/**
 * Personal data sits under `data.personal` and nowhere else, so the application can encrypt
 * that sub-object with the account's key and erase the person by destroying the key.
 */
export interface RegisteredPersonalData {
  email: string;
  displayName: string;
}

/** Only the fields that changed; `null` clears a phone or an address. */
export interface ProfilePersonalData {
  displayName?: string;
  phone?: string | null;
  address?: Address | null;
}

export type AccountRegistered = DomainEvent<
  'AccountRegistered',
  {
    accountId: string;
    roles: PartyRole[];
    activeRole: PartyRole;
    /** Public, pseudonymous and needed to read old orders, hence outside `personal`. */
    providerReference: string | null;
    passwordHash: string;
    confirmationTokenHash: string;
    confirmationExpiresAt: string;
    registeredAt: string;
    personal: RegisteredPersonalData;
  }
>;

export type EmailConfirmationReissued = DomainEvent<
  'EmailConfirmationReissued',
  { accountId: string; confirmationTokenHash: string; confirmationExpiresAt: string }
>;

export type EmailConfirmed = DomainEvent<
  'EmailConfirmed',
  { accountId: string; confirmedAt: string }
>;

export type RoleActivated = DomainEvent<
  'RoleActivated',
  { accountId: string; role: PartyRole; providerReference: string | null; activatedAt: string }
>;

export type ActiveRoleSwitched = DomainEvent<
  'ActiveRoleSwitched',
  { accountId: string; role: Role; switchedAt: string }
>;

export type ProfileUpdated = DomainEvent<
  'ProfileUpdated',
  { accountId: string; updatedAt: string; personal: ProfilePersonalData }
>;

export type PasswordChanged = DomainEvent<
  'PasswordChanged',
  { accountId: string; passwordHash: string; changedAt: string }
>;

export type PasswordResetRequested = DomainEvent<
  'PasswordResetRequested',
  { accountId: string; tokenHash: string; expiresAt: string; requestedAt: string }
>;

export type PasswordReset = DomainEvent<
  'PasswordReset',
  { accountId: string; passwordHash: string; resetAt: string }
>;

export type StaffRoleGranted = DomainEvent<
  'StaffRoleGranted',
  { accountId: string; role: StaffRole; grantedBy: string; grantedAt: string }
>;

export type StaffRoleRevoked = DomainEvent<
  'StaffRoleRevoked',
  { accountId: string; role: StaffRole; revokedBy: string; revokedAt: string }
>;

export type AccountClosureRequested = DomainEvent<
  'AccountClosureRequested',
  { accountId: string; requestedBy: string; requestedAt: string; effectiveAt: string }
>;

export type AccountClosureWithdrawn = DomainEvent<
  'AccountClosureWithdrawn',
  { accountId: string; withdrawnBy: string; withdrawnAt: string }
>;

export type AccountClosed = DomainEvent<'AccountClosed', { accountId: string; closedAt: string }>;

export const ERASURE_REASONS = ['account_closed', 'gdpr_request'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** After this event the application destroys the account's key; no personal field remains readable. */
export type AccountErased = DomainEvent<
  'AccountErased',
  { accountId: string; reason: ErasureReason; erasedBy: string; erasedAt: string }
>;

export type AccountEvent =
  | AccountRegistered
  | EmailConfirmationReissued
  | EmailConfirmed
  | RoleActivated
  | ActiveRoleSwitched
  | ProfileUpdated
  | PasswordChanged
  | PasswordResetRequested
  | PasswordReset
  | StaffRoleGranted
  | StaffRoleRevoked
  | AccountClosureRequested
  | AccountClosureWithdrawn
  | AccountClosed
  | AccountErased;

/** Stored schema version per event type; raise one only with an upcaster (docs/event-store.md). */
export const ACCOUNT_EVENT_VERSIONS: EventVersions<AccountEvent['type']> = {
  AccountRegistered: 1,
  EmailConfirmationReissued: 1,
  EmailConfirmed: 1,
  RoleActivated: 1,
  ActiveRoleSwitched: 1,
  ProfileUpdated: 1,
  PasswordChanged: 1,
  PasswordResetRequested: 1,
  PasswordReset: 1,
  StaffRoleGranted: 1,
  StaffRoleRevoked: 1,
  AccountClosureRequested: 1,
  AccountClosureWithdrawn: 1,
  AccountClosed: 1,
  AccountErased: 1,
};

/** The event types that carry `data.personal`, for the encrypting serializer and its tests. */
export const ACCOUNT_EVENTS_WITH_PERSONAL_DATA = ['AccountRegistered', 'ProfileUpdated'] as const;

export const accountStreamName = (accountId: string): string => `account-${accountId}`;
