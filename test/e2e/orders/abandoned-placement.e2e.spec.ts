import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { escrowIdForOrder } from '../../../src/application/orders/order-funding.service';
import { OrderCommandMessage } from '../../../src/application/orders/order.messages';
import { Clock, ManualClock } from '../../../src/application/shared/clock';
import { DeadlineJobs } from '../../../src/application/scheduling/deadline-jobs';
import { DeadlineJob } from '../../../src/application/scheduling/jobs';
import { jobsFor } from '../../../src/application/scheduling/schedule-rules';
import { deterministicId } from '../../../src/application/shared/deterministic-id';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { startTestApp, TestApp } from '../../support/test-app';
import { gatewayOperations, Party, party, publishedGig } from './marketplace-fixtures';

/**
 * The money is secured before the order exists. When the placing request dies in between (a
 * crash) and the buyer never retries, the placement check gives the money back; a retry within
 * the window still gets the order.
 */
describe('orders: a funded placement whose request died', () => {
  let t: TestApp;
  let buyer: Party;
  let gigId: string;
  let bus: CommandBus;
  let store: EventStore;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    // The app's one clock, so the placement check runs when the test says it is due.
    t = await startTestApp({}, [[Clock, clock]]);
    const seller = await party(t, 'provider');
    buyer = await party(t, 'client');
    gigId = await publishedGig(t, seller);
    bus = t.app.get(CommandBus);
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => t.close());

  const place = (key: string, uncheckedBecause?: string) =>
    t.request('POST', '/orders', {
      token: buyer.token,
      body: { gigId, paymentMethod: 'pm_card_visa' },
      idempotencyKey: key,
      uncheckedBecause,
    });

  /** The request dies once the escrow is funded, before the order is placed. */
  async function placementDyingAfterFunding(key: string) {
    const execute = bus.execute.bind(bus);
    const crash = jest.spyOn(bus, 'execute').mockImplementation(async (message: unknown) => {
      if (message instanceof OrderCommandMessage && message.command.type === 'PlaceOrder')
        throw new Error('the process was killed');
      return execute(message as never);
    });
    try {
      expect((await place(key, 'the request is made to crash: a 500 no contract promises')).status).not.toBe(201);
    } finally {
      crash.mockRestore();
    }
    const orderId = deterministicId('order', buyer.id, key);
    return { orderId, escrowId: escrowIdForOrder(orderId) };
  }

  /** The placement check the scheduling reactor derived from the escrow's opening, run at its time. */
  async function runPlacementCheck(escrowId: string) {
    const opened = (await store.readStream(`escrow-${escrowId}`)).find(
      (e) => e.type === 'EscrowOpened',
    )!;
    const [job] = jobsFor(opened, { autoCompleteAfterDays: 3 });
    const payload = job.payload as DeadlineJob;
    expect(payload.kind).toBe('order.placement-check');
    clock.set(payload.dueAt);
    const outcome = await t.app.get(DeadlineJobs).run({ jobId: job.jobId, payload });
    await t.settle();
    return outcome;
  }

  it('refunds the buyer in full when the order never came, and refuses a later retry with 409', async () => {
    const key = randomUUID();
    const { orderId, escrowId } = await placementDyingAfterFunding(key);
    expect((await gatewayOperations(t, escrowId)).map((o) => o.operation)).toEqual(['fund_escrow']);

    expect(await runPlacementCheck(escrowId)).toEqual({
      result: 'done',
      detail: 'OrderPlacementAbandoned',
    });
    const escrow = (await store.readStream(`escrow-${escrowId}`)).map((e) => e.type);
    expect(escrow).toEqual(['EscrowOpened', 'EscrowFunded', 'EscrowRefunded']);
    const refunded = (await store.readStream(`escrow-${escrowId}`))[2].data;
    expect(refunded).toMatchObject({ amountCents: 45_000, reason: 'placement_abandoned' });
    const moves = await gatewayOperations(t, escrowId);
    expect(moves.map((o) => o.operation)).toEqual(['fund_escrow', 'refund']);

    const late = await place(key);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'ORDER_PLACEMENT_ABANDONED',
      currentStatus: 'placement_abandoned',
    });
    expect((await gatewayOperations(t, escrowId)).length).toBe(2);
    const view = await t.request('GET', `/orders/${orderId}`, { token: buyer.token });
    expect(view.status).toBe(404);
    // Every read model took the refund of an order that never existed in its stride.
    const projections = await t.request('GET', '/admin/projections', {
      token: await t.tokenFor({ roles: ['admin'] }),
    });
    for (const p of projections.body.projections)
      expect(p).toMatchObject({ state: 'running', behind: 0 });
    const reactors = await t.request('GET', '/admin/reactors', {
      token: await t.tokenFor({ roles: ['finance'] }),
    });
    expect(reactors.body.deadLetters).toEqual([]);
  });

  it('gives the order to a buyer who retried in time; the check then leaves it alone', async () => {
    const key = randomUUID();
    const { orderId, escrowId } = await placementDyingAfterFunding(key);
    const retried = await place(key);
    expect(retried.status).toBe(201);
    expect(retried.body.orderId).toBe(orderId);

    expect(await runPlacementCheck(escrowId)).toMatchObject({
      result: 'obsolete',
      code: 'ORDER_ALREADY_PLACED',
    });
    expect((await gatewayOperations(t, escrowId)).map((o) => o.operation)).toEqual(['fund_escrow']);
    const escrow = await t.request('GET', `/orders/${orderId}/escrow`, { token: buyer.token });
    expect(escrow.body).toMatchObject({ heldCents: 45_000, refundedCents: 0 });
  });
});
