import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  SubscriptionQueries,
  SubscriptionView,
} from '../../../application/plans/subscription.query';
import { SubscriptionService } from '../../../application/plans/subscription.service';
import { Clock } from '../../../application/shared/clock';
import type { SubscriptionCommand } from '../../../domain/plans';
import { NotFoundError } from '../../../domain/shared';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange, asParty } from '../shared/http-support';
import {
  ExtendDto,
  PauseDto,
  PaymentMethodDto,
  PlanSummaryResponse,
  StaffSubscriptionListResponse,
  StaffSubscriptionsQuery,
  SubscribeDto,
  SubscriptionListResponse,
  SubscriptionResponse,
} from './subscriptions.dto';

const notFound = (subscriptionId: string) => () =>
  new NotFoundError('SUBSCRIPTION_NOT_FOUND', 'Subscription not found', { subscriptionId });
const OWNERSHIP = ['NOT_SUBSCRIPTION_OWNER'];

/**
 * A provider's subscriptions to the platform's plans (seeds 000 and 003, docs/plans-subscriptions.md):
 * the Pro subscription and credit subscriptions, tacitly renewed at each period end with the saved card.
 */
@ApiTags('subscriptions')
@Controller()
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionService,
    private readonly queries: SubscriptionQueries,
    private readonly clock: Clock,
  ) {}

  private now = () => this.clock.now().toISOString();

  @Post('me/subscriptions')
  @Roles('provider')
  @ApiStateChange({
    summary: 'Subscribe to a plan',
    description:
      'An active `pro` or `credits` plan, paid with a card: the card is saved for the renewals and period 1 is charged at once at the plan version in force now (a refused card answers 422 `PAYMENT_DECLINED` and nothing is written). The period runs one calendar month, quarter or year (UTC, the day clamped to the month’s last). At most one running subscription per kind and account: another one (or a parallel request) answers 409 `SUBSCRIPTION_ALREADY_ACTIVE`. Renewed tacitly at each period end; a reminder e-mail comes PLAN_RENEWAL_REMINDER_DAYS before.',
    refusals: [
      { status: 409, code: 'SUBSCRIPTION_ALREADY_ACTIVE', currentStatus: 'active' },
      { status: 422, code: 'PAYMENT_DECLINED' },
      { status: 422, code: 'PLAN_NOT_FOUND' },
      { status: 422, code: 'PLAN_RETIRED' },
      { status: 422, code: 'PLAN_NOT_SUBSCRIBABLE' },
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: SubscriptionResponse,
    description: 'The running subscription, period 1 paid.',
  })
  async subscribe(
    @CurrentActor() actor: Actor,
    @Body() body: SubscribeDto,
  ): Promise<SubscriptionView> {
    const { subscriptionId } = await this.subscriptions.subscribe({
      accountId: actor.accountId,
      planId: body.planId,
      paymentMethod: body.paymentMethod,
      meta: actor.meta(this.clock.now(), 'provider'),
      causation: actor.causation,
    });
    return this.queries.one(
      subscriptionId,
      { accountId: actor.accountId, staff: false },
      this.now(),
    );
  }

  @Get('me/subscriptions')
  @Roles('provider')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'My subscriptions',
    description:
      'Running and past, newest first, each with its current period, the next renewal (date and the price in force now), a scheduled pause, a payment incident (`incident`: since, attempts, next attempt, amount, failure code) and the cancellation.',
  })
  @ApiOkResponse({ type: SubscriptionListResponse })
  async mine(@CurrentActor() actor: Actor): Promise<{ items: SubscriptionView[] }> {
    return { items: await this.queries.mine(actor.accountId, this.now()) };
  }

  @Get('me/subscriptions/:subscriptionId')
  @Roles('provider')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'One of my subscriptions',
    description:
      'Read from its stream (always current). Another account’s subscription answers 404.',
  })
  @ApiOkResponse({ type: SubscriptionResponse })
  @ApiResponse({ status: 400, description: '`INVALID_ID`: the id is not a UUID.' })
  @ApiResponse({ status: 404, description: '`SUBSCRIPTION_NOT_FOUND`' })
  one(@CurrentActor() actor: Actor, @IdParam('subscriptionId') subscriptionId: string) {
    return this.queries.one(
      subscriptionId,
      { accountId: actor.accountId, staff: false },
      this.now(),
    );
  }

  @Get('me/plan')
  @Roles('provider')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'My plan at a glance',
    description:
      'Whether a Pro subscription is active (better visibility, a featured profile: `featured`, and priority access to new features: `priorityAccess`, the flag front ends read), the credits subscription if any, and the next renewal’s date and amount.',
  })
  @ApiOkResponse({ type: PlanSummaryResponse })
  plan(@CurrentActor() actor: Actor) {
    return this.queries.summary(actor.accountId, this.now());
  }

  @Post('me/subscriptions/:subscriptionId/cancel')
  @HttpCode(200)
  @Roles('provider')
  @ApiStateChange({
    summary: 'Cancel a subscription',
    description:
      'Immediate, and no renewal ever follows. Pro: the benefits end at once (`endsAt` = now). Credits: the paid period runs to its end (`endsAt` = the period end). No refund and no shortening in either case.',
    refusals: [
      { status: 404, code: 'SUBSCRIPTION_NOT_FOUND' },
      { status: 409, code: 'SUBSCRIPTION_CANCELLED', currentStatus: 'cancelled' },
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: SubscriptionResponse })
  cancel(@CurrentActor() actor: Actor, @IdParam('subscriptionId') subscriptionId: string) {
    return this.send(actor, subscriptionId, {
      type: 'CancelSubscription',
      data: { subscriptionId, reason: 'owner_request' },
      meta: actor.meta(this.clock.now(), 'provider'),
    });
  }

  @Post('me/subscriptions/:subscriptionId/payment-method')
  @HttpCode(200)
  @Roles('provider')
  @ApiStateChange({
    summary: 'Replace the card (and settle a payment incident)',
    description:
      'Saves the new card for the renewals. In a payment incident it charges the owed period now: during the retries the period is renewed from its due date (`SubscriptionRenewed`); once suspended a fresh period starts now (`SubscriptionReinstated`). A refused card answers 422 `PAYMENT_DECLINED` and changes nothing.',
    refusals: [
      { status: 404, code: 'SUBSCRIPTION_NOT_FOUND' },
      { status: 409, code: 'SUBSCRIPTION_CANCELLED', currentStatus: 'cancelled' },
      { status: 422, code: 'PAYMENT_DECLINED' },
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: SubscriptionResponse })
  async paymentMethod(
    @CurrentActor() actor: Actor,
    @IdParam('subscriptionId') subscriptionId: string,
    @Body() body: PaymentMethodDto,
  ) {
    await asParty(
      actor,
      notFound(subscriptionId),
      () =>
        this.subscriptions.replacePaymentMethod({
          subscriptionId,
          paymentMethod: body.paymentMethod,
          meta: actor.meta(this.clock.now(), 'provider'),
          causation: actor.causation,
        }),
      OWNERSHIP,
    );
    return this.view(actor, subscriptionId);
  }

  @Post('me/subscriptions/:subscriptionId/pause')
  @HttpCode(200)
  @Roles('provider')
  @ApiStateChange({
    summary: 'Put the subscription on hold ("mettre en suspens")',
    description:
      'Skips the next 1 to 3 renewals from the current period end (the running period is never shortened): nothing is charged and no benefit holds meanwhile; the renewal comes at `resumesAt`. Refused during a payment incident or a suspension (409 `SUBSCRIPTION_IN_INCIDENT`) and when a pause is already scheduled or running.',
    refusals: [
      { status: 400, code: 'SUBSCRIPTION_INVALID_PAUSE' },
      { status: 404, code: 'SUBSCRIPTION_NOT_FOUND' },
      { status: 409, code: 'SUBSCRIPTION_IN_INCIDENT', currentStatus: 'incident' },
      { status: 409, code: 'SUBSCRIPTION_PAUSE_ALREADY_SCHEDULED', currentStatus: 'active' },
      { status: 409, code: 'SUBSCRIPTION_CANCELLED', currentStatus: 'cancelled' },
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: SubscriptionResponse })
  pause(
    @CurrentActor() actor: Actor,
    @IdParam('subscriptionId') subscriptionId: string,
    @Body() body: PauseDto,
  ) {
    return this.send(actor, subscriptionId, {
      type: 'SchedulePause',
      data: { subscriptionId, periods: body.periods },
      meta: actor.meta(this.clock.now(), 'provider'),
    });
  }

  @Delete('me/subscriptions/:subscriptionId/pause')
  @Roles('provider')
  @ApiStateChange({
    summary: 'Withdraw a scheduled pause',
    description:
      'Before it starts (the period end): the renewal comes at the period end again. A running pause answers 409 `SUBSCRIPTION_PAUSE_STARTED`.',
    refusals: [
      { status: 404, code: 'SUBSCRIPTION_NOT_FOUND' },
      { status: 409, code: 'SUBSCRIPTION_NO_PAUSE', currentStatus: 'active' },
      { status: 409, code: 'SUBSCRIPTION_PAUSE_STARTED', currentStatus: 'paused' },
      { status: 409, code: 'SUBSCRIPTION_CANCELLED', currentStatus: 'cancelled' },
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: SubscriptionResponse })
  withdrawPause(@CurrentActor() actor: Actor, @IdParam('subscriptionId') subscriptionId: string) {
    return this.send(actor, subscriptionId, {
      type: 'WithdrawPause',
      data: { subscriptionId },
      meta: actor.meta(this.clock.now(), 'provider'),
    });
  }

  @Get('admin/subscriptions')
  @Roles('finance', 'admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Subscriptions (staff)',
    description:
      'Every subscription, newest first, by account and status (`incident` lists the payment incidents), from the read model (about a second behind).',
  })
  @ApiOkResponse({ type: StaffSubscriptionListResponse })
  @ApiResponse({ status: 400, description: '`VALIDATION_FAILED`' })
  staffList(@Query() query: StaffSubscriptionsQuery) {
    return this.queries.staffList(
      {
        accountId: query.accountId?.toLowerCase(),
        status: query.status,
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      },
      this.now(),
    );
  }

  @Post('admin/subscriptions/:subscriptionId/extend')
  @HttpCode(200)
  @Roles('admin')
  @ApiStateChange({
    summary: 'Extend the running period ("prolonger")',
    description:
      'Staff add 1 to 90 days to the running period, free of charge, with a reason: the renewal (and its reminder) move to the new end. Only an active subscription (409 `SUBSCRIPTION_NOT_EXTENDABLE` in incident, suspended or paused).',
    refusals: [
      { status: 400, code: 'SUBSCRIPTION_INVALID_EXTENSION' },
      { status: 400, code: 'SUBSCRIPTION_EXTENSION_REASON_REQUIRED' },
      { status: 404, code: 'SUBSCRIPTION_NOT_FOUND' },
      { status: 409, code: 'SUBSCRIPTION_NOT_EXTENDABLE', currentStatus: 'incident' },
      { status: 409, code: 'SUBSCRIPTION_CANCELLED', currentStatus: 'cancelled' },
    ],
    ifMatch: false,
  })
  @ApiOkResponse({ type: SubscriptionResponse })
  async extend(
    @CurrentActor() actor: Actor,
    @IdParam('subscriptionId') subscriptionId: string,
    @Body() body: ExtendDto,
  ) {
    await this.subscriptions.send(subscriptionId, actor.causation, {
      type: 'ExtendPeriod',
      data: { subscriptionId, days: body.days, reason: body.reason },
      meta: actor.meta(this.clock.now(), 'admin'),
    });
    return this.queries.one(
      subscriptionId,
      { accountId: actor.accountId, staff: true },
      this.now(),
    );
  }

  private async send(actor: Actor, subscriptionId: string, command: SubscriptionCommand) {
    await asParty(
      actor,
      notFound(subscriptionId),
      () => this.subscriptions.send(subscriptionId, actor.causation, command),
      OWNERSHIP,
    );
    return this.view(actor, subscriptionId);
  }

  private view(actor: Actor, subscriptionId: string) {
    return this.queries.one(
      subscriptionId,
      { accountId: actor.accountId, staff: false },
      this.now(),
    );
  }
}
