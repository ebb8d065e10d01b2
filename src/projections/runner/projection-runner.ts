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
import { rebuildProjections } from './rebuild';

export type ProjectionState =
  'starting' | 'rebuilding' | 'running' | 'retrying' | 'stopped' | 'failed';

export interface RunnerOptions {
  batchSize?: number;
  /** Reads the log when a projection must first be rebuilt (its tables are of another version). */
  rebuildReader?: LogReader;
  beforeCommit?: BeforeCommitHook;
  /** After each committed batch, with the events it applied (the bench measures lag here). */
  afterCommit?(projection: string, applied: RecordedEvent[]): void;
  logger?: { log(message: string): void; error(message: string): void };
}

export interface LiveProjectionInfo {
  name: string;
  state: ProjectionState;
  generation: number | null;
  position: { commit: string; prepare: string } | null;
  lastError: string | null;
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
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Runs each projection on its own catch-up subscription. A batch is one transaction:
 * lock the checkpoint row, skip what it already covers, apply the rest, move it, commit;
 * so a crash at any point leaves rows and checkpoint in agreement.
 */
export class ProjectionRunner {
  private readonly live = new Map<string, Live>();
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
  ) {}

  /** Returns at once; a projection whose tables belong to another version is rebuilt first. */
  start(): void {
    this.stopping = false;
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
      };
      entry.ready = this.launch(entry).catch((error: unknown) => {
        entry.state = 'failed';
        entry.lastError = describe(error);
        this.options.logger?.error(
          `Projection ${projection.name} did not start: ${entry.lastError}`,
        );
      });
      this.live.set(projection.name, entry);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.live.values()].map((l) => l.ready));
    await Promise.all([...this.live.values()].map((l) => l.subscription?.stop()));
    for (const l of this.live.values()) if (l.state !== 'failed') l.state = 'stopped';
  }

  /** Resolves once every projection has applied everything committed before the call. */
  async caughtUp(): Promise<void> {
    await Promise.all([...this.live.values()].map((l) => l.ready));
    await Promise.all([...this.live.values()].map((l) => l.subscription?.caughtUp()));
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
    }));
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
    if (this.stopping) return;
    entry.generation = checkpoint.generation;
    entry.position = checkpoint.position;
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

  private async handleBatch(entry: Live, events: RecordedEvent[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.stopping) throw new Error('runner stopping');
      try {
        await this.commitBatch(entry, events);
        if (entry.state === 'retrying') entry.state = 'running';
        entry.lastError = null;
        return;
      } catch (error) {
        if (error instanceof VersionMismatchError) throw error;
        entry.state = 'retrying';
        entry.lastError = describe(error);
        this.options.logger?.error(
          `Projection ${entry.projection.name} batch failed (attempt ${attempt + 1}): ${entry.lastError}`,
        );
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** attempt, MAX_BACKOFF_MS)));
      }
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
    if (this.stopping) return;
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
