import { assertNever } from '../shared';
import type {
  MarkPayoutFailed,
  MarkPayoutSent,
  MarkPayoutSubmitted,
  PayoutCommand,
  RequestPayout,
} from './payout.commands';
import { PayoutEvent } from './payout.events';
import {
  alreadyRequested,
  gatewayIdMismatch,
  invalidAmount,
  invalidField,
  notWalletOwner,
  payoutAlreadySettled,
  payoutNotFound,
} from './payout.errors';
import { assertId, assertSystemOrFinance } from './payout.guards';
import { ExistingPayoutState, PayoutState } from './payout.state';
import { sameAccount, validateWithdrawalAccount } from './withdrawal-account';

function request(command: RequestPayout, state: PayoutState): PayoutEvent[] {
  const { payoutId, providerId, amountCents } = command.data;
  assertId(payoutId, 'payoutId');
  assertId(providerId, 'providerId');
  if (command.meta.actorId !== providerId) throw notWalletOwner();
  if (typeof amountCents !== 'number' || !Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw invalidAmount('PAYOUT_INVALID_AMOUNT', 'amountCents', amountCents);
  }
  const account = validateWithdrawalAccount(command.data.account);
  if (state.status !== 'none') {
    const same =
      state.payoutId === payoutId &&
      state.providerId === providerId &&
      state.amountCents === amountCents &&
      sameAccount(state.account, account);
    if (same) return [];
    throw alreadyRequested(state.status);
  }
  return [{ type: 'PayoutRequested', data: { payoutId, providerId, amountCents, account } }];
}

function submitted(command: MarkPayoutSubmitted, state: ExistingPayoutState): PayoutEvent[] {
  const { gatewayPayoutId } = command.data;
  assertId(gatewayPayoutId, 'gatewayPayoutId');
  switch (state.status) {
    case 'requested':
      return [{ type: 'PayoutSubmitted', data: { payoutId: state.payoutId, gatewayPayoutId } }];
    case 'submitted':
      if (state.gatewayPayoutId === gatewayPayoutId) return [];
      throw gatewayIdMismatch(state.status, state.gatewayPayoutId, gatewayPayoutId);
    case 'sent':
    case 'failed':
      // A worker retry reporting the submission it already recorded is stale, not contradictory.
      if (state.gatewayPayoutId === gatewayPayoutId) return [];
      throw payoutAlreadySettled(state.status);
    default:
      return assertNever(state);
  }
}

function sent(command: MarkPayoutSent, state: ExistingPayoutState): PayoutEvent[] {
  const { gatewayPayoutId } = command.data;
  if (gatewayPayoutId !== undefined) assertId(gatewayPayoutId, 'gatewayPayoutId');
  switch (state.status) {
    case 'requested':
    case 'submitted': {
      // The gateway's webhook may overtake the worker, so a payout can be sent straight from requested.
      const recorded = state.gatewayPayoutId;
      if (recorded !== undefined && gatewayPayoutId !== undefined && recorded !== gatewayPayoutId) {
        throw gatewayIdMismatch(state.status, recorded, gatewayPayoutId);
      }
      const gatewayId = gatewayPayoutId ?? recorded;
      const { payoutId, providerId, amountCents } = state;
      return [
        {
          type: 'PayoutSent',
          data: {
            payoutId,
            providerId,
            amountCents,
            ...(gatewayId === undefined ? {} : { gatewayPayoutId: gatewayId }),
          },
        },
      ];
    }
    case 'sent':
      return [];
    case 'failed':
      throw payoutAlreadySettled(state.status);
    default:
      return assertNever(state);
  }
}

function failed(command: MarkPayoutFailed, state: ExistingPayoutState): PayoutEvent[] {
  const { failureCode, failureMessage } = command.data;
  assertId(failureCode, 'failureCode');
  if (typeof failureMessage !== 'string') {
    throw invalidField('PAYOUT_INVALID_FIELD', 'failureMessage', failureMessage, 'a string');
  }
  switch (state.status) {
    case 'requested':
    case 'submitted': {
      const { payoutId, providerId, amountCents } = state;
      return [
        {
          type: 'PayoutFailed',
          data: { payoutId, providerId, amountCents, failureCode, failureMessage },
        },
      ];
    }
    case 'failed':
      return [];
    case 'sent':
      throw payoutAlreadySettled(state.status);
    default:
      return assertNever(state);
  }
}

export function decide(command: PayoutCommand, state: PayoutState): PayoutEvent[] {
  if (command.type === 'RequestPayout') return request(command, state);
  assertSystemOrFinance(command.meta);
  if (state.status === 'none') throw payoutNotFound();
  switch (command.type) {
    case 'MarkPayoutSubmitted':
      return submitted(command, state);
    case 'MarkPayoutSent':
      return sent(command, state);
    case 'MarkPayoutFailed':
      return failed(command, state);
    default:
      return assertNever(command);
  }
}
