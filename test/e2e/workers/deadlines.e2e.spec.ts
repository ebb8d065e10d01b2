import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DisputeCommandMessage } from '../../../src/application/disputes/dispute.messages';
import { AccountCommandMessage } from '../../../src/application/identity/account.messages';
import { VerificationCommandMessage } from '../../../src/application/identity/verification.messages';
import { Notifications } from '../../../src/application/notifications/notifications.port';
import { CustomRequestCommandMessage } from '../../../src/application/orders/custom-request.messages';
import { OrderCommandMessage } from '../../../src/application/orders/order.messages';
import { ManualClock } from '../../../src/application/shared/clock';
import { DeadlineJobs } from '../../../src/application/scheduling/deadline-jobs';
import {
  DeadlineJob,
  JobPayload,
  ReminderJob,
  ScheduledJob,
} from '../../../src/application/scheduling/jobs';
import { ReminderJobs } from '../../../src/application/scheduling/reminder-jobs';
import { jobsFor } from '../../../src/application/scheduling/schedule-rules';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { startTestApp, TestApp } from '../../support/test-app';
import { deliver, meta, registerAccount, startedOrder } from './support/helpers';

const DAY = 86_400_000;
/** Far enough ahead that the live workers never reach these deadlines during the test. */
const BASE = new Date(Date.now() + 30 * DAY);
const at = (offsetMs: number) => new Date(BASE.getTime() + offsetMs);

