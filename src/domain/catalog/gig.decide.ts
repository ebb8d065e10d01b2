import { assertNever, IllegalStateError } from '../shared';
import type {
  ArchiveGig,
  CreateGig,
  GigCommand,
  PauseGig,
  PublishGig,
  UpdateGig,
} from './gig.commands';
import { GigEvent, GIG_KINDS } from './gig.events';
import { GigErrorCode, gigIllegalState, gigInvalid, providerNotVerified } from './gig.errors';
import { GigState } from './gig.state';
import {
  existing,
  GIG_RULES,
  notArchived,
  notNearDuplicate,
  ownedBy,
  toInput,
  validateGigDetails,
} from './gig.guards';

/** Compares plain JSON values regardless of key order (a jsonb round trip may reorder keys). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function createGig({ data, meta }: CreateGig, state: GigState): GigEvent[] {
  if (state.status !== 'none')
    throw gigIllegalState(GigErrorCode.ALREADY_EXISTS, state.status, { gigId: data.gigId });
  if (!(GIG_KINDS as readonly string[]).includes(data.kind)) {
    throw gigInvalid(GigErrorCode.INVALID_KIND, 'kind', {
      value: data.kind,
      allowed: [...GIG_KINDS],
    });
  }
  const { gigId, kind, gigCountOfSeller, similarOwnGig, ...input } = data;
  const details = validateGigDetails(input);
  const count = gigCountOfSeller ?? 0;
  if (!Number.isSafeInteger(count) || count < 0)
    throw gigInvalid(GigErrorCode.INVALID_GIG_COUNT, 'gigCountOfSeller', { value: count });
  // Drafts count too, so a seller cannot stack unpublished copies (seed 001: "limité à 5").
  if (count >= GIG_RULES.maxGigsPerSeller) {
    throw new IllegalStateError(
      GigErrorCode.LIMIT_REACHED,
      'The seller already has the maximum number of gigs that are not archived',
      { currentStatus: 'none', limit: GIG_RULES.maxGigsPerSeller, gigCount: count },
    );
  }
  notNearDuplicate(similarOwnGig);
  return [
    {
      type: 'GigCreated',
      data: { gigId, sellerId: meta.actorId, kind, details, createdAt: meta.now },
    },
  ];
}

function updateGig({ data, meta }: UpdateGig, state: GigState): GigEvent[] {
  const gig = ownedBy(existing(state, data.gigId), meta);
  notArchived(gig);
  // Fields left undefined by a DTO mean "unchanged", never "cleared".
  const changes = Object.fromEntries(
    Object.entries(data.changes ?? {}).filter(([, value]) => value !== undefined),
  );
  const details = validateGigDetails({ ...toInput(gig.details), ...changes });
  // Saving the same values again records nothing, so a retried edit is harmless.
  if (sameJson(details, gig.details)) return [];
  // Only a new title or description can make a gig resemble another one.
  if (details.title !== gig.details.title || details.description !== gig.details.description)
    notNearDuplicate(data.similarOwnGig);
  return [
    {
      type: 'GigUpdated',
      data: { gigId: gig.gigId, sellerId: gig.sellerId, details, updatedAt: meta.now },
    },
  ];
}

function publishGig({ data, meta }: PublishGig, state: GigState): GigEvent[] {
  const gig = ownedBy(existing(state, data.gigId), meta);
  notArchived(gig);
  if (gig.status === 'published') throw gigIllegalState(GigErrorCode.ALREADY_PUBLISHED, gig.status);
  const count = data.publishedGigCountOfSeller;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    throw gigInvalid(GigErrorCode.INVALID_PUBLISHED_COUNT, 'publishedGigCountOfSeller', {
      value: count,
    });
  }
  if (data.sellerVerified !== true) throw providerNotVerified(data.missingDocuments ?? []);
  if (count >= GIG_RULES.maxPublishedPerSeller) {
    throw new IllegalStateError(
      GigErrorCode.LIMIT_REACHED,
      'The seller already has the maximum number of published gigs',
      {
        currentStatus: gig.status,
        limit: GIG_RULES.maxPublishedPerSeller,
        publishedGigCount: count,
      },
    );
  }
  return [
    {
      type: 'GigPublished',
      data: { gigId: gig.gigId, sellerId: gig.sellerId, publishedAt: meta.now },
    },
  ];
}

function pauseGig({ data, meta }: PauseGig, state: GigState): GigEvent[] {
  const gig = ownedBy(existing(state, data.gigId), meta);
  notArchived(gig);
  if (gig.status !== 'published') throw gigIllegalState(GigErrorCode.NOT_PUBLISHED, gig.status);
  return [
    { type: 'GigPaused', data: { gigId: gig.gigId, sellerId: gig.sellerId, pausedAt: meta.now } },
  ];
}

function archiveGig({ data, meta }: ArchiveGig, state: GigState): GigEvent[] {
  const gig = existing(state, data.gigId);
  // Staff admins may take an offer down; the event records who did it.
  if (meta.actorRole !== 'admin') ownedBy(gig, meta);
  notArchived(gig);
  return [
    {
      type: 'GigArchived',
      data: {
        gigId: gig.gigId,
        sellerId: gig.sellerId,
        archivedBy: meta.actorId,
        archivedAt: meta.now,
      },
    },
  ];
}

export function decide(command: GigCommand, state: GigState): GigEvent[] {
  switch (command.type) {
    case 'CreateGig':
      return createGig(command, state);
    case 'UpdateGig':
      return updateGig(command, state);
    case 'PublishGig':
      return publishGig(command, state);
    case 'PauseGig':
      return pauseGig(command, state);
    case 'ArchiveGig':
      return archiveGig(command, state);
    default:
      return assertNever(command);
  }
}
