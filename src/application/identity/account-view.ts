import { ACCOUNT_STATUS_LABELS, AccountState, Address, ROLE_LABELS } from '../../domain/identity';
import { revisionOf } from '../shared/revision';
import { ERASED } from './erasure.constants';

/** What GET /me and staff account views answer. */
export interface AccountView {
  accountId: string;
  status: string;
  statusLabel: string;
  roles: string[];
  roleLabels: string[];
  activeRole: string | null;
  providerReference: string | null;
  emailConfirmed: boolean;
  email: string;
  displayName: string;
  phone: string | null;
  address: Address | null;
  registeredAt: string | null;
  closureEffectiveAt: string | null;
  revision: string | null;
}

export function accountView(state: AccountState, revision: bigint | null): AccountView | null {
  if (state.status === 'none') return null;
  const base = {
    accountId: state.accountId,
    status: state.status,
    statusLabel: ACCOUNT_STATUS_LABELS[state.status],
    revision: revisionOf(revision),
  };
  if (state.status === 'erased') {
    return {
      ...base,
      roles: [],
      roleLabels: [],
      activeRole: null,
      providerReference: null,
      emailConfirmed: false,
      email: ERASED,
      displayName: ERASED,
      phone: null,
      address: null,
      registeredAt: null,
      closureEffectiveAt: null,
    };
  }
  return {
    ...base,
    roles: state.roles,
    roleLabels: state.roles.map((r) => ROLE_LABELS[r]),
    activeRole: state.activeRole,
    providerReference: state.providerReference,
    emailConfirmed: state.emailConfirmed,
    email: state.personal.email,
    displayName: state.personal.displayName,
    phone: state.personal.phone,
    address: state.personal.address,
    registeredAt: state.registeredAt,
    closureEffectiveAt: state.status === 'closing' ? state.closureEffectiveAt : null,
  };
}
