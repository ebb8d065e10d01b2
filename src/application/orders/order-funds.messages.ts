import type { CommandMeta } from '../../domain/shared';
import type { CausationContext } from '../shared/command-handling';

/**
 * Published contract: the gateway says a payment's funds arrived. If an order waits for them it
 * is placed (its escrow opens with them); funds that come after the deadline are given back.
 */
export class SettleAwaitedFunds {
  constructor(
    readonly funds: { orderId: string; paymentRef: string; amountCents: number },
    readonly meta: CommandMeta,
    readonly causation: CausationContext,
  ) {}
}

export interface SettledFunds {
  outcome: 'placed' | 'already_placed' | 'refunded_expired' | 'not_awaited' | 'underfunded';
}
