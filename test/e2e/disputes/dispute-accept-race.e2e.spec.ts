import { startTestApp, TestApp } from '../../support/test-app';
import { account, Account, deliveredOrder } from './dispute-fixtures';

type Kind = 'accept' | 'contest';

/** The order's own refusal of a completed order (by the order, or by the dispute reading it). */
const ORDER_ENDED = /^(ORDER_TERMINAL|ORDER_NOT_CONTESTABLE)$/;

/**
 * 50 parallel accepts and contests (through HTTP) on one delivered order: exactly one of them
 * wins, and a refused contest leaves nothing behind (no dispute events, no dead letter).
 */
describe('disputes: contests racing accepts on one delivered order', () => {
  let t: TestApp;
  let buyer: Account;
  let seller: Account;

  beforeAll(async () => {
    t = await startTestApp({ PG_POOL_SIZE: '16' });
  });
  afterAll(async () => t.close());

  const contest = (orderId: string, who: Account) =>
    t.request('POST', `/orders/${orderId}/disputes`, {
      token: who.token,
      body: { reason: 'not_as_described', statement: 'Le livrable ne correspond pas.' },
    });

  /** Every event of the order, its escrow and its disputes, in log order. */
  const eventTypes = async (orderId: string, escrowId: string): Promise<string[]> => {
    const { rows } = await t.db.pool.query<{ event_type: string }>(
      `SELECT event_type FROM es_events
        WHERE stream_name IN ($1, $2) OR (category = 'dispute' AND data -> 'subject' ->> 'id' = $3)
        ORDER BY global_position`,
      [`order-${orderId}`, `escrow-${escrowId}`, orderId],
    );
    return rows.map((r) => r.event_type);
  };

  const deadLetters = async (): Promise<unknown[]> =>
    (await t.db.pool.query(`SELECT reactor, event_type, error_code FROM reactor_dead_letters`))
      .rows;

  /**
   * One round. A contest reads more before it writes than an accept, so in odd rounds the
   * accepts start `lead` milliseconds late, spread out, to let either side win the race.
   */
  async function race(round: number, lead: number) {
    // A seller publishes at most five gigs: each round gets its own parties.
    [buyer, seller] = await Promise.all([account(t, 'client'), account(t, 'provider')]);
    const { orderId, escrowId } = await deliveredOrder(t, buyer, seller, 12_000);
    const before = await eventTypes(orderId, escrowId);
    const kinds: Kind[] = Array.from({ length: 50 }, (_, i) =>
      (i + round) % 2 === 0 ? 'accept' : 'contest',
    );
    const answers = await Promise.all(
      kinds.map(async (kind, i) => {
        if (kind === 'accept' && round % 2 === 1)
          await new Promise((r) => setTimeout(r, lead + ((i * 7) % 25)));
        const by = kind === 'accept' || i % 4 === 1 ? buyer : seller;
        const res =
          kind === 'accept'
            ? await t.request('POST', `/orders/${orderId}/accept`, { token: buyer.token })
            : await contest(orderId, by);
        return {
          kind,
          by: by.id,
          status: res.status,
          code: res.body?.code as string | undefined,
          disputeId: res.body?.disputeId as string | undefined,
        };
      }),
    );
    await t.settle();
    const won = answers.filter((a) => a.status === 200 || a.status === 201);
    for (const a of answers.filter((x) => !won.includes(x))) {
      expect({ kind: a.kind, status: a.status, code: a.code }).toEqual({
        kind: a.kind,
        status: 409,
        code: a.code,
      });
    }
    const after = (await eventTypes(orderId, escrowId)).slice(before.length);
    return { orderId, answers, won, after };
  }

  it('lets exactly one outcome win and a refused contest write nothing anywhere', async () => {
    const seen = new Set<Kind>();
    let lead = 20;
    for (let round = 0; round < 12; round++) {
      const { orderId, won, answers, after } = await race(round, lead);
      // Concurrent identical contests by one party dedupe into one opening, answered to each.
      const winners = new Set(won.map((w) => `${w.kind}:${w.by}:${w.disputeId}`));
      expect(winners.size).toBe(1);
      const [winner] = [...new Set(won.map((w) => w.kind))];
      seen.add(winner);
      if (round % 2 === 1 && winner === 'accept') lead *= 2.5;
      if (winner === 'accept') {
        expect(after.filter((e) => e.startsWith('Dispute'))).toEqual([]);
        expect(after.filter((e) => e.startsWith('OrderContest'))).toEqual([]);
        for (const a of answers.filter((x) => x.kind === 'contest')) {
          expect(a.code).toMatch(ORDER_ENDED);
        }
        const later = await contest(orderId, buyer);
        expect(later.status).toBe(409);
        expect(later.body.code).toMatch(ORDER_ENDED);
      } else {
        expect([...after].sort()).toEqual(['DisputeOpened', 'EscrowFrozen', 'OrderContested']);
        for (const a of answers.filter((x) => !won.includes(x))) {
          expect(a.code).toMatch(/^(ORDER_FROZEN|DISPUTE_ALREADY_OPENED)$/);
        }
      }
      expect(await deadLetters()).toEqual([]);
    }
    // Both interleavings must have been exercised for the test to mean anything.
    expect([...seen].sort()).toEqual(['accept', 'contest']);
  }, 180_000);
});
