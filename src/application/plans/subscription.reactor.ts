import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AccountClosed } from '../../domain/identity';
import { addDays, type SubscriptionEvent } from '../../domain/plans';
import { NoRecipientError, Notifications } from '../notifications/notifications.port';
import { JobScheduler } from '../scheduling/job-scheduler.port';
import { PlanJob, scheduled, ScheduledJob } from '../scheduling/jobs';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { SUBSCRIPTION_SETTINGS, SubscriptionSettings } from './subscription-settings';
import { SubscriptionService } from './subscription.service';

const occurredAt = (event: RecordedEvent): string =>
  String(event.metadata.occurredAt ?? event.recordedAt.toISOString());

const base = (event: RecordedEvent) => ({
  causationId: event.id,
  correlationId: String(event.metadata.correlationId ?? event.id),
});

/** The renewal of `period` due at `renewsAt`, and its reminder when that is still ahead. */
function renewalJobs(
  event: RecordedEvent,
  subscriptionId: string,
  period: number,
  renewsAt: string,
  reminderDays: number,
  attempt = 1,
): ScheduledJob[] {
  const jobs: ScheduledJob[] = [
    scheduled<PlanJob>(
      {
        ...base(event),
        kind: 'subscription.renew',
        subscriptionId,
        period,
        attempt,
        dueAt: renewsAt,
      },
      event.id,
    ),
  ];
  const remindAt = addDays(renewsAt, -reminderDays);
  if (attempt === 1 && Date.parse(remindAt) > Date.parse(occurredAt(event)))
    jobs.push(
      scheduled<PlanJob>(
        {
          ...base(event),
          kind: 'subscription.renewal-reminder',
          subscriptionId,
          period,
          renewsAt,
          dueAt: remindAt,
        },
        event.id,
      ),
    );
  return jobs;
}

/** The jobs an event calls for: pure, from the event's facts only (no read), so a replay schedules the same ids. */
export function subscriptionJobs(
  event: RecordedEvent,
  settings: SubscriptionSettings,
): ScheduledJob[] {
  const e = { type: event.type, data: event.data } as SubscriptionEvent;
  switch (e.type) {
    case 'SubscriptionStarted':
    case 'SubscriptionRenewed':
    case 'SubscriptionReinstated':
      return renewalJobs(
        event,
        e.data.subscriptionId,
        e.data.period + 1,
        e.data.periodEndsAt,
        settings.reminderDays,
      );
    case 'SubscriptionPeriodExtended':
      return renewalJobs(
        event,
        e.data.subscriptionId,
        e.data.period + 1,
        e.data.periodEndsAt,
        settings.reminderDays,
      );
    case 'SubscriptionPaused':
      return renewalJobs(
        event,
        e.data.subscriptionId,
        e.data.period,
        e.data.resumesAt,
        settings.reminderDays,
      );
    case 'SubscriptionRenewalFailed':
      return e.data.nextAttemptAt
        ? renewalJobs(
            event,
            e.data.subscriptionId,
            e.data.period,
            e.data.nextAttemptAt,
            settings.reminderDays,
            e.data.attempt + 1,
          )
        : [];
    default:
      return [];
  }
}

/**
 * The subscriptions process (docs/plans-subscriptions.md): schedules the renewal and reminder
 * jobs from the events' `periodEndsAt` / `resumesAt` / `nextAttemptAt` (job ids from the event
 * id), tells the provider of each refused renewal and of the suspension, and cancels every
 * running subscription of a closed account.
 */
@Injectable()
export class SubscriptionReactor implements Reactor {
  readonly name = 'plans.subscriptions';
  readonly filter = {
    categories: ['subscription', 'account'],
    eventTypePrefixes: [
      'SubscriptionStarted',
      'SubscriptionRenewed',
      'SubscriptionRenewalFailed',
      'SubscriptionReinstated',
      'SubscriptionSuspended',
      'SubscriptionPaused',
      'SubscriptionPeriodExtended',
      'AccountClosed',
    ],
  };
  private readonly logger = new Logger('SubscriptionReactor');

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly notifications: Notifications,
    private readonly subscriptions: SubscriptionService,
    @Inject(SUBSCRIPTION_SETTINGS) private readonly settings: SubscriptionSettings,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    await this.handleBatch([event]);
  }

  /** One scheduler write for the whole batch (a period end renews thousands at once). */
  async handleBatch(events: RecordedEvent[]): Promise<void> {
    const jobs = events.flatMap((e) => subscriptionJobs(e, this.settings));
    if (jobs.length > 0) await this.scheduler.schedule(jobs);
    for (const event of events) {
      if (event.type === 'AccountClosed') await this.closeAccount(event);
      else if (event.type === 'SubscriptionRenewalFailed' || event.type === 'SubscriptionSuspended')
        await this.tell(event);
    }
  }

  private async closeAccount(event: RecordedEvent): Promise<void> {
    const { accountId } = event.data as AccountClosed['data'];
    await this.subscriptions.closeAccount(
      accountId,
      event.id,
      { now: occurredAt(event), actorId: 'system', actorRole: 'system' },
      base(event),
    );
  }

  private async tell(event: RecordedEvent): Promise<void> {
    const e = { type: event.type, data: event.data } as SubscriptionEvent;
    const request =
      e.type === 'SubscriptionRenewalFailed'
        ? {
            template: 'plans.renewal_failed',
            accountId: e.data.accountId,
            data: {
              subscriptionId: e.data.subscriptionId,
              period: e.data.period,
              attempt: e.data.attempt,
              amountCents: e.data.amountCents,
              failureCode: e.data.failureCode,
              nextAttemptAt: e.data.nextAttemptAt,
            },
          }
        : e.type === 'SubscriptionSuspended'
          ? {
              template: 'plans.subscription_suspended',
              accountId: e.data.accountId,
              data: { subscriptionId: e.data.subscriptionId, period: e.data.period },
            }
          : null;
    if (!request) return;
    try {
      await this.notifications.send({
        to: { accountId: request.accountId },
        template: request.template,
        data: request.data,
        idempotencyKey: `${request.template}-${event.id}`,
      });
    } catch (error) {
      if (error instanceof NoRecipientError) this.logger.warn(`no e-mail for ${request.accountId}`);
      else throw error;
    }
  }
}
