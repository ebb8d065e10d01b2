import { isStaff } from '../shared';
import { AccountEvent } from './account.events';
import { Address } from './profile';
import { isPartyRole, Role } from './roles';

export interface PersonalData {
  email: string;
  displayName: string;
  phone: string | null;
  address: Address | null;
}

/** A single-use secret: only its hash is stored, and it stops working at `expiresAt`. */
export interface PendingToken {
  tokenHash: string;
  expiresAt: string;
}

export interface AccountDetails {
  accountId: string;
  /** Party roles first (in activation order), then staff roles. */
  roles: Role[];
  activeRole: Role;
  providerReference: string | null;
  passwordHash: string;
  emailConfirmed: boolean;
  confirmation: PendingToken | null;
  passwordReset: PendingToken | null;
  personal: PersonalData;
  registeredAt: string;
}

export type OpenAccount = { status: 'open' } & AccountDetails;
export type ClosingAccount = {
  status: 'closing';
  closureRequestedAt: string;
  closureEffectiveAt: string;
} & AccountDetails;
export type ClosedAccount = { status: 'closed'; closedAt: string } & AccountDetails;
/** Nothing personal survives erasure, not even in memory. */
export type ErasedAccount = { status: 'erased'; accountId: string; erasedAt: string };

export type AccountState =
  { status: 'none' } | OpenAccount | ClosingAccount | ClosedAccount | ErasedAccount;

export type AccountStatus = AccountState['status'];
/** An account that still takes commands from its holder. */
export type LiveAccount = OpenAccount | ClosingAccount;

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  none: 'Inexistant',
  open: 'Actif',
  closing: 'Clôture demandée',
  closed: 'Clôturé',
  erased: 'Données effacées',
};

export function initialState(): AccountState {
  return { status: 'none' };
}

function withRole(roles: Role[], role: Role): Role[] {
  if (roles.includes(role)) return roles;
  const party = roles.filter(isPartyRole);
  const staff = roles.filter((r) => !isPartyRole(r));
  return isPartyRole(role) ? [...party, role, ...staff] : [...party, ...staff, role];
}

function details(state: AccountState): OpenAccount | ClosingAccount | ClosedAccount | null {
  return state.status === 'open' || state.status === 'closing' || state.status === 'closed'
    ? state
    : null;
}

export function evolve(state: AccountState, event: AccountEvent): AccountState {
  if (event.type === 'AccountRegistered') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'open',
      accountId: d.accountId,
      roles: [...d.roles],
      activeRole: d.activeRole,
      providerReference: d.providerReference,
      passwordHash: d.passwordHash,
      emailConfirmed: false,
      confirmation: { tokenHash: d.confirmationTokenHash, expiresAt: d.confirmationExpiresAt },
      passwordReset: null,
      personal: { ...d.personal, phone: null, address: null },
      registeredAt: d.registeredAt,
    };
  }
  const current = details(state);
  if (current === null) return state;
  switch (event.type) {
    case 'EmailConfirmationReissued':
      return {
        ...current,
        confirmation: {
          tokenHash: event.data.confirmationTokenHash,
          expiresAt: event.data.confirmationExpiresAt,
        },
      };
    case 'EmailConfirmed':
      return { ...current, emailConfirmed: true, confirmation: null };
    case 'RoleActivated':
      return {
        ...current,
        roles: withRole(current.roles, event.data.role),
        providerReference: event.data.providerReference ?? current.providerReference,
      };
    case 'ActiveRoleSwitched':
      return { ...current, activeRole: event.data.role };
    case 'ProfileUpdated':
      return { ...current, personal: { ...current.personal, ...event.data.personal } };
    case 'PasswordChanged':
      // A reset link sent before the change must not undo it.
      return { ...current, passwordHash: event.data.passwordHash, passwordReset: null };
    case 'PasswordResetRequested':
      return {
        ...current,
        passwordReset: { tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt },
      };
    case 'PasswordReset':
      return { ...current, passwordHash: event.data.passwordHash, passwordReset: null };
    case 'StaffRoleGranted':
      return { ...current, roles: withRole(current.roles, event.data.role) };
    case 'StaffRoleRevoked': {
      const roles = current.roles.filter((r) => r !== event.data.role);
      const fallback = roles.find((r) => !isStaff(r)) ?? roles[0] ?? current.activeRole;
      const activeRole = current.activeRole === event.data.role ? fallback : current.activeRole;
      return { ...current, roles, activeRole };
    }
    case 'AccountClosureRequested':
      if (current.status !== 'open') return state;
      return {
        ...current,
        status: 'closing',
        closureRequestedAt: event.data.requestedAt,
        closureEffectiveAt: event.data.effectiveAt,
      };
    case 'AccountClosureWithdrawn': {
      if (current.status !== 'closing') return state;
      const { closureRequestedAt: _r, closureEffectiveAt: _e, ...rest } = current;
      return { ...rest, status: 'open' };
    }
    case 'AccountClosed': {
      if (current.status === 'closed') return state;
      const { closureRequestedAt: _r, closureEffectiveAt: _e, ...rest } = current as ClosingAccount;
      return { ...rest, status: 'closed', closedAt: event.data.closedAt };
    }
    case 'AccountErased':
      return { status: 'erased', accountId: current.accountId, erasedAt: event.data.erasedAt };
    default:
      // Exhaustive at compile time, yet an unknown stored type leaves the state as is: evolve never
      // throws.
      event satisfies never;
      return state;
  }
}
