import { disputeStream } from '../dispute.messages';
import { disputeEffectIds } from '../deterministic-id';
import { EventStore, RecordedEvent, StreamNotFoundError } from '../../shared/event-store.port';

export async function readStreamOrEmpty(
  store: EventStore,
  stream: string,
): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(stream);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

/** Reads a whole stream, or nothing when it does not exist. */
export type StreamReader = (stream: string) => Promise<RecordedEvent[]>;

export const storeReader =
  (store: EventStore): StreamReader =>
  (stream) =>
    readStreamOrEmpty(store, stream);

export interface DisputeStreamRead {
  disputeId: string;
  events: RecordedEvent[];
}

/**
 * An order's disputes carry ids derived from the order and their ordinal, so they are found
 * by probing in order, even one that opened but has not frozen the order yet.
 */
export async function readOrderDisputes(
  read: StreamReader,
  orderId: string,
  idOf: (subjectId: string, ordinal: number) => string = disputeEffectIds.dispute,
): Promise<DisputeStreamRead[]> {
  const found: DisputeStreamRead[] = [];
  for (let ordinal = 0; ; ordinal++) {
    const disputeId = idOf(orderId, ordinal);
    const events = await read(disputeStream(disputeId));
    if (events.length === 0) return found;
    found.push({ disputeId, events });
  }
}

/** A tender project's disputes (SMA) are found the same way, under their own ids. */
export const readProjectDisputes = (read: StreamReader, projectId: string) =>
  readOrderDisputes(read, projectId, disputeEffectIds.projectDispute);

/** Disputes the order names that were opened another way (e.g. a chargeback), besides those already read. */
export async function readKnownDisputes(
  read: StreamReader,
  known: readonly string[],
  alreadyRead: readonly DisputeStreamRead[],
): Promise<DisputeStreamRead[]> {
  const missing = [...new Set(known)].filter((id) => !alreadyRead.some((d) => d.disputeId === id));
  const found = await Promise.all(
    missing.map(async (disputeId) => ({ disputeId, events: await read(disputeStream(disputeId)) })),
  );
  return found.filter((d) => d.events.length > 0);
}

/** The ordinal the next dispute of this order gets: one past the last stream that exists. */
export function nextDisputeOrdinal(
  orderId: string,
  existing: readonly DisputeStreamRead[],
): number {
  return nextDisputeOrdinalBy(orderId, existing, disputeEffectIds.dispute);
}

/** The same, for a subject whose dispute ids are derived by `idOf` (a tender project's). */
export function nextDisputeOrdinalBy(
  subjectId: string,
  existing: readonly DisputeStreamRead[],
  idOf: (subjectId: string, ordinal: number) => string,
): number {
  let ordinal = 0;
  while (existing.some((d) => d.disputeId === idOf(subjectId, ordinal))) ordinal++;
  return ordinal;
}
