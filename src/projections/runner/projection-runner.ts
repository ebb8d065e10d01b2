import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import {
  comparePositions,
  EventStore,
  LogPosition,
  RecordedEvent,
  Subscription,
} from '../../application/shared/event-store.port';
import {
  advanceCheckpointAndCommit,
  beginAndLockCheckpoint,
  applyEvents,
  BeforeCommitHook,
  filterFor,
  inTransaction,
  lockCheckpoint,
} from './batch';
import { Projection } from './projection';
import { LogReader } from './bulk-log-reader';
import { isTransientFailure, sqlState } from './failures';
import { clearHalt, haltPosition, ProjectionHalt, readHalt, recordHalt } from './halts';
import { rebuildProjections } from './rebuild';

/** `halted`: stopped on an event it cannot apply, until an operator retries it (see `haltedOn`). */
export type ProjectionState =
  'starting' | 'rebuilding' | 'running' | 'retrying' | 'halted' | 'stopped' | 'failed';

export interface RunnerOptions {
  batchSize?: number;
  /** Reads the log when a projection must first be rebuilt (its tables are of another version). */
  rebuildReader?: LogReader;
  beforeCommit?: BeforeCommitHook;
  /** After each committed batch, with the events it applied (the bench measures lag here). */
  afterCommit?(projection: string, applied: RecordedEvent[]): void;
  logger?: { log(message: string): void; error(message: string): void };
  /** How often a halted projection looks whether its stop was cleared (by the CLI or another process). */
  haltPollMs?: number;
}

export interface LiveProjectionInfo {
  name: string;
  state: ProjectionState;
  generation: number | null;
  position: { commit: string; prepare: string } | null;
  lastError: string | null;
  haltedOn: ProjectionHalt | null;
}

interface Live {
  projection: Projection;
  handled: Set<string>;
  state: ProjectionState;
  generation: number | null;
  position: LogPosition | null;
  subscription: Subscription | null;
  ready: Promise<void>;
  lastError: string | null;
  halt: ProjectionHalt | null;
}

const MAX_BACKOFF_MS = 30_000;
const HALT_POLL_MS = 5_000;

/** Thrown out of a batch when the runner stops mid-retry: the batch is not checkpointed. */
class RunnerStopping extends Error {
  constructor() {
    super('runner stopping');
    this.name = 'RunnerStopping';
  }
}

/** A failure that trying the same events again cannot cure. */
class PermanentFailure extends Error {
  constructor(readonly failure: unknown) {
    super(describe(failure));
    this.name = 'PermanentFailure';
  }
}

/** Ends a projection's subscription on the event it stopped on, so the checkpoint stays before it. */
export class ProjectionHalted extends Error {
  constructor(readonly halt: ProjectionHalt) {
    super(`Projection ${halt.name} stopped on ${halt.eventType} ${halt.eventId}: ${halt.error}`);
    this.name = 'ProjectionHalted';
  }
}

/**
 * Runs each projection on its own catch-up subscription. A batch is one transaction:
 * lock the checkpoint row, skip what it already covers, apply the rest, move it, commit;
 * so a crash at any point leaves rows and checkpoint in agreement.
 *
 * A transient failure (lost connection, deadlock, serialization failure, a server shutting
 * down) is retried with capped backoff. Any other failure stops that projection alone on the
 * exact event that caused it (the events before it are applied), records the stop in
 * `projection_halts` and waits there, across restarts, until an operator retries it.
 */
