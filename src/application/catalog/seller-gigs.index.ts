import { randomUUID } from 'node:crypto';
import { CommandMeta } from '../../domain/shared';
import { CausationContext, eventMetadata } from '../shared/command-handling';
import {
  EventStore,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../shared/event-store.port';

/**
 * The seller's published-gig slots, kept in their own stream so that the 5-gig limit is checked
 * under one expected revision: two concurrent publishes of one seller cannot both take the last slot.
 * A slot is taken before the gig is published and given back after it is paused or archived, so the
 * count is never below the real number of published gigs.
 */
export type SellerGigsEvent =
  | { type: 'SellerGigSlotTaken'; data: { sellerId: string; gigId: string } }
  | { type: 'SellerGigSlotReleased'; data: { sellerId: string; gigId: string } };

export const sellerGigsStream = (sellerId: string) => `seller_gigs-${sellerId}`;

export interface SellerGigSlots {
  gigIds: Set<string>;
  revision: bigint | null;
}

export async function loadSellerGigSlots(
  store: EventStore,
  sellerId: string,
): Promise<SellerGigSlots> {
  try {
    const events = await store.readStream(sellerGigsStream(sellerId));
    const gigIds = new Set<string>();
    for (const event of events as unknown as SellerGigsEvent[]) {
      if (event.type === 'SellerGigSlotTaken') gigIds.add(event.data.gigId);
      else if (event.type === 'SellerGigSlotReleased') gigIds.delete(event.data.gigId);
    }
    return { gigIds, revision: events.length ? events[events.length - 1].revision : null };
  } catch (error) {
    if (error instanceof StreamNotFoundError) return { gigIds: new Set(), revision: null };
    throw error;
  }
}

/** Throws WrongExpectedVersionError when another publish of the same seller got there first. */
export async function takeSellerGigSlot(
  store: EventStore,
  sellerId: string,
  gigId: string,
  slots: SellerGigSlots,
  meta: CommandMeta,
  causation: CausationContext,
): Promise<void> {
  const id = randomUUID();
  await store.appendToStream(
    sellerGigsStream(sellerId),
    [
      {
        id,
        type: 'SellerGigSlotTaken',
        data: { sellerId, gigId },
        metadata: eventMetadata(meta, causation, id),
      },
    ],
    { expectedRevision: slots.revision ?? 'no_stream' },
  );
}

/** Gives a slot back; a no-op when the gig holds none. */
export async function releaseSellerGigSlot(
  store: EventStore,
  sellerId: string,
  gigId: string,
  meta: CommandMeta,
  causation: CausationContext,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const slots = await loadSellerGigSlots(store, sellerId);
    if (!slots.gigIds.has(gigId)) return;
    const id = randomUUID();
    try {
      await store.appendToStream(
        sellerGigsStream(sellerId),
        [
          {
            id,
            type: 'SellerGigSlotReleased',
            data: { sellerId, gigId },
            metadata: eventMetadata(meta, causation, id),
          },
        ],
        { expectedRevision: slots.revision ?? 'no_stream' },
      );
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= 10) throw error;
    }
  }
}
