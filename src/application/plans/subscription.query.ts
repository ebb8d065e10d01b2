import { Inject, Injectable } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  benefitsActive,
  SUBSCRIPTION_STATUS_LABELS,
  subscriptionDecider,
  SubscriptionErrorCode,
  type CreditAllowance,
  type ExistingSubscription,
  type SubscriptionStatus,
} from '../../domain/plans';
import { NotFoundError } from '../../domain/shared';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { PLAN_CATALOG, PlanCatalog } from './plan-catalog.port';
import { findPlan } from './subscription-plans';
import { SUBSCRIPTION_DIRECTORY, SubscriptionDirectory } from './subscription-directory.port';
import { SubscriptionService } from './subscription.service';
import { subscriptionStream } from './subscription.messages';

export interface SubscriptionView {
  subscriptionId: string;
  accountId: string;
  planId: string;
  planKind: 'pro' | 'credits';
  planName: string;
  billingPeriod: 'month' | 'quarter' | 'year';
  status: SubscriptionStatus;
  statusLabel: string;
  /** Pro visibility or the period's credits apply now (kept during a payment incident's retries). */
  benefitsActive: boolean;
  startedAt: string;
  currentPeriod: {
    period: number;
    planVersion: number;
    priceTtcCents: number;
    periodStartsAt: string;
    periodEndsAt: string;
    credits: CreditAllowance;
  };
  /** The next charge: its date and the price of the plan version in force now; null when none will come. */
  nextRenewal: { at: string; period: number; amountCents: number } | null;
  pause: { periods: number; pausedFrom: string; resumesAt: string; started: boolean } | null;
  incident: {
    since: string;
    attempts: number;
    nextAttemptAt: string | null;
    amountCents: number;
    failureCode: string;
  } | null;
  suspendedAt: string | null;
  cancellation: { reason: string; cancelledAt: string; endsAt: string } | null;
  /** The stream's revision, usable as `If-Match`. */
  revision: string;
}

export interface PlanSummaryView {
  accountId: string;
  /** A Pro subscription whose benefits hold now. */
  proActive: boolean;
  /** "Accès prioritaire aux nouvelles fonctionnalités": the flag front ends read, true with an active Pro. */
  priorityAccess: boolean;
  /** A featured profile ("profil mis en avant"), true with an active Pro. */
  featured: boolean;
  pro: SubscriptionView | null;
  credits: SubscriptionView | null;
  /** The earliest charge to come among the account's subscriptions. */
  nextRenewal: { subscriptionId: string; at: string; amountCents: number } | null;
}

export function subscriptionView(
  s: ExistingSubscription,
  revision: bigint,
  now: string,
  priceNow: number,
): SubscriptionView {
  let nextRenewal: SubscriptionView['nextRenewal'] = null;
  const period = s.current.period + 1;
  if (s.status === 'incident' && s.incident?.nextAttemptAt)
    nextRenewal = { at: s.incident.nextAttemptAt, period, amountCents: priceNow };
  else if (s.status === 'active' || s.status === 'paused')
    nextRenewal = {
      at: s.status === 'active' && s.pause ? s.pause.resumesAt : s.renewalDueAt,
      period,
      amountCents: priceNow,
    };
  const { chargeRef: _ref, ...currentPeriod } = s.current;
  return {
    subscriptionId: s.subscriptionId,
    accountId: s.accountId,
    planId: s.planId,
    planKind: s.planKind,
    planName: s.planName,
    billingPeriod: s.billingPeriod,
    status: s.status,
    statusLabel: SUBSCRIPTION_STATUS_LABELS[s.status],
    benefitsActive: benefitsActive(s, now),
    startedAt: s.startedAt,
    currentPeriod,
    nextRenewal,
    pause: s.pause
      ? {
          periods: s.pause.periods,
          pausedFrom: s.pause.pausedFrom,
          resumesAt: s.pause.resumesAt,
          started: s.pause.started,
        }
      : null,
    incident: s.incident
      ? {
          since: s.incident.since,
          attempts: s.incident.attempts,
          nextAttemptAt: s.incident.nextAttemptAt,
          amountCents: s.incident.amountCents,
          failureCode: s.incident.failureCode,
        }
      : null,
    suspendedAt: s.suspendedAt,
    cancellation: s.cancellation
      ? {
          reason: s.cancellation.reason,
          cancelledAt: s.cancellation.cancelledAt,
          endsAt: s.cancellation.endsAt,
        }
      : null,
    revision: revision.toString(),
  };
}