describe('every job on a controlled clock: not before its time, once at its time, nothing more when delivered twice', () => {
  let t: TestApp;
  let bus: CommandBus;
  let store: EventStore;
  let notifications: Notifications;
  const clock = new ManualClock(BASE);

  beforeAll(async () => {
    t = await startTestApp();
    bus = t.app.get(CommandBus);
    store = t.app.get(EVENT_STORE);
    notifications = t.app.get(Notifications);
  });
  afterAll(async () => t?.close());

  const deadlines = () => new DeadlineJobs(bus, clock);
  const reminders = () => new ReminderJobs(store, notifications, clock);

  async function types(stream: string): Promise<string[]> {
    return (await store.readStream(stream)).map((e) => e.type);
  }
  const count = async (stream: string, type: string) =>
    (await types(stream)).filter((x) => x === type).length;

  /** The jobs the scheduling reactor derives from the last `type` event of `stream`. */
  async function jobsOf(
    stream: string,
    type: string,
    kind: JobPayload['kind'],
  ): Promise<ScheduledJob[]> {
    const events = (await store.readStream(stream)).filter((e) => e.type === type);
    return jobsFor(events[events.length - 1], { autoCompleteAfterDays: 3 }).filter(
      (j) => j.payload.kind === kind,
    );
  }

  async function runDeadlineTwice(job: ScheduledJob) {
    const payload = job.payload as DeadlineJob;
    clock.set(new Date(Date.parse(payload.dueAt) - 1));
    expect(await deadlines().run({ jobId: job.jobId, payload })).toEqual({
      result: 'not_due',
      dueAt: payload.dueAt,
    });
    clock.set(payload.dueAt);
    const first = await deadlines().run({ jobId: job.jobId, payload });
    const second = await deadlines().run({ jobId: job.jobId, payload });
    return { first, second };
  }

  it('delivery deadline: an undelivered active order becomes late at deliveryDueAt, once', async () => {
    const order = await startedOrder(bus, { startedAt: at(0), days: 2 });
    const [job] = await jobsOf(`order-${order.orderId}`, 'OrderStarted', 'order.delivery-deadline');
    expect(job.payload.dueAt).toBe(order.deliveryDueAt);
    const before = await count(`order-${order.orderId}`, 'OrderDeliveryLate');
    const { first, second } = await runDeadlineTwice(job);
    expect(before).toBe(0);
    expect(first).toEqual({ result: 'done', detail: 'OrderDeliveryLate' });
    expect(second).toEqual({ result: 'done', detail: 'already applied' });
    expect(await count(`order-${order.orderId}`, 'OrderDeliveryLate')).toBe(1);
  });

  it('delivery deadline: an order delivered in time is never marked late', async () => {
    const order = await startedOrder(bus, { startedAt: at(0), days: 2 });
    await deliver(bus, order, at(DAY));
    const [job] = await jobsOf(`order-${order.orderId}`, 'OrderStarted', 'order.delivery-deadline');
    await runDeadlineTwice(job);
    expect(await count(`order-${order.orderId}`, 'OrderDeliveryLate')).toBe(0);
  });

  it('automatic completion: a delivery left unanswered 3 days is accepted as the system, once', async () => {
    const order = await startedOrder(bus, { startedAt: at(0), days: 2 });
    await deliver(bus, order, at(DAY));
    const [job] = await jobsOf(`order-${order.orderId}`, 'OrderDelivered', 'order.auto-complete');
    expect(job.payload.dueAt).toBe(at(4 * DAY).toISOString());
    const { first, second } = await runDeadlineTwice(job);
    expect(first.result).toBe('done');
    // The order refuses a second completion; the job ends without appending anything.
    expect(second).toMatchObject({ result: 'obsolete', code: 'ORDER_TERMINAL' });
    const completed = (await store.readStream(`order-${order.orderId}`)).filter(
      (e) => e.type === 'OrderCompleted',
    );
    expect(completed).toHaveLength(1);
    expect(completed[0].data).toMatchObject({ auto: true, completedAt: job.payload.dueAt });
    expect(completed[0].metadata).toMatchObject({
      actorRole: 'system',
      causationId: job.payload.causationId,
    });
  });

  it('automatic completion: a revision request meanwhile makes the job obsolete', async () => {
    const order = await startedOrder(bus, { startedAt: at(0), days: 2 });
    await deliver(bus, order, at(DAY));
    await bus.execute(
      new OrderCommandMessage(
        order.orderId,
        {
          type: 'RequestRevision',
          data: { orderId: order.orderId, instructions: 'Plus grand' },
          meta: meta(at(DAY + 3_600_000), order.buyerId, 'client'),
        },
        { correlationId: 'test' },
      ),
    );
    const [job] = await jobsOf(`order-${order.orderId}`, 'OrderDelivered', 'order.auto-complete');
    const { first } = await runDeadlineTwice(job);
    expect(first).toMatchObject({ result: 'obsolete', code: 'ORDER_NOT_DELIVERED' });
    expect(await count(`order-${order.orderId}`, 'OrderCompleted')).toBe(0);
  });

  it('seller reminder 24 h before the deadline, through the notifications port, sent once', async () => {
    const sellerId = await registerAccount(t, ['provider']);
    const order = await startedOrder(bus, { startedAt: at(0), days: 3, sellerId });
    const [job] = await jobsOf(
      `order-${order.orderId}`,
      'OrderStarted',
      'order.seller-deadline-reminder',
    );
    const payload = job.payload as ReminderJob;
    expect(payload.dueAt).toBe(new Date(Date.parse(order.deliveryDueAt) - DAY).toISOString());
    clock.set(new Date(Date.parse(payload.dueAt) - 1));
    expect((await reminders().run({ jobId: job.jobId, payload })).result).toBe('not_due');
    clock.set(payload.dueAt);
    expect((await reminders().run({ jobId: job.jobId, payload })).result).toBe('done');
    expect(await reminders().run({ jobId: job.jobId, payload })).toEqual({
      result: 'done',
      detail: 'already sent',
    });
    const sent = await notifications.list({
      template: 'orders.delivery_deadline_reminder',
      recipientAccountId: sellerId,
      limit: 10,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({
      orderId: order.orderId,
      deliveryDueAt: order.deliveryDueAt,
    });
  });

  it('buyer reminder while the delivery awaits an answer; none once answered', async () => {
    const buyerId = await registerAccount(t, ['client']);
    const order = await startedOrder(bus, { startedAt: at(0), days: 2, buyerId });
    await deliver(bus, order, at(DAY));
    const [day1, day2] = await jobsOf(
      `order-${order.orderId}`,
      'OrderDelivered',
      'order.buyer-delivery-reminder',
    );
    clock.set(day1.payload.dueAt);
    await reminders().run({ jobId: day1.jobId, payload: day1.payload as ReminderJob });
    await reminders().run({ jobId: day1.jobId, payload: day1.payload as ReminderJob });
    expect(
      await notifications.list({
        template: 'orders.delivery_awaiting_answer',
        recipientAccountId: buyerId,
        limit: 10,
      }),
    ).toHaveLength(1);
    await bus.execute(
      new OrderCommandMessage(
        order.orderId,
        {
          type: 'AcceptDelivery',
          data: { orderId: order.orderId },
          meta: meta(at(DAY + DAY / 2), buyerId, 'client'),
        },
        { correlationId: 'test' },
      ),
    );
    clock.set(day2.payload.dueAt);
    expect(
      await reminders().run({ jobId: day2.jobId, payload: day2.payload as ReminderJob }),
    ).toMatchObject({ result: 'obsolete', code: 'DELIVERY_ANSWERED' });
    expect(
      await notifications.list({
        template: 'orders.delivery_awaiting_answer',
        recipientAccountId: buyerId,
        limit: 10,
      }),
    ).toHaveLength(1);
  });

  it('custom-order invitation lapses at its expiry, once', async () => {
    const customRequestId = randomUUID();
    const buyerId = randomUUID();
    const sellerId = randomUUID();
    const causation = { correlationId: 'test' };
    await bus.execute(
      new CustomRequestCommandMessage(
        customRequestId,
        {
          type: 'SubmitCustomRequest',
          data: {
            customRequestId,
            title: 'Site vitrine',
            description: 'Un site de 5 pages',
            category: 'web',
            proposedPriceCents: 50_000,
            deadline: { kind: 'days', days: 10 },
          },
          meta: meta(at(0), buyerId, 'client'),
        },
        causation,
      ),
    );
    await bus.execute(
      new CustomRequestCommandMessage(
        customRequestId,
        {
          type: 'InviteSellers',
          data: { customRequestId, sellerIds: [sellerId], invitationTtlDays: 2 },
          meta: meta(at(60_000), randomUUID(), 'admin'),
        },
        causation,
      ),
    );
    const [job] = await jobsOf(
      `custom_request-${customRequestId}`,
      'CustomRequestSellerInvited',
      'custom-request.invitation-expiry',
    );
    const { first, second } = await runDeadlineTwice(job);
    expect(first).toEqual({ result: 'done', detail: 'CustomRequestInvitationExpired' });
    expect(second.result).toBe('done');
    expect(await count(`custom_request-${customRequestId}`, 'CustomRequestInvitationExpired')).toBe(
      1,
    );
  });

  it("a dispute's response deadline lapses when the respondent stayed silent, once", async () => {
    const disputeId = randomUUID();
    const buyerId = randomUUID();
    await bus.execute(
      new DisputeCommandMessage(
        disputeId,
        {
          type: 'OpenDispute',
          data: {
            disputeId,
            subject: { kind: 'order', id: randomUUID() },
            buyerId,
            sellerId: randomUUID(),
            escrowId: randomUUID(),
            reason: 'late_delivery',
            statement: 'Rien reçu',
            orderStatus: 'active',
            heldCents: 12_000,
            responseDeadlineDays: 5,
          },
          meta: meta(at(0), buyerId, 'client'),
        },
        { correlationId: 'test' },
      ),
    );
    const [job] = await jobsOf(
      `dispute-${disputeId}`,
      'DisputeOpened',
      'dispute.response-deadline',
    );
    expect(job.payload.dueAt).toBe(at(5 * DAY).toISOString());
    const { first } = await runDeadlineTwice(job);
    expect(first).toEqual({ result: 'done', detail: 'DisputeResponseDeadlineLapsed' });
    expect(await count(`dispute-${disputeId}`, 'DisputeResponseDeadlineLapsed')).toBe(1);
  });

  it('a verification document expires at its date, with a reminder 15 days before, each once', async () => {
    const providerId = await registerAccount(t, ['provider']);
    const documentId = randomUUID();
    await bus.execute(
      new VerificationCommandMessage(
        providerId,
        {
          type: 'SubmitDocument',
          data: { providerId, documentId, kind: 'urssaf_vigilance', uploadRef: 'upload-1' },
          meta: meta(at(0), providerId, 'provider'),
        },
        { correlationId: 'test' },
      ),
    );
    await bus.execute(
      new VerificationCommandMessage(
        providerId,
        {
          type: 'ApproveDocument',
          data: { documentId },
          meta: meta(at(60_000), randomUUID(), 'mediator'),
        },
        { correlationId: 'test' },
      ),
    );
    const stream = `verification-${providerId}`;
    const [reminder] = await jobsOf(
      stream,
      'DocumentApproved',
      'verification.document-expiry-reminder',
    );
    const [expiry] = await jobsOf(stream, 'DocumentApproved', 'verification.document-expiry');
    expect(Date.parse(expiry.payload.dueAt) - Date.parse(reminder.payload.dueAt)).toBe(15 * DAY);
    clock.set(reminder.payload.dueAt);
    await reminders().run({ jobId: reminder.jobId, payload: reminder.payload as ReminderJob });
    await reminders().run({ jobId: reminder.jobId, payload: reminder.payload as ReminderJob });
    expect(
      await notifications.list({
        template: 'identity.document_expiry_reminder',
        recipientAccountId: providerId,
        limit: 10,
      }),
    ).toHaveLength(1);
    const { first } = await runDeadlineTwice(expiry);
    expect(first).toEqual({ result: 'done', detail: 'DocumentExpired' });
    expect(await count(stream, 'DocumentExpired')).toBe(1);
  });

  it('an account closure becomes effective 2 business days after the request, once; a withdrawn one never', async () => {
    const accountId = await registerAccount(t, ['client']);
    await bus.execute(
      new AccountCommandMessage(
        accountId,
        { type: 'RequestClosure', data: {}, meta: meta(at(0), accountId, 'client') },
        { correlationId: 'test' },
      ),
    );
    const [job] = await jobsOf(
      `account-${accountId}`,
      'AccountClosureRequested',
      'account.closure',
    );
    expect(Date.parse(job.payload.dueAt)).toBeGreaterThanOrEqual(at(2 * DAY).getTime());
    const { first, second } = await runDeadlineTwice(job);
    expect(first).toEqual({ result: 'done', detail: 'AccountClosed' });
    expect(second.result).toBe('done');
    expect(await count(`account-${accountId}`, 'AccountClosed')).toBe(1);

    const other = await registerAccount(t, ['client']);
    await bus.execute(
      new AccountCommandMessage(
        other,
        { type: 'RequestClosure', data: {}, meta: meta(at(0), other, 'client') },
        { correlationId: 'test' },
      ),
    );
    await bus.execute(
      new AccountCommandMessage(
        other,
        { type: 'WithdrawClosure', data: {}, meta: meta(at(DAY), other, 'client') },
        { correlationId: 'test' },
      ),
    );
    const [withdrawn] = await jobsOf(
      `account-${other}`,
      'AccountClosureRequested',
      'account.closure',
    );
    const outcome = await runDeadlineTwice(withdrawn);
    expect(outcome.first.result).toBe('obsolete');
    expect(await count(`account-${other}`, 'AccountClosed')).toBe(0);
  });
});
