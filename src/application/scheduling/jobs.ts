import { deterministicId } from './deterministic-id';

/** One queue per kind of work, so a backlog of reminders never delays a payout. */
export const QUEUES = {
  deadlines: 'deadlines',
  reminders: 'reminders',
  payouts: 'payouts',
  gatewayWebhooks: 'gateway-webhooks',
  /** Subscription renewals: a period end can bring thousands at once (bench:plans). */
  renewals: 'renewals',
  /** Tenders: the daily digest of new projects, one run a day that e-mails every subscribed provider. */
  digests: 'digests',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

interface JobBase {
  /** When the job is due (a fact copied from the causing event); never run before it. */
  dueAt: string;
  /** The event that caused the job; commands it sends name it as their causation. */
  causationId: string;
  correlationId: string;
}

export type DeadlineJob = JobBase &
  (
    | { kind: 'order.delivery-deadline'; orderId: string }
    /** Whether the order an escrow was funded for was placed; if not, the buyer is refunded. */
    | { kind: 'order.placement-check'; orderId: string; escrowId: string; buyerId: string }
    /** An order paid by transfer or PayPal whose funds are due by now; if they never came, it expires. */
    | { kind: 'order.funds-deadline'; orderId: string }
    | {
        kind: 'order.auto-complete';
        orderId: string;
        deliveryId: string;
        autoCompleteAfterDays: number;
      }
    | {
        kind: 'custom-request.invitation-expiry';
        customRequestId: string;
        sellerId: string;
        expiresAt: string;
      }
    | { kind: 'dispute.response-deadline'; disputeId: string }
    | { kind: 'verification.document-expiry'; providerId: string; documentId: string }
    | { kind: 'account.closure'; accountId: string }
  );

export type ReminderJob = JobBase &
  (
    | {
        kind: 'order.seller-deadline-reminder';
        orderId: string;
        sellerId: string;
        deliveryDueAt: string;
      }
    | {
        kind: 'order.buyer-delivery-reminder';
        orderId: string;
        deliveryId: string;
        deliveredAt: string;
        autoCompletesAt: string;
      }
    | {
        kind: 'verification.document-expiry-reminder';
        providerId: string;
        documentId: string;
        documentKind: string;
        expiresAt: string;
      }
  );

/** Missions (docs/missions-money.md); handled by the missions money module through `JobHandlers`. */
export type MissionJob = JobBase &
  /** A far-out mission's automatic card authorisation (attempt 1 at `authoriseAt`, then the retries). */
  (
    | { kind: 'mission.authorise'; missionId: string; attempt: number }
    /** The written rule: no validation nor reported problem by `autoValidateAt`, the system validates. */
    | { kind: 'mission.auto-validate'; missionId: string; autoValidateAt: string }
    /** The client is reminded to validate (or report a problem) before the automatic validation. */
    | {
        kind: 'mission.validation-reminder';
        missionId: string;
        clientId: string;
        autoValidateAt: string;
      }
    /** A dispute still open when the card authorisation would lapse: the money is captured and stays in escrow. */
    | { kind: 'mission.capture-before-lapse'; missionId: string; paymentRef: string }
  );

export type PayoutJob = JobBase & { kind: 'payout.send'; payoutId: string };

/** A gateway notification the simulated gateway delivers later, as Stripe would by webhook. */
export type GatewayWebhookJob = JobBase & {
  kind: 'gateway.simulated-webhook';
  notification: Record<string, unknown>;
};

/** A mission request's response window ends: with no acceptance by `respondBy` it expires (the missions module runs it). */
export type MissionResponseExpiryJob = JobBase & {
  kind: 'mission.response-expiry';
  missionId: string;
  respondBy: string;
};

/** Plans (docs/plans-subscriptions.md, docs/plans-hour-packs.md); handled by the subscriptions and hour-packs modules through `JobHandlers`. */
export type PlanJob = JobBase &
  /** Tacit renewal of `period` (attempt 1 at the previous period's end, then the retries). */
  (
    | { kind: 'subscription.renew'; subscriptionId: string; period: number; attempt: number }
    /** The provider is told before the renewal charge (PLAN_RENEWAL_REMINDER_DAYS). */
    | {
        kind: 'subscription.renewal-reminder';
        subscriptionId: string;
        period: number;
        renewsAt: string;
      }
    /** A pack's validity ends: unused minutes are refunded, the pack expires. */
    | { kind: 'hour-pack.expire'; packId: string; expiresAt: string }
  );

/** Solidarity (docs/solidarity-pot.md): the monthly close of the pot, at the first instant of the next Paris month. */
export type SolidarityJob = JobBase & { kind: 'solidarity.month-close'; month: string };

/** Tenders (docs/tenders-digest.md): the daily digest of new projects, at 07:00 Paris time on `day`. */
export type TenderDigestJob = JobBase & { kind: 'tenders.daily-digest'; day: string };

export type JobPayload =
  | DeadlineJob
  | ReminderJob
  | PayoutJob
  | GatewayWebhookJob
  | MissionJob
  | MissionResponseExpiryJob
  | PlanJob
  | SolidarityJob
  | TenderDigestJob;
export type JobKind = JobPayload['kind'];

export interface ScheduledJob<P extends JobPayload = JobPayload> {
  queue: QueueName;
  /** Derived from the causing event: a replay schedules nothing twice. */
  jobId: string;
  payload: P;
}

export const QUEUE_OF: Record<JobKind, QueueName> = {
  'order.delivery-deadline': QUEUES.deadlines,
  'order.placement-check': QUEUES.deadlines,
  'order.funds-deadline': QUEUES.deadlines,
  'order.auto-complete': QUEUES.deadlines,
  'custom-request.invitation-expiry': QUEUES.deadlines,
  'dispute.response-deadline': QUEUES.deadlines,
  'verification.document-expiry': QUEUES.deadlines,
  'account.closure': QUEUES.deadlines,
  'mission.authorise': QUEUES.deadlines,
  'mission.auto-validate': QUEUES.deadlines,
  'mission.capture-before-lapse': QUEUES.deadlines,
  'mission.validation-reminder': QUEUES.reminders,
  'order.seller-deadline-reminder': QUEUES.reminders,
  'order.buyer-delivery-reminder': QUEUES.reminders,
  'verification.document-expiry-reminder': QUEUES.reminders,
  'payout.send': QUEUES.payouts,
  'gateway.simulated-webhook': QUEUES.gatewayWebhooks,
  'mission.response-expiry': QUEUES.deadlines,
  'subscription.renew': QUEUES.renewals,
  'subscription.renewal-reminder': QUEUES.reminders,
  'hour-pack.expire': QUEUES.deadlines,
  'solidarity.month-close': QUEUES.deadlines,
  'tenders.daily-digest': QUEUES.digests,
};

/** The job id of `kind` caused by `eventId`; `discriminator` tells apart several jobs of one kind (reminders). */
export function jobIdFor(eventId: string, kind: JobKind, discriminator = ''): string {
  return deterministicId('job', eventId, kind, discriminator);
}

export function scheduled<P extends JobPayload>(
  payload: P,
  eventId: string,
  discriminator = '',
): ScheduledJob<P> {
  return {
    queue: QUEUE_OF[payload.kind],
    jobId: jobIdFor(eventId, payload.kind, discriminator),
    payload,
  };
}

/** What a job run did; kept as the job's return value so the dashboard shows it. */
export type JobOutcome =
  | { result: 'done'; detail?: string }
  /** The deadline no longer applies (delivered, withdrawn, answered...): nothing to do, not an error. */
  | { result: 'obsolete'; code: string; detail?: string }
  /** Picked up before its due time (clock skew): the processor puts it back until then. */
  | { result: 'not_due'; dueAt: string };
