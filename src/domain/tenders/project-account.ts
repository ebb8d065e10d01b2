import type { EscrowEvent } from '../escrow';
import { BusinessRuleError, Cents, IllegalStateError, NotFoundError } from '../shared';
import { projectNotFound } from './project.errors';
import type { ProjectState } from './project.state';

/**
 * The R0 account of a signed project ("compte interne du projet", seed 003): the project's escrow
 * (subject `project`), funded by the client in tranches up to the agreed amount, each tranche
 * released when the client acknowledges its deliverable, frozen by a dispute whose decision only
 * distributes what the account holds. Pure rules and the fold shared by the application and the
 * `tender_accounts` read model (docs/tenders-r0.md).
 */

export const PROJECT_ACCOUNT_ERROR_CODES = {
  PROJECT_NOT_FOUND: 'PROJECT_NOT_FOUND',
  NOT_SIGNED: 'PROJECT_ACCOUNT_NOT_SIGNED',
  NOT_R0: 'PROJECT_ACCOUNT_NOT_R0',
  OVERFUNDED: 'PROJECT_ACCOUNT_OVERFUNDED',
  FROZEN: 'PROJECT_ACCOUNT_FROZEN',
  TRANCHE_NOT_FOUND: 'PROJECT_TRANCHE_NOT_FOUND',
  TRANCHE_ALREADY_SETTLED: 'PROJECT_TRANCHE_ALREADY_SETTLED',
  PAYMENT_METHOD_NOT_ACCEPTED: 'PAYMENT_METHOD_NOT_ACCEPTED',
} as const;

/** The account of an unknown project, or of one the caller is no party to: the project's own 404. */
export { projectNotFound };

export const accountNotSigned = (currentStatus: string) =>
  new IllegalStateError(
    PROJECT_ACCOUNT_ERROR_CODES.NOT_SIGNED,
    'The project account opens once the selected provider confirmed the terms',
    { currentStatus },
  );

export const accountNotR0 = (formula: string) =>
  new BusinessRuleError(
    PROJECT_ACCOUNT_ERROR_CODES.NOT_R0,
    'Only a project under the R0 formula has an internal account',
    { formula },
  );

export const accountOverfunded = (agreedCents: Cents, fundedCents: Cents, requestedCents: Cents) =>
  new BusinessRuleError(
    PROJECT_ACCOUNT_ERROR_CODES.OVERFUNDED,
    'The account cannot hold more than the agreed amount',
    {
      agreedCents,
      fundedCents,
      requestedCents,
      unfundedCents: Math.max(agreedCents - fundedCents, 0),
    },
  );

export const accountFrozen = (disputeId: string) =>
  new IllegalStateError(
    PROJECT_ACCOUNT_ERROR_CODES.FROZEN,
    'The account is frozen until its dispute is decided or withdrawn',
    { currentStatus: 'frozen', disputeId },
  );

export const trancheNotFound = (trancheId: string) =>
  new NotFoundError(PROJECT_ACCOUNT_ERROR_CODES.TRANCHE_NOT_FOUND, 'No such tranche', {
    trancheId,
  });

export const trancheAlreadySettled = (trancheId: string, currentStatus: TrancheStatus) =>
  new IllegalStateError(
    PROJECT_ACCOUNT_ERROR_CODES.TRANCHE_ALREADY_SETTLED,
    'This tranche was already released or given back',
    { trancheId, currentStatus },
  );

export const cardOnly = (paymentMethodId: string) =>
  new BusinessRuleError(
    PROJECT_ACCOUNT_ERROR_CODES.PAYMENT_METHOD_NOT_ACCEPTED,
    'A tranche is paid by card',
    { field: 'paymentMethodId', paymentMethodId },
  );

/** The parties of a signed R0 project: who may fund, release, dispute and read the account. */
export interface AccountParties {
  projectId: string;
  clientId: string;
  providerId: string;
  agreedCents: Cents;
}

/** Who may see the account: the client and the selected provider; anyone else learns nothing. */
export function accountParties(projectId: string, project: ProjectState): AccountParties | null {
  if (!project.brief || !project.providerId || !project.terms) return null;
  if (project.status !== 'signed' && project.status !== 'finished') return null;
  return {
    projectId,
    clientId: project.brief.clientId,
    providerId: project.providerId,
    agreedCents: project.terms.amountCents,
  };
}

export function isAccountParty(project: ProjectState, accountId: string): boolean {
  return project.brief?.clientId === accountId || project.providerId === accountId;
}

/** Funding is allowed on a signed R0 project only, never past the agreed amount. */
export function assertMayFund(
  project: ProjectState,
  account: ProjectAccount,
  amountCents: Cents,
): AccountParties {
  if (project.status !== 'signed' || !project.terms || !project.brief || !project.providerId)
    throw accountNotSigned(project.status);
  if (project.terms.formula !== 'r0') throw accountNotR0(project.terms.formula);
  if (account.frozenBy) throw accountFrozen(account.frozenBy);
  const agreedCents = project.terms.amountCents;
  if (account.fundedCents + amountCents > agreedCents)
    throw accountOverfunded(agreedCents, account.fundedCents, amountCents);
  return {
    projectId: project.brief.projectId,
    clientId: project.brief.clientId,
    providerId: project.providerId,
    agreedCents,
  };
}

