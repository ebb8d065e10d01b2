import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  CREDIT_KIND_LABELS,
  CREDIT_KINDS,
  creditsDecider,
  creditsStream,
  zeroCredits,
  type CreditAllowance,
  type CreditKind,
  type CreditsState,
} from '../../domain/plans';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';

export interface CreditKindView {
  kind: CreditKind;
  label: string;
  balance: number;
  granted: number;
  spent: number;
  refunded: number;
  forfeited: number;
}

/** A provider's credits: what `GET /me/credits` answers and the staff view shows. */
export interface CreditLedgerView {
  accountId: string;
  balance: CreditAllowance;
  /** A payment incident froze the credits: nothing can be spent until it is settled. */
  frozen: boolean;
  frozenSince: string | null;
  /** The account was closed: what was left was forfeited. */
  closed: boolean;
  totals: {
    granted: CreditAllowance;
    spent: CreditAllowance;
    refunded: CreditAllowance;
    forfeited: CreditAllowance;
  };
  kinds: CreditKindView[];
  /** The written rule for unspent credits, in French, as the provider reads it. */
  carryOver: string;
}

export const CREDITS_CARRY_OVER_NOTICE =
  'Les crédits non utilisés sont reportés d’une période à l’autre, sans date d’expiration, tant que votre compte existe. Ils sont gelés pendant un incident de paiement et restent utilisables après une résiliation ; la clôture du compte les annule.';

export function kindViews(
  totals: CreditLedgerView['totals'] & { balance: CreditAllowance },
): CreditKindView[] {
  return CREDIT_KINDS.map((kind) => ({
    kind,
    label: CREDIT_KIND_LABELS[kind],
    balance: totals.balance[kind],
    granted: totals.granted[kind],
    spent: totals.spent[kind],
    refunded: totals.refunded[kind],
    forfeited: totals.forfeited[kind],
  }));
}

/** The view of a ledger folded from its stream (write answers, other contexts). */
export function creditLedgerView(accountId: string, state: CreditsState): CreditLedgerView {
  const totals =
    state.status === 'none'
      ? {
          balance: zeroCredits(),
          granted: zeroCredits(),
          spent: zeroCredits(),
          refunded: zeroCredits(),
          forfeited: zeroCredits(),
        }
      : state;
  return {
    accountId,
    balance: { ...totals.balance },
    frozen: state.status === 'open' && state.frozenBy.length > 0,
    frozenSince: state.status === 'none' ? null : state.frozenSince,
    closed: state.status === 'closed',
    totals: {
      granted: { ...totals.granted },
      spent: { ...totals.spent },
      refunded: { ...totals.refunded },
      forfeited: { ...totals.forfeited },
    },
    kinds: kindViews(totals),
    carryOver: CREDITS_CARRY_OVER_NOTICE,
  };
}

/** Published contract: an account's credits as of now, read from its stream (no read-model lag). */
export class GetCreditLedgerQuery extends Query<CreditLedgerView> {
  constructor(readonly accountId: string) {
    super();
  }
}

@QueryHandler(GetCreditLedgerQuery)
export class GetCreditLedgerHandler implements IQueryHandler<
  GetCreditLedgerQuery,
  CreditLedgerView
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ accountId }: GetCreditLedgerQuery): Promise<CreditLedgerView> {
    const { state } = await loadAggregate(this.store, creditsStream(accountId), creditsDecider);
    return creditLedgerView(accountId, state);
  }
}
