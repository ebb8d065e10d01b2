import { createHash } from 'node:crypto';

/**
 * A UUID (version-5 layout, SHA-1) derived from its parts: a step retried after a crash or a
 * redelivered event produces the same ids, so the log and the gateway see it only once.
 */
export function deterministicId(...parts: string[]): string {
  const hash = createHash('sha1').update(parts.join('\u001f')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A context's own namespace of ids, so the same parts in two contexts never give the same id. */
export const deterministicIdsIn =
  (namespace: string) =>
  (...parts: string[]): string =>
    deterministicId(namespace, ...parts);

/** Event ids for `HandleOptions.eventIds`, one per position in the appended batch. */
export const eventIdsFrom =
  (...parts: string[]) =>
  (index: number): string =>
    deterministicId(...parts, String(index));

/** A namespace's ids of steps and the event ids of the command each step causes. */
export function stepIdsIn(namespace: string) {
  const id = deterministicIdsIn(namespace);
  return {
    id: (first: string, ...rest: string[]): string => id(first, ...rest),
    /** Event ids for one command caused by `causeId` (an event or a job). */
    events:
      (causeId: string, step = 'command') =>
      (index: number): string =>
        id(causeId, step, String(index)),
  } as const;
}
