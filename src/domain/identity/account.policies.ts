import { accountClosed, accountNotFound, emailNotConfirmed } from './account.errors';
import { AccountState } from './account.state';
import { Role } from './roles';

/** What an access token may say about its holder; nothing personal. */
export interface AccessClaims {
  accountId: string;
  roles: Role[];
  activeRole: Role;
  providerReference: string | null;
}

/**
 * Checked by the application after the password matched and before issuing tokens.
 * An account awaiting closure still logs in: the closure is not effective yet.
 */
export function assertCanLogIn(state: AccountState): AccessClaims {
  if (state.status === 'none') throw accountNotFound();
  if (state.status === 'closed' || state.status === 'erased') throw accountClosed(state.status);
  if (!state.emailConfirmed) throw emailNotConfirmed();
  return {
    accountId: state.accountId,
    roles: [...state.roles],
    activeRole: state.activeRole,
    providerReference: state.providerReference,
  };
}
