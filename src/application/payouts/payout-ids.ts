import { stepIdsIn } from '../shared/deterministic-id';

/** Ids derived from what caused a payout step, so a retried step appends and pays nothing twice. */
export const payoutIds = stepIdsIn('marketplace:payouts');
