import { Inject, Injectable } from '@nestjs/common';
import { subscriptionDecider } from '../../domain/plans';
import { NoRecipientError, Notifications } from '../notifications/notifications.port';
import { notDue } from '../scheduling/job-context';
import type { JobOutcome, PlanJob } from '../scheduling/jobs';
import { Clock } from '../shared/clock';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { PLAN_CATALOG, PlanCatalog } from './plan-catalog.port';
import { findPlan } from './subscription-plans';
import { subscriptionStream } from './subscription.messages';

export type ReminderJob = {
  jobId: string;
  payload: Extract<PlanJob, { kind: 'subscription.renewal-reminder' }>;
};

/**
 * The e-mail before a renewal charge (`subscription.renewal-reminder`, PLAN_RENEWAL_REMINDER_DAYS
 * before it), with the amount of the plan version in force now and the date. Nothing is sent when
 * the renewal no longer comes then: cancelled, suspended, in incident, extended, or a pause starts.
 */
@Injectable()
export class SubscriptionReminderJob {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PLAN_CATALOG) private readonly catalog: PlanCatalog,
    private readonly notifications: Notifications,
    private readonly clock: Clock,
  ) {}

  async remind({ payload }: ReminderJob): Promise<JobOutcome> {
    const early = notDue(this.clock, payload);
    if (early) return early;
    const { state } = await loadAggregate(
      this.store,
      subscriptionStream(payload.subscriptionId),
      subscriptionDecider,
    );
    if (state.status === 'none') return { result: 'obsolete', code: 'SUBSCRIPTION_NOT_FOUND' };
    if (state.status !== 'active' && state.status !== 'paused')
      return { result: 'obsolete', code: 'SUBSCRIPTION_NOT_RENEWING', detail: state.status };
    if (
      state.current.period + 1 !== payload.period ||
      Date.parse(state.renewalDueAt) !== Date.parse(payload.renewsAt)
    )
      return { result: 'obsolete', code: 'RENEWAL_MOVED', detail: state.renewalDueAt };
    if (state.status === 'active' && state.pause)
      return { result: 'obsolete', code: 'PAUSE_SCHEDULED', detail: state.pause.pausedFrom };
    const plan = await findPlan(this.catalog, state.planId);
    const amountCents = plan?.terms.priceTtcCents ?? state.current.priceTtcCents;
    try {
      await this.notifications.send({
        to: { accountId: state.accountId },
        template: 'plans.renewal_reminder',
        data: {
          subscriptionId: state.subscriptionId,
          planName: plan?.name ?? state.planName,
          period: payload.period,
          amountCents,
          renewsAt: payload.renewsAt,
        },
        idempotencyKey: `subscription-${state.subscriptionId}-reminder-${payload.period}-${payload.renewsAt}`,
      });
    } catch (error) {
      if (error instanceof NoRecipientError) return { result: 'obsolete', code: 'NO_RECIPIENT' };
      throw error;
    }
    return { result: 'done', detail: `reminded: ${amountCents} cents on ${payload.renewsAt}` };
  }
}
