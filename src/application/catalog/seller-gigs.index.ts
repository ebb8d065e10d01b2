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
 * The seller's gig slots, kept in their own stream so that the 5-gig limit is checked under one
 * expected revision: two concurrent creations of one seller cannot both take the last slot. A slot
 * is taken when a gig is created and given back when it is archived, so drafts, published and
 * paused gigs all count.
 *
 * Before issue 19 a slot was taken on publish and given back on pause, so a stream without
 * `SellerGigsCounted` does not count drafts: its first new slot is appended after a baseline of
 * the seller's non-archived gigs read from the catalog read model, and events before the baseline
 * are ignored.
 */
export type SellerGigsEvent =
  | { type: 'SellerGigsCounted'; data: { sellerId: string; gigIds: string[] } }
  | { type: 'SellerGigSlotTaken'; data: { sellerId: string; gigId: string } }
  | { type: 'SellerGigSlotReleased'; data: { sellerId: string; gigId: string } };

export const SELLER_GIGS_EVENT_VERSIONS: Readonly<Record<SellerGigsEvent['type'], number>> = {
  SellerGigsCounted: 1,
  SellerGigSlotTaken: 1,
  SellerGigSlotReleased: 1,
};

export const sellerGigsStream = (sellerId: string) => `seller_gigs-${sellerId}`;

export interface SellerGigSlots {
  gigIds: Set<string>;
  /** False for a stream written under the publish-slot rule (or no stream): it needs a baseline. */
  counted: boolean;
  revision: bigint | null;
}

interface IndexState {
  gigIds: ReadonlySet<string>;
  counted: boolean;
}

type ReleaseSellerGigSlot = Command<'ReleaseSellerGigSlot', { sellerId: string; gigId: string }>;

/** The index as a decider, so that giving a slot back runs through the shared command handler. */
const sellerGigsDecider: Decider<ReleaseSellerGigSlot, IndexState, SellerGigsEvent> = {
  initialState: () => ({ gigIds: new Set<string>(), counted: false }),
  evolve(state, event) {
    if (event.type === 'SellerGigsCounted')
      return { gigIds: new Set(event.data.gigIds), counted: true };
    const next = new Set(state.gigIds);
    if (event.type === 'SellerGigSlotTaken') next.add(event.data.gigId);
    else next.delete(event.data.gigId);
    return { ...state, gigIds: next };
  },
  // A gig that holds no slot has nothing to give back.
  decide: ({ data }, state) =>
    state.gigIds.has(data.gigId) ? [{ type: 'SellerGigSlotReleased', data }] : [],
};

/**
 * Reads the index; an uncounted one is completed with `baseline` (the seller's non-archived gigs
 * from the read model), which `takeSellerGigSlot` then records before the slot.
 */
export async function loadSellerGigSlots(
  store: EventStore,
  sellerId: string,
  baseline: () => Promise<string[]>,
): Promise<SellerGigSlots> {
  const { state, revision } = await loadAggregate(
    store,
    sellerGigsStream(sellerId),
    sellerGigsDecider,
  );
  if (state.counted) return { gigIds: new Set(state.gigIds), counted: true, revision };
  return { gigIds: new Set(await baseline()), counted: false, revision };
}

/**
 * A conditional append at the revision the count was read at, run by the creation's
 * `beforeAppend`: it throws WrongExpectedVersionError when another creation of the same seller got
 * there first, and the shared handler then decides the whole creation again.
 */
export async function takeSellerGigSlot(
  store: EventStore,
  sellerId: string,
  gigId: string,
  slots: SellerGigSlots,
  meta: CommandMeta,
  causation: CausationContext,
): Promise<void> {
  const events: SellerGigsEvent[] = [];
  if (!slots.counted)
    events.push({ type: 'SellerGigsCounted', data: { sellerId, gigIds: [...slots.gigIds] } });
  events.push({ type: 'SellerGigSlotTaken', data: { sellerId, gigId } });
  await store.appendToStream(
    sellerGigsStream(sellerId),
    events.map((event) => {
      const id = randomUUID();
      return { id, ...event, metadata: eventMetadata(meta, causation, id) };
    }),
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
