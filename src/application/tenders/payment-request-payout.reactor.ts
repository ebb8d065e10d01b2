import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PayoutFailed, PayoutSent } from '../../domain/payouts';
import { ConcurrencyError, DomainError, type CommandMeta } from '../../domain/shared';
import {
  paymentRequestDecider,
  type PaymentRequestApproved,
  type PaymentRequestCommand,
} from '../../domain/tenders';
import { WalletCommandMessage } from '../payouts/wallet.messages';
import { CausationContext, loadAggregate } from '../shared/command-handling';
import { eventIdsFrom } from '../shared/deterministic-id';
import { EVENT_STORE, EventStore, RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import {
  PaymentRequestCommandMessage,
  paymentRequestCreditId,
  paymentRequestStream,
} from './payment-request.messages';

/**
 * An approved payment request credits the provider's wallet with the release's amount and pays it
 * out at once to the withdrawal account named at approval (the wallet reserves it, the payout
 * worker sends the transfer); the payout's outcome is recorded on the request. Every step has an
 * id derived from the request, so a redelivered event credits and pays nothing twice.
 */
@Injectable()
export class PaymentRequestPayoutReactor implements Reactor {
  readonly name = 'tenders.payment-request-payout';
  readonly filter = {
    categories: ['payment_request', 'payout'],
    eventTypePrefixes: ['PaymentRequestApproved', 'PayoutSent', 'PayoutFailed'],
  };

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    const causation: CausationContext = {
      correlationId: String(event.metadata.correlationId ?? event.id),
      causationId: event.id,
    };
    const now = String(event.metadata.occurredAt ?? event.recordedAt.toISOString());
    const system: CommandMeta = { now, actorId: 'system', actorRole: 'system' };
    switch (event.type) {
      case 'PaymentRequestApproved':
        return this.pay(event.data as PaymentRequestApproved['data'], system, causation);
      case 'PayoutSent': {
        const d = event.data as PayoutSent['data'];
        return this.record(d.payoutId, causation, (requestId) => ({
          type: 'RecordPaymentRequestPaid',
          data: { requestId, payoutId: d.payoutId },
          meta: system,
        }));
      }
      case 'PayoutFailed': {
        const d = event.data as PayoutFailed['data'];
        return this.record(d.payoutId, causation, (requestId) => ({
          type: 'RecordPaymentRequestPayoutFailed',
          data: {
            requestId,
            payoutId: d.payoutId,
            failureCode: d.failureCode,
            failureMessage: d.failureMessage,
          },
          meta: system,
        }));
      }
      default:
        return;
    }
  }

  private async pay(
    d: PaymentRequestApproved['data'],
    system: CommandMeta,
    causation: CausationContext,
  ): Promise<void> {
    const creditId = paymentRequestCreditId(d.requestId);
    await this.commandBus.execute(
      new WalletCommandMessage(
        d.providerId,
        {
          type: 'CreditWallet',
          data: {
            providerId: d.providerId,
            creditId,
            escrowId: d.escrowId,
            amountCents: d.amountCents,
          },
          meta: system,
        },
        causation,
        { eventIds: eventIdsFrom(creditId, 'wallet-credit') },
      ),
    );
    try {
      // Finance's approval is the provider's standing instruction: the whole amount, at once.
      await this.commandBus.execute(
        new WalletCommandMessage(
          d.providerId,
          {
            type: 'ReserveWithdrawal',
            data: {
              providerId: d.providerId,
              payoutId: d.payoutId,
              amountCents: d.amountCents,
              accountId: d.accountId,
            },
            meta: { now: system.now, actorId: d.providerId, actorRole: 'provider' },
          },
          causation,
          { eventIds: eventIdsFrom(d.payoutId, 'reserve') },
        ),
      );
    } catch (error) {
      // Withdrawn meanwhile by the provider, or the account gone: the money stays in the wallet.
      if (!(error instanceof DomainError) || error instanceof ConcurrencyError) throw error;
      await this.commandBus.execute(
        new PaymentRequestCommandMessage(
          d.requestId,
          {
            type: 'RecordPaymentRequestPayoutFailed',
            data: {
              requestId: d.requestId,
              payoutId: d.payoutId,
              failureCode: error.code,
              failureMessage: error.message,
            },
            meta: system,
          },
          causation,
        ),
      );
    }
  }

  /** The payout's id is its request's: any other payout has no request stream and is skipped. */
  private async record(
    payoutId: string,
    causation: CausationContext,
    command: (requestId: string) => PaymentRequestCommand,
  ): Promise<void> {
    const { state } = await loadAggregate(
      this.store,
      paymentRequestStream(payoutId),
      paymentRequestDecider,
    );
    if (state.status !== 'approved' || state.payoutId !== payoutId) return;
    await this.commandBus.execute(
      new PaymentRequestCommandMessage(state.requestId, command(state.requestId), causation, {
        eventIds: eventIdsFrom(causation.causationId ?? payoutId, 'payment-request-outcome'),
      }),
    );
  }
}
