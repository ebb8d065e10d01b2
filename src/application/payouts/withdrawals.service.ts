import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  PAYOUT_STATUS_LABELS,
  payoutDecider,
  PayoutState,
  walletBalance,
  walletDecider,
  WalletState,
  WithdrawalAccount,
} from '../../domain/payouts';
import { CommandMeta, NotFoundError } from '../../domain/shared';
import { CausationContext, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { revisionOf } from '../shared/revision';
import { PayoutCommandMessage, payoutStream } from './payout.messages';
import { WalletCommandMessage, walletStream } from './wallet.messages';

export type WithdrawalAccountInput =
  { kind: 'bank'; iban: string; holderName: string } | { kind: 'paypal'; email: string };

/** An account as shown back: the IBAN is masked, as on a bank statement; the mask survives erasure. */
export type WithdrawalAccountView =
  | { accountId: string; kind: 'bank'; ibanMasked: string; holderName: string }
  | { accountId: string; kind: 'paypal'; email: string };

export interface PayoutView {
  payoutId: string;
  providerId: string;
  amountCents: number;
  status: PayoutState['status'];
  statusLabel: string;
  account: WithdrawalAccountView;
  gatewayPayoutId: string | null;
  failureCode: string | null;
  revision: string | null;
}

export interface WalletView {
  providerId: string;
  creditedCents: number;
  availableCents: number;
  inTransitCents: number;
  paidOutCents: number;
  accounts: WithdrawalAccountView[];
  payouts: { payoutId: string; amountCents: number; accountId: string; status: string }[];
  revision: string | null;
}

export function accountView(account: WithdrawalAccount): WithdrawalAccountView {
  return account.kind === 'bank'
    ? {
        accountId: account.accountId,
        kind: 'bank',
        ibanMasked: account.ibanMasked,
        holderName: account.holderName,
      }
    : { accountId: account.accountId, kind: 'paypal', email: account.email };
}

/** The seller's side of payouts: withdrawal accounts, withdrawal requests and what became of them. */
@Injectable()
export class Withdrawals {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
  ) {}

  /** The wallet checks the IBAN checksum or the PayPal address; a repeat with the same id is a no-op. */
  async registerAccount(
    meta: CommandMeta,
    causation: CausationContext,
    accountId: string,
    input: WithdrawalAccountInput,
  ): Promise<{ account: WithdrawalAccountView; revision: string | null }> {
    const providerId = meta.actorId;
    const result: HandleResult<WalletState, unknown> = await this.commandBus.execute(
      new WalletCommandMessage(
        providerId,
        { type: 'RegisterWithdrawalAccount', data: { providerId, accountId, ...input }, meta },
        causation,
      ),
    );
    const account = result.state.status === 'open' ? result.state.accounts[accountId] : undefined;
    if (!account) throw new Error(`Account ${accountId} missing after registration`);
    return { account: accountView(account), revision: revisionOf(result.nextExpectedRevision) };
  }

  /**
   * Reserves the amount in the wallet (refused above the available balance), then records the
   * payout request the worker pays. A crash between the two is repaired by the settlement reactor.
   */
  async requestWithdrawal(
    meta: CommandMeta,
    causation: CausationContext,
    payoutId: string,
    request: { amountCents: number; accountId: string },
  ): Promise<PayoutView> {
    const providerId = meta.actorId;
    const reserved: HandleResult<WalletState, unknown> = await this.commandBus.execute(
      new WalletCommandMessage(
        providerId,
        {
          type: 'ReserveWithdrawal',
          data: {
            providerId,
            payoutId,
            amountCents: request.amountCents,
            accountId: request.accountId,
          },
          meta,
        },
        causation,
      ),
    );
    const account =
      reserved.state.status === 'open' ? reserved.state.accounts[request.accountId] : undefined;
    if (!account) throw new Error(`Account ${request.accountId} missing after the reservation`);
    const requested: HandleResult<PayoutState, unknown> = await this.commandBus.execute(
      new PayoutCommandMessage(
        payoutId,
        {
          type: 'RequestPayout',
          data: { payoutId, providerId, amountCents: request.amountCents, account },
          meta,
        },
        causation,
      ),
    );
    return payoutView(requested.state, requested.nextExpectedRevision);
  }

  async wallet(providerId: string): Promise<WalletView> {
    const { state, revision } = await loadAggregate(
      this.store,
      walletStream(providerId),
      walletDecider,
    );
    const balance = walletBalance(state);
    return {
      providerId,
      ...balance,
      accounts: state.status === 'open' ? Object.values(state.accounts).map(accountView) : [],
      payouts:
        state.status === 'open'
          ? Object.entries(state.payouts).map(([payoutId, p]) => ({
              payoutId,
              amountCents: p.amountCents,
              accountId: p.accountId,
              status: p.status,
            }))
          : [],
      revision: revisionOf(revision),
    };
  }

  async payout(payoutId: string): Promise<PayoutView> {
    const { state, revision } = await loadAggregate(
      this.store,
      payoutStream(payoutId),
      payoutDecider,
    );
    return payoutView(state, revision);
  }
}

export function payoutView(state: PayoutState, revision: bigint | null): PayoutView {
  if (state.status === 'none')
    throw new NotFoundError('PAYOUT_NOT_FOUND', 'No payout has been requested under this id');
  return {
    payoutId: state.payoutId,
    providerId: state.providerId,
    amountCents: state.amountCents,
    status: state.status,
    statusLabel: PAYOUT_STATUS_LABELS[state.status],
    account: accountView(state.account),
    gatewayPayoutId: state.gatewayPayoutId ?? null,
    failureCode: state.status === 'failed' ? state.failureCode : null,
    revision: revisionOf(revision),
  };
}
