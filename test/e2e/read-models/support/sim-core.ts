import { createHash } from 'node:crypto';
import { EventStore, EventToAppend } from '../../../../src/application/shared/event-store.port';
import { ActorRole, Decider, DomainError, DomainEvent } from '../../../../src/domain/shared';

export interface LoggedEvent {
  stream: string;
  event: EventToAppend;
}

/** Mulberry32: a small seeded generator, so a failing scenario can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Drives the real deciders in memory and records what they emit, with metadata, in log
 * order: every event sequence it produces is one the domain itself accepts.
 */
export class SimCore {
  readonly log: LoggedEvent[] = [];
  readonly states = new Map<string, unknown>();
  readonly random: () => number;
  private counter = 0;
  /** Milliseconds; advanced by `tick`. */
  now: number;

  constructor(
    readonly seed: number,
    start = Date.parse('2026-01-05T08:00:00.000Z'),
  ) {
    this.random = seeded(seed);
    this.now = start;
  }

  id(kind = 'id'): string {
    const h = createHash('sha1').update(`${this.seed}:${kind}:${this.counter++}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  tick(minMinutes = 5, maxMinutes = 600): string {
    this.now += this.int(minMinutes, maxMinutes) * 60_000;
    return this.iso();
  }

  iso(): string {
    return new Date(this.now).toISOString();
  }

  state<S>(stream: string, decider: Pick<Decider<unknown, S, DomainEvent>, 'initialState'>): S {
    return (this.states.get(stream) as S | undefined) ?? decider.initialState();
  }

  /** Decides, folds and records; a refusal by the domain records nothing and returns null. */
  exec<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    stream: string,
    build: (meta: { now: string; actorId: string; actorRole: ActorRole }) => C,
    actor: { id: string; role: ActorRole },
  ): E[] | null {
    const meta = { now: this.iso(), actorId: actor.id, actorRole: actor.role };
    const state = this.state<S>(stream, decider);
    let events: E[];
    try {
      events = decider.decide(build(meta), state);
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
    let next = state;
    for (const e of events) {
      next = decider.evolve(next, e);
      const eventId = this.id('event');
      this.log.push({
        stream,
        event: {
          id: eventId,
          type: e.type,
          data: e.data,
          metadata: {
            eventId,
            correlationId: eventId,
            causationId: eventId,
            actorId: actor.id,
            actorRole: actor.role,
            occurredAt: meta.now,
          },
        },
      });
    }
    this.states.set(stream, next);
    return events;
  }
}

/** Appends the log in order, one append per run of consecutive events of a stream. */
export async function appendLog(
  store: EventStore,
  log: readonly LoggedEvent[],
  from = 0,
): Promise<number> {
  let i = from;
  while (i < log.length) {
    const stream = log[i].stream;
    const run: EventToAppend[] = [];
    while (i < log.length && log[i].stream === stream) run.push(log[i++].event);
    await store.appendToStream(stream, run);
  }
  return log.length;
}
