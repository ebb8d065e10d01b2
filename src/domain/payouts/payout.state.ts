import { Cents } from '../shared';
import { PayoutEvent } from './payout.events';
import { WithdrawalAccount } from './withdrawal-account';

export interface PayoutData {
  payoutId: string;
  providerId: string;
  amountCents: Cents;
  account: WithdrawalAccount;
  gatewayPayoutId?: string;
}

export type PayoutState =
  | { status: 'none' }
  | ({ status: 'requested' } & PayoutData)
  | ({ status: 'submitted'; gatewayPayoutId: string } & PayoutData)
  | ({ status: 'sent' } & PayoutData)
  | ({ status: 'failed'; failureCode: string; failureMessage: string } & PayoutData);

export type PayoutStatus = PayoutState['status'];
export type ExistingPayoutState = Exclude<PayoutState, { status: 'none' }>;
export const PAYOUT_TERMINAL_STATUSES: readonly PayoutStatus[] = ['sent', 'failed'];

export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  none: 'Inexistant',
  requested: 'Demandé',
  submitted: 'En cours de virement',
  sent: 'Versé',
  failed: 'Échoué',
};

export const initialState = (): PayoutState => ({ status: 'none' });

function dataOf(state: ExistingPayoutState): PayoutData {
  const { payoutId, providerId, amountCents, account, gatewayPayoutId } = state;
  return gatewayPayoutId === undefined
    ? { payoutId, providerId, amountCents, account }
    : { payoutId, providerId, amountCents, account, gatewayPayoutId };
}

export function evolve(state: PayoutState, event: PayoutEvent): PayoutState {
  if (event.type === 'PayoutRequested') {
    if (state.status !== 'none') return state;
    return { status: 'requested', ...event.data };
  }
  // Outcomes are final: a late or repeated event never moves a settled payout.
  if (state.status === 'none' || state.status === 'sent' || state.status === 'failed') return state;
  switch (event.type) {
    case 'PayoutSubmitted':
      if (state.status !== 'requested') return state;
      return { ...dataOf(state), status: 'submitted', gatewayPayoutId: event.data.gatewayPayoutId };
    case 'PayoutSent': {
      const gatewayPayoutId = event.data.gatewayPayoutId ?? state.gatewayPayoutId;
      const data = dataOf(state);
      return gatewayPayoutId === undefined
        ? { ...data, status: 'sent' }
        : { ...data, status: 'sent', gatewayPayoutId };
    }
    case 'PayoutFailed': {
      const { failureCode, failureMessage } = event.data;
      return { ...dataOf(state), status: 'failed', failureCode, failureMessage };
    }
    default:
      // Exhaustive at compile time, yet an unknown stored type leaves the state as is: evolve never
      // throws.
      event satisfies never;
      return state;
  }
}
