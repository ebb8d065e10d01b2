import { deterministicIdsIn } from '../shared/deterministic-id';

const id = deterministicIdsIn('tenders');

/** One offer per provider and project: a doubled "make an offer" lands on the same stream. */
export const projectOfferId = (projectId: string, providerId: string): string =>
  id('offer', projectId, providerId);

/** The R0 internal account of a project is the escrow with this id (subject `project`). */
export const projectEscrowId = (projectId: string): string => id('escrow', projectId);

/** One charge per project and fee kind (`finder_fee`, `r0_option`): its invoice's sale id too. */
export const projectFeeChargeId = (projectId: string, kind: string): string =>
  id('fee-charge', projectId, kind);

/** The refund of one kind caused by one accepted amount revision. */
export const projectFeeRefundId = (projectId: string, revisionId: string, kind: string): string =>
  id('fee-refund', projectId, revisionId, kind);
