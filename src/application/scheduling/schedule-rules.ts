import type { DisputeOpened } from '../../domain/disputes';
import type { EscrowOpened } from '../../domain/escrow';
import type { AccountClosureRequested, DocumentApproved } from '../../domain/identity';
import type {
  CustomRequestSellerInvited,
  OrderAwaitingFunds,
  OrderDelivered,
  OrderStarted,
} from '../../domain/orders';
import type { MissionRequestChanged, MissionRequested } from '../../domain/missions';
import type { PayoutRequested } from '../../domain/payouts';
import { RecordedEvent } from '../shared/event-store.port';
import { JobPayload, scheduled, ScheduledJob } from './jobs';
import {
  DAY_MS,
  DOCUMENT_REMINDER_BEFORE_MS,
  PLACEMENT_CHECK_AFTER_MS,
  SchedulingSettings,
  SELLER_REMINDER_BEFORE_MS,
} from './scheduling-settings';

/** The event types that start a clock; the reactor's subscription filter lists exactly these. */
export const SCHEDULING_EVENT_TYPES = [
  'EscrowOpened',
  'OrderAwaitingFunds',
  'OrderStarted',
  'OrderDelivered',
  'CustomRequestSellerInvited',
  'DisputeOpened',
  'DocumentApproved',
  'AccountClosureRequested',
  'PayoutRequested',
  'MissionRequested',
  'MissionRequestChanged',
] as const;

/** The order events that end the reason for some or all of the order's pending jobs. */
export const RETIRING_EVENT_TYPES = [
  'OrderPlaced',
  'OrderPlacementAbandoned',
  'OrderCompleted',
  'OrderCancelled',
  'OrderResolved',
] as const;

/** An order whose pending jobs (all, or only those kinds) no longer have a reason to run. */
export interface RetiredOrderJobs {
  orderId: string;
  code: string;
  kinds?: readonly JobPayload['kind'][];
}

/** Which pending jobs an event makes obsolete: a placed order needs no placement check; an ended order needs nothing. */
export function retiredBy(event: RecordedEvent): RetiredOrderJobs | null {
  const orderId = (event.data as { orderId?: unknown } | null)?.orderId;
  if (typeof orderId !== 'string') return null;
  switch (event.type) {
    case 'OrderPlaced':
      return {
        orderId,
        code: 'ORDER_PLACED',
        kinds: ['order.placement-check', 'order.funds-deadline'],
      };
    case 'OrderPlacementAbandoned':
    case 'OrderCompleted':
    case 'OrderCancelled':
    case 'OrderResolved':
      return { orderId, code: 'ORDER_ENDED' };
    default:
      return null;
  }
}

export const SCHEDULING_CATEGORIES = [
  'escrow',
  'order',
  'custom_request',
  'dispute',
  'verification',
  'account',
  'payout',
  'mission',
];

const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * The jobs an event starts. Every due time is a fact of the event (or computed from one), so a
 * replay at any later time schedules the same jobs under the same ids.
 */
