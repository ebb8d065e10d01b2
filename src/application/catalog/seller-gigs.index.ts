import { randomUUID } from 'node:crypto';
import { Command, CommandMeta, Decider } from '../../domain/shared';
import {
  CausationContext,
  eventMetadata,
  handleCommand,
  loadAggregate,
} from '../shared/command-handling';
import { EventStore } from '../shared/event-store.port';

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

type ReleaseSellerGigSlot = Command<'ReleaseSellerGigSlot', { sellerId: string; gigId: string }>;

/** The index as a decider, so that giving a slot back runs through the shared command handler. */
const sellerGigsDecider: Decider<ReleaseSellerGigSlot, ReadonlySet<string>, SellerGigsEvent> = {
  initialState: () => new Set<string>(),
  evolve(gigIds, event) {
    const next = new Set(gigIds);
    if (event.type === 'SellerGigSlotTaken') next.add(event.data.gigId);
    else next.delete(event.data.gigId);
    return next;
  },
  // A gig that holds no slot has nothing to give back.
  decide: ({ data }, gigIds) =>
    gigIds.has(data.gigId) ? [{ type: 'SellerGigSlotReleased', data }] : [],
};

export async function loadSellerGigSlots(
  store: EventStore,
  sellerId: string,
): Promise<SellerGigSlots> {
  const { state, revision } = await loadAggregate(
    store,
    sellerGigsStream(sellerId),
    sellerGigsDecider,
  );
  return { gigIds: new Set(state), revision };
}

/**
 * A conditional append at the revision the count was read at, run by the publish's
 * `beforeAppend`: it throws WrongExpectedVersionError when another publish of the same seller got
 * there first, and the shared handler then decides the whole publish again.
 */
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
  await handleCommand(
    store,
    sellerGigsStream(sellerId),
    sellerGigsDecider,
    { type: 'ReleaseSellerGigSlot', data: { sellerId, gigId }, meta },
    causation,
    { maxRetries: 10 },
  );
}
