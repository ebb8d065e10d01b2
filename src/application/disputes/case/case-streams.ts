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
): Promise<DisputeStreamRead[]> {
  const found: DisputeStreamRead[] = [];
  for (let ordinal = 0; ; ordinal++) {
    const disputeId = disputeEffectIds.dispute(orderId, ordinal);
    const events = await read(disputeStream(disputeId));
    if (events.length === 0) return found;
    found.push({ disputeId, events });
  }
}

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
  let ordinal = 0;
  while (existing.some((d) => d.disputeId === disputeEffectIds.dispute(orderId, ordinal)))
    ordinal++;
  return ordinal;
}
