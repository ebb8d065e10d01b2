import { Pool } from 'pg';
import { OrderState, orderDecider } from '../../src/domain/orders';
import { LoggedEvent } from '../../test/e2e/read-models/support/sim-core';
import { MarketplaceSim, SimOrder } from '../../test/e2e/read-models/support/marketplace-sim';

/**
 * A marketplace that keeps about `window` orders in flight, so events of one order sit close
 * together in the log as they would in production, and every sequence is one the deciders accept.
 */
export class BenchMarket {
  readonly sim: MarketplaceSim;
  private readonly active: SimOrder[] = [];

  constructor(
    seed: number,
    private readonly window = 2_000,
  ) {
    this.sim = new MarketplaceSim(seed);
    for (let i = 0; i < 300; i++) this.sim.register('buyer');
    for (let i = 0; i < 150; i++) {
      const seller = this.sim.register('seller');
      this.sim.createGig(seller);
      if (this.sim.chance(0.5)) this.sim.createGig(seller);
    }
  }

  /** Runs actions until at least `events` more events are in `sim.log`. */
  produce(events: number): void {
    const target = this.sim.log.length + events;
    while (this.sim.log.length < target) this.step();
  }

  private step(): void {
    const { sim } = this;
    const r = sim.random();
    if (r < 0.002) sim.register('buyer');
    else if (r < 0.003) sim.createGig(sim.register('seller'));
    else if (r < 0.02) sim.withdraw(sim.pick(sim.sellers));
    else if (r < 0.0205 && sim.buyers.length > 400) sim.erase(sim.pick(sim.buyers));
    else if (this.active.length < this.window) {
      const o = sim.placeOrder();
      if (o) this.active.push(o);
    } else {
      const i = Math.floor(sim.random() * this.active.length);
      const o = this.active[i];
      sim.advance(o);
      if (this.finished(o)) {
        this.active[i] = this.active[this.active.length - 1];
        this.active.pop();
      }
    }
    // Only the aggregates still in play are needed; the rest would only grow the heap.
    if (sim.orders.length > this.window * 4)
      sim.orders.splice(0, sim.orders.length - this.window * 2);
  }

  private finished(o: SimOrder): boolean {
    const s = this.sim.state<OrderState>(`order-${o.orderId}`, orderDecider);
    const done =
      s.status === 'cancelled' ||
      s.status === 'resolved' ||
      (s.status === 'completed' && (s.reviewed || this.sim.chance(0.3)));
    // A finished order's aggregates are never touched again: dropping them keeps the heap (and GC pauses) small.
    if (done)
      for (const stream of [`order-${o.orderId}`, `escrow-${o.escrowId}`, `dispute-${o.disputeId}`])
        this.sim.states.delete(stream);
    return done;
  }
}

/**
 * Writes events straight into `es_events` (one transaction per chunk, in log order, with
 * their stream revisions): filling a million-event log through single appends would
 * measure the event store, not the projections.
 */
export async function insertChunk(
  pool: Pool,
  events: readonly LoggedEvent[],
  revisions: Map<string, number>,
): Promise<void> {
  const rows = events.map((l, n) => {
    const rev = (revisions.get(l.stream) ?? -1) + 1;
    revisions.set(l.stream, rev);
    return {
      s: l.stream,
      c: l.stream.slice(0, l.stream.indexOf('-')),
      r: rev,
      id: l.event.id,
      t: l.event.type,
      d: l.event.data,
      m: l.event.metadata ?? {},
      n,
    };
  });
  const streams = new Map<string, number>();
  for (const r of rows) streams.set(r.s, r.r);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO es_events (stream_name, category, stream_revision, event_id, event_type, schema_version, data, metadata)
       SELECT s, c, r, id, t, 1, d, m FROM jsonb_to_recordset($1::jsonb) AS x(s text, c text, r bigint, id uuid, t text, d jsonb, m jsonb, n int)
        ORDER BY n`,
      [JSON.stringify(rows)],
    );
    await client.query(
      `INSERT INTO es_streams (stream_name) SELECT s FROM jsonb_to_recordset($1::jsonb) AS x(s text, r bigint)
       ON CONFLICT (stream_name) DO NOTHING`,
      [JSON.stringify([...streams].map(([s, r]) => ({ s, r })))],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
