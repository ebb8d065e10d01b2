import type { Command } from '../shared';

/** Role fields are plain strings: they come from user input and are validated here. */
export type RegisterAccount = Command<
  'RegisterAccount',
  {
    accountId: string;
    email: string;
    passwordHash: string;
    displayName: string;
    roles: readonly string[];
    providerReference?: string | null;
    confirmationTokenHash: string;
    confirmationExpiresAt: string;
  }
>;
export type ReissueEmailConfirmation = Command<
  'ReissueEmailConfirmation',
  { confirmationTokenHash: string; confirmationExpiresAt: string }
>;
export type ConfirmEmail = Command<'ConfirmEmail', { tokenHash: string }>;
export type ActivateRole = Command<
  'ActivateRole',
  { role: string; providerReference?: string | null }
>;
export type SwitchActiveRole = Command<'SwitchActiveRole', { role: string }>;
export type UpdateProfile = Command<
  'UpdateProfile',
  { displayName?: string; phone?: string | null; address?: unknown }
>;
export type ChangePassword = Command<'ChangePassword', { newPasswordHash: string }>;
export type RequestPasswordReset = Command<
  'RequestPasswordReset',
  { tokenHash: string; expiresAt: string }
>;
export type ResetPassword = Command<
  'ResetPassword',
  { tokenHash: string; newPasswordHash: string }
>;
export type GrantStaffRole = Command<'GrantStaffRole', { role: string }>;
export type RevokeStaffRole = Command<'RevokeStaffRole', { role: string }>;
export type RequestClosure = Command<'RequestClosure', Record<string, never>>;
export type WithdrawClosure = Command<'WithdrawClosure', Record<string, never>>;
export type CloseAccount = Command<'CloseAccount', Record<string, never>>;
export type EraseAccount = Command<'EraseAccount', { reason: string }>;

export type AccountCommand =
  | RegisterAccount
  | ReissueEmailConfirmation
  | ConfirmEmail
  | ActivateRole
  | SwitchActiveRole
  | UpdateProfile
  | ChangePassword
  | RequestPasswordReset
  | ResetPassword
  | GrantStaffRole
  | RevokeStaffRole
  | RequestClosure
  | WithdrawClosure
  | CloseAccount
  | EraseAccount;
