import { RecordedEvent } from '../../../application/shared/event-store.port';

/** What a reader before any table existed assumed, and what the adapters store when none is given. */
export const FIRST_SCHEMA_VERSION = 1;

/** Turns the stored data of one event type at version `from` into the data of version `from + 1`. */
export interface Upcaster {
  readonly type: string;
  readonly from: number;
  /** Pure and total: data of a shape it does not recognise comes back unchanged, never an error. */
  upcast(data: unknown): unknown;
}

/** Raised at startup, so a version raised without its upcaster never reaches a reader. */
export class UpcasterRegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpcasterRegistryError';
  }
}

/** One table of every stored event type's current version; a type declared twice must agree. */
export function mergeEventVersions(
  ...tables: ReadonlyArray<Readonly<Record<string, number>>>
): Readonly<Record<string, number>> {
  const merged: Record<string, number> = {};
  for (const table of tables) {
    for (const [type, version] of Object.entries(table)) {
      if (!Number.isSafeInteger(version) || version < FIRST_SCHEMA_VERSION)
        throw new UpcasterRegistryError(`${type}: version ${version} is not a positive integer`);
      if (Object.hasOwn(merged, type) && merged[type] !== version)
        throw new UpcasterRegistryError(
          `${type} is declared with versions ${merged[type]} and ${version}`,
        );
      merged[type] = version;
    }
  }
  return Object.freeze(merged);
}

/**
 * The current version of every event type and the upcasters that lead to it: an append is
 * stored with the current version, and a read brings an older event up to it, step by step.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster[]>();

  constructor(
    private readonly versions: Readonly<Record<string, number>>,
    upcasters: readonly Upcaster[],
  ) {
    for (const u of upcasters) {
      const current = Object.hasOwn(versions, u.type) ? versions[u.type] : undefined;
      if (current === undefined)
        throw new UpcasterRegistryError(`Upcaster for ${u.type}, a type no context declares`);
      if (!Number.isSafeInteger(u.from) || u.from < FIRST_SCHEMA_VERSION || u.from >= current)
        throw new UpcasterRegistryError(
          `Upcaster for ${u.type} from version ${u.from}, outside 1..${current - 1}`,
        );
      const steps = this.steps.get(u.type) ?? [];
      if (steps[u.from])
        throw new UpcasterRegistryError(`Two upcasters for ${u.type} from version ${u.from}`);
      steps[u.from] = u;
      this.steps.set(u.type, steps);
    }
    for (const [type, current] of Object.entries(versions)) {
      for (let from = FIRST_SCHEMA_VERSION; from < current; from++) {
        if (!this.steps.get(type)?.[from])
          throw new UpcasterRegistryError(
            `${type} is at version ${current} but has no upcaster from ${from}`,
          );
      }
    }
  }

  /** The version an append of this type is stored with; a type no context declares keeps the caller's. */
  versionOf(type: string): number | undefined {
    return Object.hasOwn(this.versions, type) ? this.versions[type] : undefined;
  }

  /**
   * The event in its type's current shape. An event already current, of an undeclared type, or
   * written by a newer version of the code (a higher version) is returned as it is.
   */
  upcast(event: RecordedEvent): RecordedEvent {
    const current = this.versionOf(event.type);
    const stored = Math.max(event.schemaVersion, FIRST_SCHEMA_VERSION);
    if (current === undefined || stored >= current) return event;
    const steps = this.steps.get(event.type)!;
    let data = event.data;
    for (let from = stored; from < current; from++) data = steps[from].upcast(data);
    return { ...event, data, schemaVersion: current };
  }

  upcastAll(events: RecordedEvent[]): RecordedEvent[] {
    return events.map((e) => this.upcast(e));
  }
}