export function jobsFor(event: RecordedEvent, settings: SchedulingSettings): ScheduledJob[] {
  const base = {
    causationId: event.id,
    correlationId: String(event.metadata.correlationId ?? event.id),
  };
  const job = <P extends JobPayload>(payload: P, discriminator = '') =>
    scheduled(payload, event.id, discriminator);
  switch (event.type) {
    case 'EscrowOpened': {
      // The order is placed right after its escrow is funded, in the same request; the check
      // finds it there unless that request died and the buyer never retried.
      const d = event.data as EscrowOpened['data'];
      if (d.subject.kind !== 'order') return [];
      const openedAt = String(event.metadata.occurredAt ?? event.recordedAt.toISOString());
      return [
        job({
          ...base,
          kind: 'order.placement-check',
          orderId: d.subject.id,
          escrowId: d.escrowId,
          buyerId: d.payerId,
          dueAt: shift(openedAt, PLACEMENT_CHECK_AFTER_MS),
        }),
      ];
    }
    case 'OrderAwaitingFunds': {
      const d = event.data as OrderAwaitingFunds['data'];
      return [
        job({ ...base, kind: 'order.funds-deadline', orderId: d.orderId, dueAt: d.fundsDueAt }),
      ];
    }
    case 'OrderStarted': {
      const d = event.data as OrderStarted['data'];
      const jobs: ScheduledJob[] = [
        job({
          ...base,
          kind: 'order.delivery-deadline',
          orderId: d.orderId,
          dueAt: d.deliveryDueAt,
        }),
      ];
      const remindAt = shift(d.deliveryDueAt, -SELLER_REMINDER_BEFORE_MS);
      // A countdown of a day or less leaves nothing to remind about.
      if (Date.parse(remindAt) > Date.parse(d.startedAt)) {
        jobs.push(
          job({
            ...base,
            kind: 'order.seller-deadline-reminder',
            orderId: d.orderId,
            sellerId: d.sellerId,
            deliveryDueAt: d.deliveryDueAt,
            dueAt: remindAt,
          }),
        );
      }
      return jobs;
    }
    case 'OrderDelivered': {
      const d = event.data as OrderDelivered['data'];
      const days = settings.autoCompleteAfterDays;
      const autoCompletesAt = shift(d.deliveredAt, days * DAY_MS);
      const jobs: ScheduledJob[] = [
        job({
          ...base,
          kind: 'order.auto-complete',
          orderId: d.orderId,
          deliveryId: d.deliveryId,
          autoCompleteAfterDays: days,
          dueAt: autoCompletesAt,
        }),
      ];
      // One reminder a day while the delivery awaits the buyer's answer.
      for (let day = 1; day < days; day++) {
        jobs.push(
          job(
            {
              ...base,
              kind: 'order.buyer-delivery-reminder',
              orderId: d.orderId,
              deliveryId: d.deliveryId,
              deliveredAt: d.deliveredAt,
              autoCompletesAt,
              dueAt: shift(d.deliveredAt, day * DAY_MS),
            },
            `day-${day}`,
          ),
        );
      }
      return jobs;
    }
    case 'CustomRequestSellerInvited': {
      const d = event.data as CustomRequestSellerInvited['data'];
      return [
        job({
          ...base,
          kind: 'custom-request.invitation-expiry',
          customRequestId: d.customRequestId,
          sellerId: d.sellerId,
          expiresAt: d.expiresAt,
          dueAt: d.expiresAt,
        }),
      ];
    }
    case 'DisputeOpened': {
      const d = event.data as DisputeOpened['data'];
      return [
        job({
          ...base,
          kind: 'dispute.response-deadline',
          disputeId: d.disputeId,
          dueAt: d.responseDueAt,
        }),
      ];
    }
    case 'DocumentApproved': {
      const d = event.data as DocumentApproved['data'];
      if (d.expiresAt === null) return [];
      const jobs: ScheduledJob[] = [
        job({
          ...base,
          kind: 'verification.document-expiry',
          providerId: d.providerId,
          documentId: d.documentId,
          dueAt: d.expiresAt,
        }),
      ];
      const remindAt = shift(d.expiresAt, -DOCUMENT_REMINDER_BEFORE_MS);
      if (Date.parse(remindAt) > Date.parse(d.approvedAt)) {
        jobs.push(
          job({
            ...base,
            kind: 'verification.document-expiry-reminder',
            providerId: d.providerId,
            documentId: d.documentId,
            documentKind: d.kind,
            expiresAt: d.expiresAt,
            dueAt: remindAt,
          }),
        );
      }
      return jobs;
    }
    case 'AccountClosureRequested': {
      const d = event.data as AccountClosureRequested['data'];
      return [
        job({ ...base, kind: 'account.closure', accountId: d.accountId, dueAt: d.effectiveAt }),
      ];
    }
    case 'PayoutRequested': {
      const d = event.data as PayoutRequested['data'];
      const requestedAt = String(event.metadata.occurredAt ?? event.recordedAt.toISOString());
      return [job({ ...base, kind: 'payout.send', payoutId: d.payoutId, dueAt: requestedAt })];
    }
    case 'MissionRequested':
    case 'MissionRequestChanged': {
      // A changed request has a new window; the job of the old one finds it still open and stops.
      const d = event.data as (MissionRequested | MissionRequestChanged)['data'];
      return [
        job({
          ...base,
          kind: 'mission.response-expiry',
          missionId: d.missionId,
          respondBy: d.respondBy,
          dueAt: d.respondBy,
        }),
      ];
    }
    default:
      return [];
  }
}
