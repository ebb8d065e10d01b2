import type { Command } from '../shared';

/**
 * What the identity context says of the association when the command is decided; the handler
 * reads it (the association verification query) and the decider only checks it.
 */
export interface AssociationStanding {
  verified: boolean;
  /** The verified official name, or null when nothing was declared. */
  officialName: string | null;
}

/** Staff (admin) make a verified association a partner of the solidarity pot. */
export type GrantPartnership = Command<
  'GrantPartnership',
  { associationId: string; note?: unknown; standing?: AssociationStanding }
>;

/** Staff (admin) end a partnership; the association may be granted one again later. */
export type EndPartnership = Command<'EndPartnership', { associationId: string; reason: unknown }>;

export type PartnershipCommand = GrantPartnership | EndPartnership;
