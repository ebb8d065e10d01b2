import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  GatewayWebhookEmitter,
  SubmittedPayout,
} from '../../application/payouts/gateway-webhook-emitter.port';
import { GatewayNotification } from '../../application/payouts/gateway-notification';
import { Clock } from '../../application/shared/clock';
import { JobScheduler } from '../../application/scheduling/job-scheduler.port';
import { scheduled } from '../../application/scheduling/jobs';
import { CausationContext } from '../../application/shared/command-handling';

/** The bank's answer arrives a moment after the payout was accepted, as Stripe's webhook would. */
export const SIMULATED_WEBHOOK_DELAY_MS = 1_000;

/**
 * The simulated gateway's webhooks: each accepted payout is followed by a `payout.paid` (or
 * `payout.failed`) notification, delivered through the same handler as Stripe's, deduplicated
 * by its event id.
 */
@Injectable()
export class SimulatedWebhookEmitter extends GatewayWebhookEmitter {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
  ) {
    super();
  }

  async afterPayout(payout: SubmittedPayout, causation: CausationContext): Promise<void> {
    const failed = payout.status === 'failed';
    const providerType = failed ? 'payout.failed' : 'payout.paid';
    const eventId = `evt_sim_${createHash('sha256').update(`${payout.gatewayPayoutId}\u001f${providerType}`).digest('hex').slice(0, 24)}`;
    const occurredAt = new Date(
      this.clock.now().getTime() + SIMULATED_WEBHOOK_DELAY_MS,
    ).toISOString();
    const notification: GatewayNotification = failed
      ? {
          provider: 'simulated',
          eventId,
          providerType,
          occurredAt,
          kind: 'payout.failed',
          payoutId: payout.payoutId,
          gatewayPayoutId: payout.gatewayPayoutId,
          failureCode: payout.failureCode ?? 'payout_failed',
          failureMessage: `The bank refused the payout: ${payout.failureCode ?? 'payout_failed'}`,
        }
      : {
          provider: 'simulated',
          eventId,
          providerType,
          occurredAt,
          kind: 'payout.paid',
          payoutId: payout.payoutId,
          gatewayPayoutId: payout.gatewayPayoutId,
        };
    await this.scheduler.schedule([
      scheduled(
        {
          kind: 'gateway.simulated-webhook',
          notification: notification as unknown as Record<string, unknown>,
          dueAt: occurredAt,
          causationId: causation.causationId ?? causation.correlationId,
          correlationId: causation.correlationId,
        },
        eventId,
      ),
    ]);
  }
}
