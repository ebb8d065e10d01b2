import { assertNever } from '../shared';
import type { AccountCommand, RevokeStaffRole } from './account.commands';
import { cannotRevokeOwnAdminRole, emailAlreadyConfirmed, roleNotHeld } from './account.errors';
import { closeAccount, closure, eraseAccount } from './account.closure';
import { activateRole, register, updateProfile } from './account.profile';
import { AccountEvent } from './account.events';
import { assertAdmin, assertHolder, expiry, live, redeem, tokenHash } from './account.guards';
import { AccountState, LiveAccount } from './account.state';
import { assertPasswordHash } from './password-policy';
import { parseRole, parseStaffRole } from './roles';

function revokeStaffRole({ data, meta }: RevokeStaffRole, state: LiveAccount): AccountEvent[] {
  const role = parseStaffRole(data.role);
  if (role === 'admin' && meta.actorId === state.accountId) throw cannotRevokeOwnAdminRole();
  if (!state.roles.includes(role)) return [];
  return [
    {
      type: 'StaffRoleRevoked',
      data: { accountId: state.accountId, role, revokedBy: meta.actorId, revokedAt: meta.now },
    },
  ];
}

export function decide(command: AccountCommand, state: AccountState): AccountEvent[] {
  const { meta } = command;
  switch (command.type) {
    case 'RegisterAccount':
      return register(command, state);
    case 'ReissueEmailConfirmation': {
      const account = live(state);
      if (account.emailConfirmed) throw emailAlreadyConfirmed(account.status);
      const { confirmationTokenHash, confirmationExpiresAt } = command.data;
      const data = {
        accountId: account.accountId,
        confirmationTokenHash: tokenHash(confirmationTokenHash, 'confirmationTokenHash'),
        confirmationExpiresAt: expiry(confirmationExpiresAt, meta.now, 'confirmationExpiresAt'),
      };
      return [{ type: 'EmailConfirmationReissued', data }];
    }
    case 'ConfirmEmail': {
      const account = live(state);
      redeem(account.confirmation, command.data.tokenHash, meta.now);
      return [
        { type: 'EmailConfirmed', data: { accountId: account.accountId, confirmedAt: meta.now } },
      ];
    }
    case 'ActivateRole':
      return activateRole(command, live(state));
    case 'SwitchActiveRole': {
      const account = live(state);
      assertHolder(account, meta);
      const role = parseRole(command.data.role);
      if (!account.roles.includes(role)) throw roleNotHeld(role);
      if (account.activeRole === role) return [];
      const data = { accountId: account.accountId, role, switchedAt: meta.now };
      return [{ type: 'ActiveRoleSwitched', data }];
    }
    case 'UpdateProfile':
      return updateProfile(command, live(state));
    case 'ChangePassword': {
      const account = live(state);
      assertHolder(account, meta);
      const passwordHash = assertPasswordHash(command.data.newPasswordHash, 'newPasswordHash');
      const data = { accountId: account.accountId, passwordHash, changedAt: meta.now };
      return [{ type: 'PasswordChanged', data }];
    }
    case 'RequestPasswordReset': {
      const account = live(state);
      const data = {
        accountId: account.accountId,
        tokenHash: tokenHash(command.data.tokenHash, 'tokenHash'),
        expiresAt: expiry(command.data.expiresAt, meta.now, 'expiresAt'),
        requestedAt: meta.now,
      };
      return [{ type: 'PasswordResetRequested', data }];
    }
    case 'ResetPassword': {
      const account = live(state);
      redeem(account.passwordReset, command.data.tokenHash, meta.now);
      const passwordHash = assertPasswordHash(command.data.newPasswordHash, 'newPasswordHash');
      return [
        {
          type: 'PasswordReset',
          data: { accountId: account.accountId, passwordHash, resetAt: meta.now },
        },
      ];
    }
    case 'GrantStaffRole': {
      assertAdmin(meta);
      const account = live(state);
      const role = parseStaffRole(command.data.role);
      if (account.roles.includes(role)) return [];
      const data = {
        accountId: account.accountId,
        role,
        grantedBy: meta.actorId,
        grantedAt: meta.now,
      };
      return [{ type: 'StaffRoleGranted', data }];
    }
    case 'RevokeStaffRole':
      assertAdmin(meta);
      return revokeStaffRole(command, live(state));
    case 'RequestClosure':
    case 'WithdrawClosure':
      return closure(command, live(state));
    case 'CloseAccount':
      return closeAccount(command, state);
    case 'EraseAccount':
      return eraseAccount(command, state);
    default:
      return assertNever(command);
  }
}
