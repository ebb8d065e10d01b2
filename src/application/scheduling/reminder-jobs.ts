import { Inject, Injectable } from '@nestjs/common';
import { verificationDecider } from '../../domain/identity';
import { orderDecider } from '../../domain/orders';
import { assertNever } from '../../domain/shared';
import { verificationStream } from '../identity/verification.messages';
import { NoRecipientError, Notifications } from '../notifications/notifications.port';
import { orderStream } from '../orders/order.messages';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { Clock } from '../shared/clock';
import { JobRun, notDue } from './job-context';
import { JobOutcome, ReminderJob } from './jobs';

export const REMINDER_TEMPLATES = {
  sellerDeadline: 'orders.delivery_deadline_reminder',
  buyerDelivery: 'orders.delivery_awaiting_answer',
  documentExpiry: 'identity.document_expiry_reminder',
} as const;

/**
 * Sends a reminder through the notifications port, only while it still applies. The job id is
 * the idempotency key, so a reminder delivered twice is sent once.
 */
@Injectable()
export class ReminderJobs {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly notifications: Notifications,
    private readonly clock: Clock,
  ) {}

  async run({ jobId, payload }: JobRun<ReminderJob>): Promise<JobOutcome> {
    const early = notDue(this.clock, payload);
    if (early) return early;
    switch (payload.kind) {
      case 'order.seller-deadline-reminder': {
        const { state } = await loadAggregate(
          this.store,
          orderStream(payload.orderId),
          orderDecider,
        );
        if (state.status !== 'active') return { result: 'obsolete', code: 'ORDER_NOT_ACTIVE' };
        const { progress, order } = state;
        if (
          progress.deliveries > 0 ||
          !progress.deadlineApplies ||
          progress.deliveryDueAt !== payload.deliveryDueAt
        ) {
          return { result: 'obsolete', code: 'DEADLINE_NO_LONGER_APPLIES' };
        }
        return this.send(jobId, order.sellerId, REMINDER_TEMPLATES.sellerDeadline, {
          orderId: order.orderId,
          deliveryDueAt: payload.deliveryDueAt,
        });
      }
      case 'order.buyer-delivery-reminder': {
        const { state } = await loadAggregate(
          this.store,
          orderStream(payload.orderId),
          orderDecider,
        );
        if (
          state.status !== 'delivered' ||
          state.progress.lastDeliveredAt !== payload.deliveredAt
        ) {
          return { result: 'obsolete', code: 'DELIVERY_ANSWERED' };
        }
        return this.send(jobId, state.order.buyerId, REMINDER_TEMPLATES.buyerDelivery, {
          orderId: state.order.orderId,
          deliveryId: payload.deliveryId,
          autoCompletesAt: payload.autoCompletesAt,
        });
      }
      case 'verification.document-expiry-reminder': {
        const { state } = await loadAggregate(
          this.store,
          verificationStream(payload.providerId),
          verificationDecider,
        );
        const document =
          state.status === 'tracking' ? state.documents[payload.documentId] : undefined;
        if (
          !document ||
          document.status !== 'approved' ||
          document.expiresAt !== payload.expiresAt
        ) {
          return { result: 'obsolete', code: 'DOCUMENT_NO_LONGER_EXPIRING' };
        }
        return this.send(jobId, payload.providerId, REMINDER_TEMPLATES.documentExpiry, {
          documentId: payload.documentId,
          documentKind: payload.documentKind,
          expiresAt: payload.expiresAt,
        });
      }
      default:
        return assertNever(payload);
    }
  }

  private async send(
    jobId: string,
    accountId: string,
    template: string,
    data: Record<string, unknown>,
  ): Promise<JobOutcome> {
    let receipt;
    try {
      receipt = await this.notifications.send({
        to: { accountId },
        template,
        data,
        idempotencyKey: `reminder-${jobId}`,
      });
    } catch (error) {
      // An erased or address-less account cannot be reminded; retrying would not change that.
      if (error instanceof NoRecipientError) return { result: 'obsolete', code: error.code };
      throw error;
    }
    return {
      result: 'done',
      detail: receipt.duplicate ? 'already sent' : `notification ${receipt.notificationId}`,
    };
  }
}
