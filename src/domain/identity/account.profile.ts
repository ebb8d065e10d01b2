import { accountAlreadyRegistered, emptyProfileUpdate, invalidAccountId } from './account.errors';
import type { ActivateRole, RegisterAccount, UpdateProfile } from './account.commands';
import { AccountEvent, ProfilePersonalData } from './account.events';
import { assertHolder, expiry, providerReferenceFor, tokenHash } from './account.guards';
import { AccountState, LiveAccount } from './account.state';
import { parseEmail } from './email';
import { assertPasswordHash } from './password-policy';
import { parseAddress, parseDisplayName, parsePhone, sameAddress } from './profile';
import { parsePartyRole, parseRegistrationRoles } from './roles';

/** Who the person is and which roles they take: sign-up, new roles, profile changes. */

export function register({ data, meta }: RegisterAccount, state: AccountState): AccountEvent[] {
  if (state.status !== 'none') throw accountAlreadyRegistered(state.status);
  if (typeof data.accountId !== 'string' || data.accountId.trim() === '') throw invalidAccountId();
  const email = parseEmail(data.email);
  const displayName = parseDisplayName(data.displayName);
  const roles = parseRegistrationRoles(data.roles);
  const providerReference = providerReferenceFor(
    roles.includes('provider'),
    data.providerReference,
  );
  return [
    {
      type: 'AccountRegistered',
      data: {
        accountId: data.accountId,
        roles,
        activeRole: roles[0],
        providerReference,
        passwordHash: assertPasswordHash(data.passwordHash),
        confirmationTokenHash: tokenHash(data.confirmationTokenHash, 'confirmationTokenHash'),
        confirmationExpiresAt: expiry(
          data.confirmationExpiresAt,
          meta.now,
          'confirmationExpiresAt',
        ),
        registeredAt: meta.now,
        personal: { email, displayName },
      },
    },
  ];
}

export function activateRole({ data, meta }: ActivateRole, state: LiveAccount): AccountEvent[] {
  assertHolder(state, meta);
  const role = parsePartyRole(data.role);
  if (state.roles.includes(role)) return [];
  const providerReference = providerReferenceFor(role === 'provider', data.providerReference);
  return [
    {
      type: 'RoleActivated',
      data: { accountId: state.accountId, role, providerReference, activatedAt: meta.now },
    },
  ];
}

export function updateProfile({ data, meta }: UpdateProfile, state: LiveAccount): AccountEvent[] {
  assertHolder(state, meta);
  if (data.displayName === undefined && data.phone === undefined && data.address === undefined) {
    throw emptyProfileUpdate();
  }
  const changes: ProfilePersonalData = {};
  if (data.displayName !== undefined) {
    const displayName = parseDisplayName(data.displayName);
    if (displayName !== state.personal.displayName) changes.displayName = displayName;
  }
  if (data.phone !== undefined) {
    const phone = data.phone === null || data.phone === '' ? null : parsePhone(data.phone);
    if (phone !== state.personal.phone) changes.phone = phone;
  }
  if (data.address !== undefined) {
    const address = data.address === null ? null : parseAddress(data.address);
    if (!sameAddress(address, state.personal.address)) changes.address = address;
  }
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'ProfileUpdated',
      data: { accountId: state.accountId, updatedAt: meta.now, personal: changes },
    },
  ];
}
