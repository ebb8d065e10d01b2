import { deterministicIdsIn } from '../shared/deterministic-id';

const id = deterministicIdsIn('tenders');

/** One offer per provider and project: a doubled "make an offer" lands on the same stream. */
export const projectOfferId = (projectId: string, providerId: string): string =>
  id('offer', projectId, providerId);

/** The R0 internal account of a project is the escrow with this id (subject `project`). */
export const projectEscrowId = (projectId: string): string => id('escrow', projectId);
