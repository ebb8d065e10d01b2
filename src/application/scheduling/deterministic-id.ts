import { deterministicIdsIn } from '../shared/deterministic-id';

/** Ids of the workers' own steps, in their own namespace so they never meet another context's. */
export const deterministicId = deterministicIdsIn('marketplace:workers');

/** Event ids for `HandleOptions.eventIds`: a job run twice appends the same ids, which the log dedupes. */
export const eventIdsFrom =
  (...parts: string[]) =>
  (index: number): string =>
    deterministicId(...parts, 'event', String(index));
