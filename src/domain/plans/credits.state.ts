import type { CreditsEvent, CreditSubject } from './credits.events';
import { CREDIT_KINDS, type CreditAllowance, type CreditKind } from './plan.events';

export interface CreditSpendRecord {
  spendId: string;
  kind: CreditKind;
  subject: CreditSubject;
  spentAt: string;
  refunded: boolean;
}

/** Totals per kind since the ledger opened; `balance = granted − spent + refunded − forfeited`. */
export interface CreditTotals {
  granted: CreditAllowance;
  spent: CreditAllowance;
  refunded: CreditAllowance;
  forfeited: CreditAllowance;
}

/** A provider's ledger once anything happened on it; `closed` after the account closure. */
export interface CreditLedger extends CreditTotals {
  status: 'open' | 'closed';
  accountId: string;
  balance: CreditAllowance;
  grantIds: Readonly<Record<string, true>>;
  spends: Readonly<Record<string, CreditSpendRecord>>;
  /** By spend key (`spendKey`): the spend that holds (not refunded). */
  activeSpends: Readonly<Record<string, string>>;
  /** By spend key: how many spends were recorded (the generation of the next one). */
  spendCounts: Readonly<Record<string, number>>;
  /** The subscriptions whose payment incident froze the ledger; spendable when empty. */
  frozenBy: readonly string[];
  frozenSince: string | null;
}

export type CreditsState = { status: 'none' } | CreditLedger;

export const initialState = (): CreditsState => ({ status: 'none' });

export const zeroCredits = (): CreditAllowance => ({
  consultation: 0,
  offer: 0,
  direct_contact: 0,
});

/** One spend per account, kind and subject: the key its id is derived from. */
export const spendKey = (kind: CreditKind, subject: CreditSubject): string =>
  `${kind}|${subject.type}|${subject.id}`;

const add = (a: CreditAllowance, b: CreditAllowance, sign = 1): CreditAllowance => {
  const out = zeroCredits();
  for (const k of CREDIT_KINDS) out[k] = (a[k] ?? 0) + sign * (Number(b?.[k]) || 0);
  return out;
};

const addOne = (a: CreditAllowance, kind: CreditKind, delta: number): CreditAllowance =>
  CREDIT_KINDS.includes(kind) ? { ...a, [kind]: a[kind] + delta } : a;

const opened = (state: CreditsState, accountId: string): CreditLedger =>
  state.status !== 'none'
    ? state
    : {
        status: 'open',
        accountId,
        balance: zeroCredits(),
        granted: zeroCredits(),
        spent: zeroCredits(),
        refunded: zeroCredits(),
        forfeited: zeroCredits(),
        grantIds: {},
        spends: {},
        activeSpends: {},
        spendCounts: {},
        frozenBy: [],
        frozenSince: null,
      };

export const isFrozen = (state: CreditsState): boolean =>
  state.status === 'open' && state.frozenBy.length > 0;

/** Total: an event that does not fit changes nothing; never throws. */
export function evolve(state: CreditsState, event: CreditsEvent): CreditsState {
  switch (event.type) {
    case 'CreditsGranted': {
      const ledger = opened(state, event.data.accountId);
      if (ledger.grantIds[event.data.grantId]) return ledger;
      return {
        ...ledger,
        balance: add(ledger.balance, event.data.credits),
        granted: add(ledger.granted, event.data.credits),
        grantIds: { ...ledger.grantIds, [event.data.grantId]: true },
      };
    }
    case 'CreditSpent': {
      const ledger = opened(state, event.data.accountId);
      const { spendId, kind, subject, spentAt } = event.data;
      if (ledger.spends[spendId]) return ledger;
      const key = spendKey(kind, subject);
      return {
        ...ledger,
        balance: addOne(ledger.balance, kind, -1),
        spent: addOne(ledger.spent, kind, 1),
        spends: {
          ...ledger.spends,
          [spendId]: { spendId, kind, subject, spentAt, refunded: false },
        },
        activeSpends: { ...ledger.activeSpends, [key]: spendId },
        spendCounts: { ...ledger.spendCounts, [key]: (ledger.spendCounts[key] ?? 0) + 1 },
      };
    }
    case 'CreditRefunded': {
      const ledger = opened(state, event.data.accountId);
      const spend = ledger.spends[event.data.spendId];
      if (!spend || spend.refunded) return ledger;
      const key = spendKey(spend.kind, spend.subject);
      const { [key]: _gone, ...activeSpends } = ledger.activeSpends;
      return {
        ...ledger,
        balance: addOne(ledger.balance, spend.kind, 1),
        refunded: addOne(ledger.refunded, spend.kind, 1),
        spends: { ...ledger.spends, [spend.spendId]: { ...spend, refunded: true } },
        activeSpends:
          ledger.activeSpends[key] === spend.spendId ? activeSpends : ledger.activeSpends,
      };
    }
    case 'CreditsFrozen': {
      const ledger = opened(state, event.data.accountId);
      if (ledger.frozenBy.includes(event.data.subscriptionId)) return ledger;
      return {
        ...ledger,
        frozenBy: [...ledger.frozenBy, event.data.subscriptionId],
        frozenSince: ledger.frozenSince ?? event.data.frozenAt,
      };
    }
    case 'CreditsUnfrozen': {
      if (state.status === 'none') return state;
      const frozenBy = state.frozenBy.filter((s) => s !== event.data.subscriptionId);
      return { ...state, frozenBy, frozenSince: frozenBy.length ? state.frozenSince : null };
    }
    case 'CreditsForfeited': {
      const ledger = opened(state, event.data.accountId);
      return {
        ...ledger,
        status: 'closed',
        balance: add(ledger.balance, event.data.credits, -1),
        forfeited: add(ledger.forfeited, event.data.credits),
        frozenBy: [],
        frozenSince: null,
      };
    }
    default:
      event satisfies never;
      return state;
  }
}

/** French labels of the kinds, as seed 003 names them. */
export const CREDIT_KIND_LABELS: Record<CreditKind, string> = {
  consultation: 'Consultation',
  offer: 'Offre',
  direct_contact: 'Contact direct',
};
