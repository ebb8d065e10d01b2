import { performance } from 'node:perf_hooks';
import { EventStore, EventToAppend } from '../../src/application/shared/event-store.port';
import { Projection } from '../../src/projections/runner/projection';
import { LoggedEvent } from '../../test/e2e/read-models/support/sim-core';
import { BenchMarket } from './projections-log';

export interface LagResult {
  events: number;
  seconds: number;
  ratePerSecond: number;
  /** Per event: from its append being acknowledged to the last read model that handles it committing it. */
  allModels: number[];
  perProjection: Record<string, number[]>;
}

interface Tracked {
  appendedAt: number | null;
  applied: { projection: string; at: number }[];
  expected: number;
}

/**
 * Appends the market's next events at `rate` events per second (a run of one stream per
 * append, at most `writers` in flight, never two on the same stream so every stream keeps
 * its order) and records when each projection commits each event.
 */
export async function measureLag(
  store: EventStore,
  market: BenchMarket,
  projections: readonly Projection[],
  options: { rate: number; seconds: number; warmupSeconds: number; writers: number },
): Promise<{
  onApplied(projection: string, events: { id: string }[]): void;
  run(): Promise<LagResult>;
}> {
  const tracked = new Map<string, Tracked>();
  const handledBy = new Map<string, number>();
  for (const p of projections)
    for (const t of p.handles) handledBy.set(t, (handledBy.get(t) ?? 0) + 1);

  const onApplied = (projection: string, events: { id: string }[]) => {
    const at = performance.now();
    for (const e of events) tracked.get(e.id)?.applied.push({ projection, at });
  };

  const run = async (): Promise<LagResult> => {
    const queue: LoggedEvent[] = [];
    const busy = new Set<string>();
    let inFlight = 0;
    let sent = 0;
    const total = Math.round(options.rate * options.seconds);
    const start = performance.now();
    const warmupEnd = start + options.warmupSeconds * 1000;
    const measuredIds: string[] = [];
    const failures: unknown[] = [];
    await new Promise<void>((resolve) => {
      const pump = () => {
        const due = Math.min(
          total,
          Math.floor(((performance.now() - start) / 1000) * options.rate),
        );
        while (sent < due && inFlight < options.writers) {
          if (queue.length === 0) {
            market.produce(50);
            queue.push(...market.sim.log.splice(0));
          }
          const stream = queue[0].stream;
          if (busy.has(stream)) break;
          const run: EventToAppend[] = [];
          while (queue.length && queue[0].stream === stream) run.push(queue.shift()!.event);
          busy.add(stream);
          inFlight++;
          sent += run.length;
          const measured = performance.now() >= warmupEnd;
          for (const e of run) {
            tracked.set(e.id, {
              appendedAt: null,
              applied: [],
              expected: handledBy.get(e.type) ?? 0,
            });
            if (measured) measuredIds.push(e.id);
          }
          store
            .appendToStream(stream, run)
            .then(
              () => {
                const at = performance.now();
                for (const e of run) tracked.get(e.id)!.appendedAt = at;
              },
              (error: unknown) => failures.push(error),
            )
            .finally(() => {
              busy.delete(stream);
              inFlight--;
            });
        }
        if (sent >= total && inFlight === 0) resolve();
        else setTimeout(pump, 1);
      };
      pump();
    });
    if (failures.length) throw failures[0];
    const seconds = (performance.now() - start) / 1000;
    // Give the projections time to apply the tail before reading the samples.
    const deadline = performance.now() + 30_000;
    while (
      performance.now() < deadline &&
      measuredIds.some((id) => tracked.get(id)!.applied.length < tracked.get(id)!.expected)
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const allModels: number[] = [];
    const perProjection: Record<string, number[]> = {};
    for (const id of measuredIds) {
      const t = tracked.get(id)!;
      if (t.expected === 0 || t.appendedAt === null) continue;
      let worst = 0;
      for (const a of t.applied) {
        const lag = Math.max(0, a.at - t.appendedAt);
        (perProjection[a.projection] ??= []).push(lag);
        worst = Math.max(worst, lag);
      }
      allModels.push(t.applied.length === t.expected ? worst : Number.POSITIVE_INFINITY);
    }
    return { events: sent, seconds, ratePerSecond: sent / seconds, allModels, perProjection };
  };

  return { onApplied, run };
}
