import { CommandMeta } from '../shared';
import { AccountCommand } from './account.commands';
import { AccountClosed, AccountClosureRequested, AccountErased } from './account.events';
import {
  ACCOUNT_ID,
  admin,
  anonymous,
  CONFIRMATION_HASH,
  holder,
  IN_A_DAY,
  NEW_HASH,
  NOW,
  system,
} from './identity.fixtures.spec';

/** Givens of the closure and erasure specs (not a test file: jest runs only `*.unit.spec.ts`). */

/** NOW is a Wednesday: two business days later is Friday, same time. */
export const EFFECTIVE_AT = '2025-03-14T10:00:00.000Z';
export const BEFORE_EFFECTIVE = '2025-03-14T09:59:59.999Z';
export const AFTER_EFFECTIVE = '2025-03-17T08:00:00.000Z';

export const request = (meta: CommandMeta = holder()): AccountCommand => ({
  type: 'RequestClosure',
  data: {},
  meta,
});
export const withdraw = (meta: CommandMeta = holder(IN_A_DAY)): AccountCommand => ({
  type: 'WithdrawClosure',
  data: {},
  meta,
});
export const close = (meta: CommandMeta = system(EFFECTIVE_AT)): AccountCommand => ({
  type: 'CloseAccount',
  data: {},
  meta,
});
export const erase = (
  reason: string,
  meta: CommandMeta = system(AFTER_EFFECTIVE),
): AccountCommand => ({
  type: 'EraseAccount',
  data: { reason },
  meta,
});

export const closureRequested: AccountClosureRequested = {
  type: 'AccountClosureRequested',
  data: {
    accountId: ACCOUNT_ID,
    requestedBy: ACCOUNT_ID,
    requestedAt: NOW,
    effectiveAt: EFFECTIVE_AT,
  },
};
export const closed: AccountClosed = {
  type: 'AccountClosed',
  data: { accountId: ACCOUNT_ID, closedAt: EFFECTIVE_AT },
};
export const erased = (
  reason: AccountErased['data']['reason'],
  erasedBy: string,
  erasedAt: string,
): AccountErased => ({
  type: 'AccountErased',
  data: { accountId: ACCOUNT_ID, reason, erasedBy, erasedAt },
});

/** Everything a person or staff could ask of a live account. */
export const refused: AccountCommand[] = [
  {
    type: 'ConfirmEmail',
    data: { tokenHash: CONFIRMATION_HASH },
    meta: anonymous(AFTER_EFFECTIVE),
  },
  {
    type: 'ReissueEmailConfirmation',
    data: { confirmationTokenHash: 'h', confirmationExpiresAt: '2030-01-01T00:00:00.000Z' },
    meta: anonymous(AFTER_EFFECTIVE),
  },
  { type: 'ActivateRole', data: { role: 'volunteer' }, meta: holder(AFTER_EFFECTIVE) },
  { type: 'SwitchActiveRole', data: { role: 'client' }, meta: holder(AFTER_EFFECTIVE) },
  { type: 'UpdateProfile', data: { displayName: 'X' }, meta: holder(AFTER_EFFECTIVE) },
  { type: 'ChangePassword', data: { newPasswordHash: NEW_HASH }, meta: holder(AFTER_EFFECTIVE) },
  {
    type: 'RequestPasswordReset',
    data: { tokenHash: 'h', expiresAt: '2030-01-01T00:00:00.000Z' },
    meta: anonymous(AFTER_EFFECTIVE),
  },
  {
    type: 'ResetPassword',
    data: { tokenHash: 'h', newPasswordHash: NEW_HASH },
    meta: anonymous(AFTER_EFFECTIVE),
  },
  { type: 'GrantStaffRole', data: { role: 'finance' }, meta: admin(AFTER_EFFECTIVE) },
  { type: 'RevokeStaffRole', data: { role: 'finance' }, meta: admin(AFTER_EFFECTIVE) },
  { type: 'RequestClosure', data: {}, meta: holder(AFTER_EFFECTIVE) },
  { type: 'WithdrawClosure', data: {}, meta: holder(AFTER_EFFECTIVE) },
];