/** Published contract: an account's plan summary (Pro active, priority access, featured), e.g. for the search ranking boost. */
export class GetPlanSummaryQuery extends Query<PlanSummaryView> {
  constructor(
    readonly accountId: string,
    readonly now: string,
  ) {
    super();
  }
}

/** The subscription views, read from the streams (always current) except staff's list (read model). */
@Injectable()
export class SubscriptionQueries {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PLAN_CATALOG) private readonly catalog: PlanCatalog,
    @Inject(SUBSCRIPTION_DIRECTORY) private readonly directory: SubscriptionDirectory,
    private readonly subscriptions: SubscriptionService,
  ) {}

  private async prices(states: ExistingSubscription[]): Promise<Map<string, number>> {
    const ids = [...new Set(states.map((s) => s.planId))];
    const plans = await Promise.all(ids.map((id) => findPlan(this.catalog, id)));
    return new Map(ids.map((id, i) => [id, plans[i]?.terms.priceTtcCents ?? 0]));
  }

  private async views(
    items: { state: ExistingSubscription; revision: bigint }[],
    now: string,
  ): Promise<SubscriptionView[]> {
    const prices = await this.prices(items.map((i) => i.state));
    return items.map(({ state, revision }) =>
      subscriptionView(
        state,
        revision,
        now,
        prices.get(state.planId) ?? state.current.priceTtcCents,
      ),
    );
  }

  /** One subscription; another account's is not found (staff see any). */
  async one(subscriptionId: string, viewer: { accountId: string; staff: boolean }, now: string) {
    const { state, revision } = await loadAggregate(
      this.store,
      subscriptionStream(subscriptionId),
      subscriptionDecider,
    );
    if (
      state.status === 'none' ||
      revision === null ||
      (!viewer.staff && state.accountId !== viewer.accountId)
    )
      throw new NotFoundError(SubscriptionErrorCode.NOT_FOUND, 'Subscription not found', {
        subscriptionId,
      });
    return (await this.views([{ state, revision }], now))[0];
  }

  /** Running and past, newest first. */
  async mine(accountId: string, now: string): Promise<SubscriptionView[]> {
    const items = await this.subscriptions.ofAccount(accountId);
    const views = await this.views(items, now);
    return views.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  async summary(accountId: string, now: string): Promise<PlanSummaryView> {
    const views = await this.mine(accountId, now);
    const pick = (kind: 'pro' | 'credits') =>
      views.find((v) => v.planKind === kind && v.status !== 'cancelled') ??
      views.find((v) => v.planKind === kind && v.benefitsActive) ??
      null;
    const pro = pick('pro');
    const credits = pick('credits');
    const proActive = pro?.benefitsActive ?? false;
    const next = views
      .filter((v) => v.nextRenewal)
      .sort((a, b) => a.nextRenewal!.at.localeCompare(b.nextRenewal!.at))[0];
    return {
      accountId,
      proActive,
      priorityAccess: proActive,
      featured: proActive,
      pro,
      credits,
      nextRenewal: next
        ? {
            subscriptionId: next.subscriptionId,
            at: next.nextRenewal!.at,
            amountCents: next.nextRenewal!.amountCents,
          }
        : null,
    };
  }

  async staffList(
    filter: { accountId?: string; status?: SubscriptionStatus; limit: number; offset: number },
    now: string,
  ) {
    const { items, total } = await this.directory.list(filter);
    return {
      items: await this.views(items, now),
      total,
      limit: filter.limit,
      offset: filter.offset,
    };
  }
}

@QueryHandler(GetPlanSummaryQuery)
export class GetPlanSummaryHandler implements IQueryHandler<GetPlanSummaryQuery, PlanSummaryView> {
  constructor(private readonly queries: SubscriptionQueries) {}

  execute(query: GetPlanSummaryQuery): Promise<PlanSummaryView> {
    return this.queries.summary(query.accountId, query.now);
  }
}
