import { deterministicIdsIn } from '../shared/deterministic-id';

const deterministicId = deterministicIdsIn('marketplace:payouts');

/** Ids derived from what caused a payout step, so a retried step appends and pays nothing twice. */
export const payoutIds = {
  id: (first: string, ...rest: string[]): string => deterministicId(first, ...rest),
  /** Event ids for one command caused by `causeId` (an event or a job). */
  events:
    (causeId: string, step = 'command') =>
    (index: number): string =>
      deterministicId(causeId, step, String(index)),
} as const;
