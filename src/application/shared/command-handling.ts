import { randomUUID } from 'node:crypto';
import { AggregateCache } from './aggregate-cache';
import { CommandMeta, ConcurrencyError, Decider, DomainEvent } from '../../domain/shared';
import {
  EventStore,
  EventToAppend,
  ExpectedRevision,
  IdempotencyConflictError,
  LogPosition,
  RecordedEvent,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from './event-store.port';

/** Where a command came from: the request or event that caused it. */
export interface CausationContext {
  correlationId: string;
  /** The id of the request or event that caused this command; defaults to the correlation id. */
  causationId?: string;
}

export interface AggregateSnapshot<State> {
  state: State;
  /** The stream's revision, or null when it does not exist yet. */
  revision: bigint | null;
  events: RecordedEvent[];
}

export interface HandleResult<State, Event> {
  events: Event[];
  /** The ids the events were appended under, in order: notifications and effects derive their keys from them. */
  eventIds: string[];
  state: State;
  nextExpectedRevision: bigint | null;
  position: LogPosition | null;
}

export interface HandleOptions {
  /** From `If-Match`: fail with 409 instead of retrying when the stream has moved on. */
  expectedRevision?: bigint;
  /** Deterministic event ids make a re-run of the same job idempotent in the log itself. */
  eventIds?: (index: number) => string;
  maxRetries?: number;
  /** Decide on this process's last known state instead of reading the stream (see handleCommand). */
  cache?: AggregateCache;
}

/** Builds the command from the state it will be decided on; runs again on every retry. */
export type CommandBuilder<State, Command> = (state: State) => Command | Promise<Command>;

/** What a handler adds to the one loop; each hook runs inside it, so a retry runs it again. */
export interface HandleHooks<Command, State, Event> {
  /**
   * Runs after `decide` and before the append, e.g. to take a slot in an index stream. A
   * `WrongExpectedVersionError` it throws is retried like the append's own conflict.
   */
  beforeAppend?: (decision: { command: Command; events: Event[]; state: State }) => Promise<void>;
}

/** Loads a stream and folds it; a missing stream gives the initial state. */
export async function loadAggregate<State, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
): Promise<AggregateSnapshot<State>> {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(stream);
  } catch (error) {
    if (error instanceof StreamNotFoundError)
      return { state: decider.initialState(), revision: null, events: [] };
    throw error;
  }
  const state = events.reduce(
    (s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event),
    decider.initialState(),
  );
  return { state, revision: events.length ? events[events.length - 1].revision : null, events };
}

export function eventMetadata(meta: CommandMeta, causation: CausationContext, eventId: string) {
  return {
    eventId,
    correlationId: causation.correlationId,
    causationId: causation.causationId ?? causation.correlationId,
    actorId: meta.actorId,
    actorRole: meta.actorRole,
    occurredAt: meta.now,
  };
}

/**
 * Load, decide, append with the expected revision; on a version conflict the whole
 * cycle is retried, which is safe because `decide` is pure.
 *
 * With an `AggregateCache` the state to decide on may be a guess instead of a read: the
 * state this process last appended at, or, for a stream it has never seen, the initial
 * state (a creation then costs no read at all). The append's expected revision checks
 * the guess; a refused append, a refusal or a no-op decided on a guess are never
 * answered from it but decided again on a fresh read, without using up a retry.
 */
export async function handleCommand<
  Command extends { meta: CommandMeta },
  State,
  Event extends DomainEvent,
>(
  store: EventStore,
  stream: string,
  decider: Decider<Command, State, Event>,
  command: Command | CommandBuilder<State, Command>,
  causation: CausationContext,
  options: HandleOptions & HandleHooks<Command, State, Event> = {},
): Promise<HandleResult<State, Event>> {
  const maxRetries = options.expectedRevision !== undefined ? 0 : (options.maxRetries ?? 5);
  const cache = options.cache?.enabled ? options.cache : undefined;
  let mayGuess = cache !== undefined;
  let attempt = 0;
  for (;;) {
    const guess = mayGuess
      ? guessAggregate(cache!, stream, decider, options.expectedRevision)
      : undefined;
    const current = guess ?? (await loadAggregate(store, stream, decider));
    if (!guess && cache && current.revision !== null)
      cache.set(decider, stream, current.state, current.revision);
    let cmd: Command;
    let events: Event[];
    try {
      // The builder runs before the If-Match check, so its access refusal never tells an outsider the revision.
      cmd = typeof command === 'function' ? await command(current.state) : command;
      if (options.expectedRevision !== undefined && current.revision !== options.expectedRevision)
        throw staleRevision(stream, options.expectedRevision, current.revision);
      events = decider.decide(cmd, current.state);
    } catch (error) {
      if (!guess) throw error;
      mayGuess = false;
      continue;
    }
    if (events.length === 0 && guess) {
      mayGuess = false;
      continue;
    }
    const state = events.reduce(decider.evolve, current.state);
    if (events.length === 0) {
      return {
        events,
        eventIds: [],
        state,
        nextExpectedRevision: current.revision,
        position: null,
      };
    }
    const toAppend: EventToAppend[] = events.map((e, i) => {
      const id = options.eventIds?.(i) ?? randomUUID();
      return { id, type: e.type, data: e.data, metadata: eventMetadata(cmd.meta, causation, id) };
    });
    const expected: ExpectedRevision = current.revision === null ? 'no_stream' : current.revision;
    try {
      await options.beforeAppend?.({ command: cmd, events, state });
      const result = await store.appendToStream(stream, toAppend, { expectedRevision: expected });
      cache?.set(decider, stream, state, result.nextExpectedRevision);
      return {
        events,
        eventIds: toAppend.map((e) => e.id),
        state,
        nextExpectedRevision: result.nextExpectedRevision,
        position: result.position,
      };
    } catch (error) {
      cache?.invalidate(stream);
      // A guess can also collide with ids an earlier decision wrote (a replayed command
      // decided on the initial state); the fresh read decides what the replay means.
      if (
        guess &&
        (error instanceof WrongExpectedVersionError || error instanceof IdempotencyConflictError)
      ) {
        mayGuess = false;
        continue;
      }
      if (error instanceof WrongExpectedVersionError && attempt < maxRetries) {
        attempt++;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
        continue;
      }
      // The conflict may be on the hook's stream rather than this one: name the one that moved.
      if (error instanceof WrongExpectedVersionError)
        throw staleRevision(error.streamName, error.expected, error.actual);
      throw error;
    }
  }
}

/**
 * The cached state, or the initial state for a stream this process holds nothing of;
 * none when the caller's `If-Match` names another revision than the cached one.
 */
function guessAggregate<State>(
  cache: AggregateCache,
  stream: string,
  decider: Pick<Decider<unknown, State, DomainEvent>, 'initialState'>,
  expectedRevision: bigint | undefined,
): { state: State; revision: bigint | null } | undefined {
  const cached = cache.get(decider, stream);
  if (cached) {
    if (expectedRevision !== undefined && cached.revision !== expectedRevision) return undefined;
    return { state: cached.state as State, revision: cached.revision };
  }
  return expectedRevision === undefined
    ? { state: decider.initialState(), revision: null }
    : undefined;
}

function staleRevision(
  stream: string,
  expected: ExpectedRevision,
  actual: bigint | null,
): ConcurrencyError {
  return new ConcurrencyError(
    'CONCURRENT_MODIFICATION',
    `${stream} was modified concurrently; reload and retry`,
    {
      expectedRevision: String(expected),
      actualRevision: actual === null ? null : String(actual),
    },
  );
}
