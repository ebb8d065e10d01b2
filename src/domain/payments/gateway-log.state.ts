import { GatewayEvent } from './gateway-log.events';

/** The gateway's notifications about one payout or escrow, known by `provider:providerEventId`. */
export type GatewayLogState =
  { status: 'empty' } | { status: 'recording'; received: readonly string[] };

export const initialState = (): GatewayLogState => ({ status: 'empty' });

export const receiptKey = (receipt: { provider: string; providerEventId: string }): string =>
  `${receipt.provider}:${receipt.providerEventId}`;

export function hasReceived(state: GatewayLogState, key: string): boolean {
  return state.status === 'recording' && state.received.includes(key);
}

export function evolve(state: GatewayLogState, event: GatewayEvent): GatewayLogState {
  const key = receiptKey(event.data);
  if (hasReceived(state, key)) return state;
  switch (state.status) {
    case 'empty':
      return { status: 'recording', received: [key] };
    case 'recording':
      return { status: 'recording', received: [...state.received, key] };
    default:
      // Exhaustive at compile time; evolve never throws on what the log holds.
      state satisfies never;
      return state;
  }
}
