import { CausationContext } from '../shared/command-handling';

export interface SubmittedPayout {
  payoutId: string;
  gatewayPayoutId: string;
  status: 'pending' | 'paid' | 'failed';
  failureCode?: string;
}

/**
 * Stripe reports a payout's outcome later, by webhook. The simulated gateway has no webhooks of
 * its own, so its emitter schedules the same notification; with Stripe this does nothing.
 */
export abstract class GatewayWebhookEmitter {
  abstract afterPayout(payout: SubmittedPayout, causation: CausationContext): Promise<void>;
}

export class NoWebhookEmitter extends GatewayWebhookEmitter {
  async afterPayout(): Promise<void> {}
}
