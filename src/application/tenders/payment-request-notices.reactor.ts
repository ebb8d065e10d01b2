import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  PAYMENT_REQUEST_CATEGORY,
  paymentRequestDecider,
  type PaymentRequestPaid,
  type PaymentRequestRefused,
} from '../../domain/tenders';
import { NoRecipientError, Notifications } from '../notifications/notifications.port';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore, RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { paymentRequestStream } from './payment-request.messages';

/**
 * The provider is told by e-mail when finance refuses their invoice (with the reason, so they can
 * send a corrected one) and when the bank transfer is sent (seed 003, Étape 4: "Le paiement
 * survient par virement bancaire dans les jours qui suivent"). One e-mail per event: its id is
 * the idempotency key, so a redelivery sends nothing twice.
 */
@Injectable()
export class PaymentRequestNoticesReactor implements Reactor {
  readonly name = 'tenders.payment-request-notices';
  readonly filter = {
    categories: [PAYMENT_REQUEST_CATEGORY],
    eventTypePrefixes: ['PaymentRequestRefused', 'PaymentRequestPaid'],
  };
  private readonly logger = new Logger('PaymentRequestNoticesReactor');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly notifications: Notifications,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'PaymentRequestRefused' && event.type !== 'PaymentRequestPaid') return;
    const { requestId } = event.data as (PaymentRequestRefused | PaymentRequestPaid)['data'];
    const { state } = await loadAggregate(
      this.store,
      paymentRequestStream(requestId),
      paymentRequestDecider,
    );
    if (state.status === 'none') return;
    const template =
      event.type === 'PaymentRequestRefused'
        ? 'tenders.payment_request_refused'
        : 'tenders.payment_request_paid';
    const data = {
      requestId,
      invoiceNumber: state.invoiceNumber,
      amountCents: state.amountCents,
      ...(event.type === 'PaymentRequestRefused'
        ? { reason: (event.data as PaymentRequestRefused['data']).reason }
        : {}),
    };
    try {
      await this.notifications.send({
        to: { accountId: state.providerId },
        template,
        data,
        idempotencyKey: `${template}:${event.id}`,
      });
    } catch (error) {
      if (error instanceof NoRecipientError) this.logger.warn(`no e-mail for ${state.providerId}`);
      else throw error;
    }
  }
}
