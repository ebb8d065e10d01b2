import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { OrderCommandMessage } from '../../../src/application/orders/order.messages';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { DomainError } from '../../../src/domain/shared';
import { startTestApp, TestApp } from '../../support/test-app';
import {
  deliveredOrder,
  gatewayOperations,
  Party,
  party,
  publishedGig,
  walletCredits,
} from './marketplace-fixtures';

type Outcome = { kind: 'accept' | 'cancel' | 'contest'; status: number; code?: string };

/**
 * 50 conflicting commands at one delivered order: accepts and cancels through HTTP, contests on the
 * order's command contract (what the disputes context sends once it opened a case).
 */
describe('orders: 50 concurrent conflicting commands at one delivered order', () => {
  let t: TestApp;
  let seller: Party;
  let buyer: Party;
  let gigId: string;

  beforeAll(async () => {
    t = await startTestApp({ PG_POOL_SIZE: '16' });
    seller = await party(t, 'provider');
    buyer = await party(t, 'client');
    gigId = await publishedGig(t, seller);
  });
  afterAll(async () => t.close());

  const contest = async (orderId: string): Promise<Outcome> => {
    const bus = t.app.get(CommandBus);
    const now = new Date().toISOString();
    try {
      await bus.execute(
        new OrderCommandMessage(
          orderId,
          {
            type: 'ContestOrder',
            data: { orderId, disputeId: randomUUID(), reason: 'Livrable non conforme' },
            meta: { now, actorId: seller.id, actorRole: 'provider' },
          },
          { correlationId: randomUUID() },
        ),
      );
      return { kind: 'contest', status: 201 };
    } catch (error) {
      if (error instanceof DomainError)
        return {
          kind: 'contest',
          status: error.family === 'conflict' ? 409 : 500,
          code: error.code,
        };
      throw error;
    }
  };

  const fire = (orderId: string, i: number): Promise<Outcome> => {
    if (i % 3 === 0) return contest(orderId);
    const kind = i % 3 === 1 ? 'accept' : 'cancel';
    return t
      .request('POST', `/orders/${orderId}/${kind}`, { token: buyer.token })
      .then((r) => ({ kind, status: r.status, code: r.body?.code }));
  };

  it.each([1, 2, 3])(
    'lets exactly one command win and keeps stream, escrow and wallet consistent (round %i)',
    async () => {
      const orderId = await deliveredOrder(t, buyer, seller, gigId);
      const creditedBefore = await walletCredits(t, seller.id);
      const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => fire(orderId, i)));

      const winners = outcomes.filter((o) => o.status === 200 || o.status === 201);
      expect(winners).toHaveLength(1);
      expect(
        outcomes.filter((o) => o.status !== 200 && o.status !== 201).every((o) => o.status === 409),
      ).toBe(true);
      expect(outcomes.filter((o) => o.kind === 'cancel').every((o) => o.status === 409)).toBe(true);

      await t.settle();
      const store = t.app.get<EventStore>(EVENT_STORE);
      const events = await store.readStream(`order-${orderId}`);
      expect(events.map((e) => Number(e.revision))).toEqual(events.map((_, i) => i));
      const afterDelivery = events
        .slice(events.findIndex((e) => e.type === 'OrderDelivered') + 1)
        .map((e) => e.type);
      const order = (await t.request('GET', `/orders/${orderId}`, { token: buyer.token })).body;
      const escrow = (await t.request('GET', `/orders/${orderId}/escrow`, { token: buyer.token }))
        .body;
      expect(escrow.fundedCents).toBe(
        escrow.releasedCents + escrow.refundedCents + escrow.heldCents,
      );
      const operations = (await gatewayOperations(t, escrow.escrowId))
        .map((op) => op.operation)
        .sort();

      if (winners[0].kind === 'accept') {
        expect(afterDelivery).toEqual(['OrderCompleted']);
        expect(order.status).toBe('completed');
        expect(escrow).toMatchObject({ status: 'closed', releasedCents: 45_000, heldCents: 0 });
        expect(operations).toEqual(['fund_escrow', 'release']);
        expect((await walletCredits(t, seller.id)) - creditedBefore).toBe(40_500);
      } else {
        expect(afterDelivery).toEqual(['OrderContested']);
        expect(order.status).toBe('contested');
        expect(escrow).toMatchObject({ releasedCents: 0, refundedCents: 0, heldCents: 45_000 });
        expect(operations).toEqual(['fund_escrow']);
        expect(await walletCredits(t, seller.id)).toBe(creditedBefore);
      }
    },
  );
});
