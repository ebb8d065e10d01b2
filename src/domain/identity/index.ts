import { Decider } from '../shared';
import type { AccountCommand } from './account.commands';
import { decide as decideAccount } from './account.decide';
import { AccountEvent } from './account.events';
import {
  AccountState,
  evolve as evolveAccount,
  initialState as initialAccount,
} from './account.state';
import type { VerificationCommand } from './verification.commands';
import { decide as decideVerification } from './verification.decide';
import { VerificationEvent } from './verification.events';
import {
  evolve as evolveVerification,
  initialState as initialVerification,
  VerificationState,
} from './verification.state';

export const accountDecider: Decider<AccountCommand, AccountState, AccountEvent> = {
  decide: decideAccount,
  evolve: evolveAccount,
  initialState: initialAccount,
};

export const verificationDecider: Decider<
  VerificationCommand,
  VerificationState,
  VerificationEvent
> = {
  decide: decideVerification,
  evolve: evolveVerification,
  initialState: initialVerification,
};

export type {
  AccountCommand,
  ActivateRole,
  ChangePassword,
  CloseAccount,
  ConfirmEmail,
  EraseAccount,
  GrantStaffRole,
  RegisterAccount,
  ReissueEmailConfirmation,
  RequestClosure,
  RequestPasswordReset,
  ResetPassword,
  RevokeStaffRole,
  SwitchActiveRole,
  UpdateProfile,
  WithdrawClosure,
} from './account.commands';
export * from './account.errors';
export * from './account.events';
export { assertCanLogIn, type AccessClaims } from './account.policies';
export {
  ACCOUNT_STATUS_LABELS,
  type AccountDetails,
  type AccountState,
  type AccountStatus,
  type PendingToken,
  type PersonalData,
} from './account.state';
export { CLOSURE_DELAY_BUSINESS_DAYS } from './account.closure';
export * from './calendar';
export * from './email';
export * from './login-throttle';
export * from './password-policy';
export * from './profile';
export * from './provider-reference';
export * from './roles';
export * from './verification-status';
export * from './association-registration';
export type {
  ApproveDocument,
  DeclareAssociationRegistration,
  DeclareSalaryPortage,
  ExpireDocument,
  RejectDocument,
  SubmitDocument,
  VerificationCommand,
} from './verification.commands';
export * from './verification.errors';
export * from './verification.events';
export {
  DOCUMENT_STATUS_LABELS,
  type DeclaredAssociation,
  type DocumentStatus,
  type VerificationDocument,
  type VerificationState,
} from './verification.state';