export class ProjectionRunner {
  private readonly live = new Map<string, Live>();
  private abort = new AbortController();

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
  ) {}

  /** Returns at once; a projection whose tables belong to another version is rebuilt first. */
  start(): void {
    this.abort = new AbortController();
    for (const projection of this.projections) {
      const entry: Live = {
        projection,
        handled: new Set(projection.handles),
        state: 'starting',
        generation: null,
        position: null,
        subscription: null,
        ready: Promise.resolve(),
        lastError: null,
        halt: null,
      };
      this.live.set(projection.name, entry);
      this.launchEntry(entry);
    }
  }

  /** Prompt even when a projection waits out a failure: every wait is cut short. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all([...this.live.values()].map((l) => l.ready));
    await Promise.all([...this.live.values()].map((l) => l.subscription?.stop()));
    for (const l of this.live.values())
      if (l.state !== 'failed' && l.state !== 'halted') l.state = 'stopped';
  }

  /** Resolves once every projection has applied everything committed before the call (a halted one is left out). */
  async caughtUp(): Promise<void> {
    await Promise.all([...this.live.values()].map((l) => l.ready));
    await Promise.all([...this.live.values()].map((l) => this.caughtUpOne(l)));
  }

  /**
   * Clears a projection's stop and, if it runs here, tries its event again and waits for the
   * outcome (caught up, or halted again). False when it was not stopped.
   */
  async retry(name: string): Promise<boolean> {
    const entry = this.live.get(name);
    const cleared = await clearHalt(this.pool, name);
    if (entry?.state !== 'halted') return cleared !== null;
    this.options.logger?.log(`Projection ${name}: retried by an operator`);
    this.resume(entry);
    await entry.ready;
    await this.caughtUpOne(entry);
    return true;
  }

  info(): LiveProjectionInfo[] {
    return [...this.live.values()].map((l) => ({
      name: l.projection.name,
      state: l.state,
      generation: l.generation,
      position: l.position
        ? { commit: l.position.commit.toString(), prepare: l.position.prepare.toString() }
        : null,
      lastError: l.lastError,
      haltedOn: l.halt,
    }));
  }

  private caughtUpOne(entry: Live): Promise<void> | undefined {
    if (entry.state === 'halted') return undefined;
    return entry.subscription?.caughtUp().catch((error: unknown) => {
      if (!(error instanceof ProjectionHalted)) throw error;
    });
  }

  private launchEntry(entry: Live): void {
    entry.ready = this.launch(entry).catch((error: unknown) => {
      if (error instanceof RunnerStopping) return;
      entry.state = 'failed';
      entry.lastError = describe(error);
      this.options.logger?.error(
        `Projection ${entry.projection.name} did not start: ${entry.lastError}`,
      );
    });
  }

  private async launch(entry: Live): Promise<void> {
    const { projection } = entry;
    let checkpoint = await this.readCheckpoint(projection.name);
    if (!checkpoint || checkpoint.version !== projection.version) {
      entry.state = 'rebuilding';
      this.options.logger?.log(
        `Projection ${projection.name} v${projection.version}: building its tables from the log`,
      );
      await rebuildProjections(this.store, this.pool, [projection], {
        reader: this.options.rebuildReader,
      });
      checkpoint = await this.readCheckpoint(projection.name);
      if (!checkpoint) throw new Error('no checkpoint after rebuild');
    }
    if (this.abort.signal.aborted) return;
    entry.generation = checkpoint.generation;
    entry.position = checkpoint.position;
    const halt = await readHalt(this.pool, projection.name);
    if (halt && comparePositions(haltPosition(halt), checkpoint.position) > 0) {
      this.halted(entry, halt);
      return;
    }
    // The checkpoint is past the event (a rebuild applied it): that stop no longer holds.
    if (halt)
      await this.pool.query(
        'DELETE FROM public.projection_halts WHERE name = $1 AND event_id = $2',
        [projection.name, halt.eventId],
      );
    entry.state = 'running';
    entry.subscription = this.store.subscribeToAll(
      {
        handle: (events) => this.handleBatch(entry, events),
        onError: (error) => this.onSubscriptionError(entry, error),
      },
      {
        after: checkpoint.position,
        filter: filterFor([projection]),
        batchSize: this.options.batchSize ?? 500,
      },
    );
  }

  private async readCheckpoint(name: string) {
    const client = await this.pool.connect();
    try {
      return await inTransaction(client, () => lockCheckpoint(client, name));
    } finally {
      client.release();
    }
  }

  /**
   * The batch in one transaction; if it fails for good, its events one at a time, so the
   * events before the culprit are applied and the projection stops on exactly that one.
   */
  private async handleBatch(entry: Live, events: RecordedEvent[]): Promise<void> {
    try {
      await this.retryingTransient(entry, () => this.commitBatch(entry, events));
      return;
    } catch (error) {
      if (!(error instanceof PermanentFailure)) throw error;
      if (events.length === 1) return this.haltOn(entry, events[0], error.failure);
      this.options.logger?.error(
        `Projection ${entry.projection.name}: a batch of ${events.length} events failed (${error.message}); applying them one at a time`,
      );
    }
    for (const event of events) {
      try {
        await this.retryingTransient(entry, () => this.commitBatch(entry, [event]));
      } catch (error) {
        if (error instanceof PermanentFailure) return this.haltOn(entry, event, error.failure);
        throw error;
      }
    }
  }

  /** Runs `step` until it succeeds, with capped backoff after each transient failure. */
  private async retryingTransient<T>(entry: Live, step: () => Promise<T>): Promise<T> {
    const { signal } = this.abort;
    for (let attempt = 0; ; attempt++) {
      if (signal.aborted) throw new RunnerStopping();
      try {
        const result = await step();
        if (entry.state === 'retrying') entry.state = 'running';
        entry.lastError = null;
        return result;
      } catch (error) {
        if (error instanceof VersionMismatchError) throw error;
        // A pool closing under a stopping runner is not the event's fault.
        if (signal.aborted) throw new RunnerStopping();
        if (!isTransientFailure(error)) throw new PermanentFailure(error);
        entry.state = 'retrying';
        entry.lastError = describe(error);
        this.options.logger?.error(
          `Projection ${entry.projection.name} batch failed (attempt ${attempt + 1}): ${entry.lastError}`,
        );
        try {
          await sleep(Math.min(100 * 2 ** attempt, MAX_BACKOFF_MS), undefined, { signal });
        } catch {
          throw new RunnerStopping();
        }
      }
    }
  }

  /** Records the stop, then ends the subscription before the event. */
  private async haltOn(entry: Live, event: RecordedEvent, failure: unknown): Promise<never> {
    const { name } = entry.projection;
    const halt = await this.retryingTransient(entry, () =>
      recordHalt(this.pool, name, event, sqlState(failure), describe(failure)),
    );
    this.options.logger?.error(
      `Projection ${name} stopped on ${event.type} ${event.id} (stream ${event.streamName}, position ${event.position.commit}/${event.position.prepare}): ${halt.error}. ` +
        `The other projections go on; once the cause is fixed: npm run cli -- projections retry ${name}`,
    );
    this.halted(entry, halt);
    throw new ProjectionHalted(halt);
  }

  private halted(entry: Live, halt: ProjectionHalt): void {
    entry.state = 'halted';
    entry.halt = halt;
    entry.lastError = halt.error;
    void this.watchHalt(entry, halt);
  }

  private resume(entry: Live): void {
    entry.halt = null;
    entry.lastError = null;
    entry.state = 'starting';
    this.launchEntry(entry);
  }

  /** Resumes once the stop is cleared elsewhere: by the CLI, or by a retry sent to another process. */
  private async watchHalt(entry: Live, halt: ProjectionHalt): Promise<void> {
    const { signal } = this.abort;
    while (entry.halt === halt) {
      try {
        await sleep(this.options.haltPollMs ?? HALT_POLL_MS, undefined, { signal });
      } catch {
        return;
      }
      const current = await readHalt(this.pool, entry.projection.name).catch(() => halt);
      if (entry.halt !== halt || current?.eventId === halt.eventId) continue;
      this.options.logger?.log(
        `Projection ${entry.projection.name}: its stop on ${halt.eventType} ${halt.eventId} was cleared; resuming`,
      );
      this.resume(entry);
    }
  }

  /**
   * One transaction per batch, in as few round trips as its statements allow: BEGIN with the
   * checkpoint lock, the search path, the projection's own statements, the checkpoint with COMMIT.
   */
  private async commitBatch(entry: Live, events: RecordedEvent[]): Promise<void> {
    const { projection } = entry;
    const client = await this.pool.connect();
    let applied: RecordedEvent[] = [];
    try {
      const checkpoint = await beginAndLockCheckpoint(client, projection.name);
      if (!checkpoint || checkpoint.version !== projection.version)
        throw new VersionMismatchError(projection, checkpoint?.version ?? null);
      // A rebuild may have swapped generations, or another runner moved on: the stored checkpoint decides.
      entry.generation = checkpoint.generation;
      applied = events.filter(
        (e) => entry.handled.has(e.type) && comparePositions(e.position, checkpoint.position) > 0,
      );
      await applyEvents(client, projection, checkpoint.schema, applied);
      const last = events[events.length - 1].position;
      await this.options.beforeCommit?.(projection.name, applied, client);
      const advances = comparePositions(last, checkpoint.position) > 0;
      await advanceCheckpointAndCommit(
        client,
        projection.name,
        advances ? { position: last, applied } : null,
      );
      entry.position = advances ? last : checkpoint.position;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    if (applied.length) this.options.afterCommit?.(projection.name, applied);
  }

  private onSubscriptionError(entry: Live, error: unknown): void {
    if (this.abort.signal.aborted || error instanceof ProjectionHalted) return;
    entry.state = 'failed';
    entry.lastError = describe(error);
    this.options.logger?.error(`Projection ${entry.projection.name} stopped: ${entry.lastError}`);
  }
}

export class VersionMismatchError extends Error {
  constructor(projection: Projection, active: number | null) {
    super(
      `Projection ${projection.name}: active tables are version ${active ?? 'none'}, this process runs version ${projection.version}`,
    );
    this.name = 'VersionMismatchError';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
