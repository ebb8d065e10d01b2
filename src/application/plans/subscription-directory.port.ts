import type { ExistingSubscription, SubscriptionStatus } from '../../domain/plans';

/** Staff's list of subscriptions, from the `subscriptions` read model (a second or so behind the log). */
export interface SubscriptionDirectory {
  list(filter: {
    accountId?: string;
    status?: SubscriptionStatus;
    limit: number;
    offset: number;
  }): Promise<{ items: { state: ExistingSubscription; revision: bigint }[]; total: number }>;
}

export const SUBSCRIPTION_DIRECTORY = Symbol('SUBSCRIPTION_DIRECTORY');
