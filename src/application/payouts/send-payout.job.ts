import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { payoutDecider, WithdrawalAccount } from '../../domain/payouts';
import type { MarkPayoutFailed, MarkPayoutSent, MarkPayoutSubmitted } from '../../domain/payouts';
import { ConcurrencyError, DomainError } from '../../domain/shared';
import { PAYMENT_GATEWAY, PaymentGateway } from '../payments/payment-gateway.port';
import { CausationContext, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { Clock } from '../shared/clock';
import { JobOutcome, PayoutJob } from '../scheduling/jobs';
import { GatewayWebhookEmitter } from './gateway-webhook-emitter.port';
import { payoutIds } from './payout-ids';
import { PAYPAL_PAYOUTS, PayoutSender } from './payout-sender.port';
import { PayoutCommandMessage, payoutStream } from './payout.messages';

type MarkCommand = MarkPayoutSubmitted | MarkPayoutSent | MarkPayoutFailed;
type WithoutMeta<C> = C extends unknown ? Omit<C, 'meta'> : never;
type Destination = Parameters<PaymentGateway['payout']>[0]['destination'];

export function destinationOf(account: WithdrawalAccount): Destination {
  return account.kind === 'bank'
    ? { kind: 'bank', iban: account.iban, holderName: account.holderName }
    : { kind: 'paypal', email: account.email };
}

/**
 * Pays a requested withdrawal. The payout id is the gateway's idempotency key, so a job retried
 * after a crash (even one between the gateway's answer and our record of it) pays once.
 */
@Injectable()
export class SendPayoutJob {
  private readonly logger = new Logger('Payouts');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    private readonly webhooks: GatewayWebhookEmitter,
    @Optional() @Inject(PAYPAL_PAYOUTS) private readonly paypal: PayoutSender | null = null,
  ) {}

  async run({ jobId, payload }: { jobId: string; payload: PayoutJob }): Promise<JobOutcome> {
    const { state } = await loadAggregate(
      this.store,
      payoutStream(payload.payoutId),
      payoutDecider,
    );
    if (state.status === 'none') return { result: 'obsolete', code: 'PAYOUT_NOT_FOUND' };
    if (state.status === 'sent' || state.status === 'failed')
      return { result: 'done', detail: `already ${state.status}` };
    const causation: CausationContext = {
      correlationId: payload.correlationId,
      causationId: payload.causationId,
    };
    // PayPal withdrawals go to PayPal Payouts when configured: Stripe cannot pay a PayPal account.
    const viaPayPal = state.account.kind === 'paypal' && this.paypal !== null;
    const sender: PayoutSender = viaPayPal ? this.paypal! : this.gateway;
    let answer: Awaited<ReturnType<PaymentGateway['payout']>>;
    try {
      answer = await sender.payout({
        payoutId: state.payoutId,
        providerId: state.providerId,
        amountCents: state.amountCents,
        destination: destinationOf(state.account),
        idempotencyKey: state.payoutId,
      });
    } catch (error) {
      // The gateway refused the request itself (bad destination, key reused...): retrying cannot help.
      if (error instanceof DomainError && !(error instanceof ConcurrencyError)) {
        await this.mark(
          jobId,
          'failed',
          payload.payoutId,
          {
            type: 'MarkPayoutFailed',
            data: { failureCode: error.code, failureMessage: error.message },
          },
          causation,
        );
        return { result: 'done', detail: `refused by the gateway: ${error.code}` };
      }
      throw error;
    }
    await this.mark(
      jobId,
      'submitted',
      payload.payoutId,
      { type: 'MarkPayoutSubmitted', data: { gatewayPayoutId: answer.gatewayPayoutId } },
      causation,
    );
    if (answer.status === 'paid') {
      await this.mark(
        jobId,
        'sent',
        payload.payoutId,
        { type: 'MarkPayoutSent', data: { gatewayPayoutId: answer.gatewayPayoutId } },
        causation,
      );
    } else if (answer.status === 'failed') {
      const failureCode = answer.failureCode ?? 'payout_failed';
      await this.mark(
        jobId,
        'failed',
        payload.payoutId,
        {
          type: 'MarkPayoutFailed',
          data: { failureCode, failureMessage: `The gateway refused the payout: ${failureCode}` },
        },
        causation,
      );
    }
    // PayPal sends its own webhooks; the emitter stands for the payment gateway's.
    if (!viaPayPal)
      await this.webhooks.afterPayout({ payoutId: payload.payoutId, ...answer }, causation);
    return { result: 'done', detail: `${answer.status} ${answer.gatewayPayoutId}` };
  }

  /** A webhook may have recorded the outcome first; the payout then refuses a contradiction, which we log. */
  private async mark(
    jobId: string,
    step: string,
    payoutId: string,
    command: WithoutMeta<MarkCommand>,
    causation: CausationContext,
  ): Promise<void> {
    const meta = {
      now: this.clock.now().toISOString(),
      actorId: 'system',
      actorRole: 'system' as const,
    };
    try {
      await this.commandBus.execute(
        new PayoutCommandMessage(payoutId, { ...command, meta } as MarkCommand, causation, {
          eventIds: payoutIds.events(jobId, step),
        }),
      );
    } catch (error) {
      if (error instanceof DomainError && !(error instanceof ConcurrencyError)) {
        this.logger.warn(`Payout ${payoutId}: ${command.type} refused (${error.code})`);
        return;
      }
      throw error;
    }
  }
}