/** The client releases a tranche still wholly in the account, outside a dispute. */
export function assertMayRelease(account: ProjectAccount, trancheId: string): AccountTranche {
  const tranche = account.tranches.find((t) => t.trancheId === trancheId);
  if (!tranche) throw trancheNotFound(trancheId);
  if (tranche.status !== 'funded') throw trancheAlreadySettled(trancheId, tranche.status);
  if (account.frozenBy) throw accountFrozen(account.frozenBy);
  return tranche;
}

export const TRANCHE_STATUSES = ['funded', 'released', 'refunded', 'split'] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

export const TRANCHE_STATUS_LABELS: Record<TrancheStatus, string> = {
  funded: 'Sur le compte',
  released: 'Libérée',
  refunded: 'Remboursée',
  split: 'Répartie par le SMA',
};

export interface AccountTranche {
  trancheId: string;
  label: string;
  amountCents: Cents;
  releasedCents: Cents;
  refundedCents: Cents;
  status: TrancheStatus;
  fundedAt: string | null;
  settledAt: string | null;
}

export interface ProjectAccount {
  fundedCents: Cents;
  releasedCents: Cents;
  refundedCents: Cents;
  /** In the account now: funded − released − refunded. */
  heldCents: Cents;
  /** The dispute freezing the account, if any. */
  frozenBy: string | null;
  /** In funding order. */
  tranches: AccountTranche[];
}

export const emptyAccount = (): ProjectAccount => ({
  fundedCents: 0,
  releasedCents: 0,
  refundedCents: 0,
  heldCents: 0,
  frozenBy: null,
  tranches: [],
});

const DEFAULT_LABEL = (n: number) => `Tranche ${n}`;

function statusOf(t: Omit<AccountTranche, 'status'>): TrancheStatus {
  if (t.releasedCents === t.amountCents) return 'released';
  if (t.refundedCents === t.amountCents) return 'refunded';
  return t.releasedCents + t.refundedCents === 0 ? 'funded' : 'split';
}

/**
 * A movement out of the account: a named tranche takes it whole; otherwise (a decision) it is
 * drawn from the tranches still in the account, oldest first.
 */
function drawFrom(
  tranches: AccountTranche[],
  amountCents: Cents,
  side: 'releasedCents' | 'refundedCents',
  at: string | null,
  trancheId?: string,
): AccountTranche[] {
  let left = amountCents;
  return tranches.map((t) => {
    if (left === 0 || (trancheId !== undefined && t.trancheId !== trancheId)) return t;
    const free = t.amountCents - t.releasedCents - t.refundedCents;
    const take = Math.min(free, left);
    if (take === 0) return t;
    left -= take;
    const next = { ...t, [side]: t[side] + take };
    const settled = next.releasedCents + next.refundedCents === next.amountCents;
    return { ...next, status: statusOf(next), settledAt: settled ? at : t.settledAt };
  });
}

/** Money out: an account emptied by a decision ends its dispute, as the escrow closes. */
function afterOutflow(account: ProjectAccount, amountCents: Cents) {
  const heldCents = account.heldCents - amountCents;
  return { heldCents, frozenBy: heldCents === 0 ? null : account.frozenBy };
}

/** Total: an event that does not concern the account leaves it as is. */
export function evolveAccount(
  account: ProjectAccount,
  event: EscrowEvent,
  at: string | null = null,
): ProjectAccount {
  switch (event.type) {
    case 'EscrowFunded': {
      const { trancheId, amountCents, label } = event.data;
      if (account.tranches.some((t) => t.trancheId === trancheId)) return account;
      const tranche: AccountTranche = {
        trancheId,
        label: label ?? DEFAULT_LABEL(account.tranches.length + 1),
        amountCents,
        releasedCents: 0,
        refundedCents: 0,
        status: 'funded',
        fundedAt: at,
        settledAt: null,
      };
      return {
        ...account,
        fundedCents: account.fundedCents + amountCents,
        heldCents: account.heldCents + amountCents,
        tranches: [...account.tranches, tranche],
      };
    }
    case 'EscrowReleased': {
      const { amountCents, trancheId } = event.data;
      return {
        ...account,
        ...afterOutflow(account, amountCents),
        releasedCents: account.releasedCents + amountCents,
        tranches: drawFrom(account.tranches, amountCents, 'releasedCents', at, trancheId),
      };
    }
    case 'EscrowRefunded':
      return {
        ...account,
        ...afterOutflow(account, event.data.amountCents),
        refundedCents: account.refundedCents + event.data.amountCents,
        tranches: drawFrom(account.tranches, event.data.amountCents, 'refundedCents', at),
      };
    case 'EscrowFrozen':
      return { ...account, frozenBy: event.data.disputeId };
    case 'EscrowUnfrozen':
      return account.frozenBy === event.data.disputeId ? { ...account, frozenBy: null } : account;
    default:
      return account;
  }
}

export function foldAccount(events: { event: EscrowEvent; at?: string }[]): ProjectAccount {
  return events.reduce(
    (account, { event, at }) => evolveAccount(account, event, at ?? null),
    emptyAccount(),
  );
}

/** "Gestion paiements": what the parties see, amounts in cents. */
export function accountSummary(agreedCents: Cents, account: ProjectAccount) {
  return {
    agreedCents,
    fundedCents: account.fundedCents,
    releasedCents: account.releasedCents,
    refundedCents: account.refundedCents,
    heldCents: account.heldCents,
    unfundedCents: Math.max(agreedCents - account.fundedCents, 0),
  };
}
