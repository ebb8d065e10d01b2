import { createHash } from 'node:crypto';

function deterministicId(...parts: string[]): string {
  const hash = createHash('sha1')
    .update(`marketplace:payouts\u001f${parts.join('\u001f')}`)
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ids derived from what caused a payout step, so a retried step appends and pays nothing twice. */
export const payoutIds = {
  id: deterministicId,
  /** Event ids for one command caused by `causeId` (an event or a job). */
  events:
    (causeId: string, step = 'command') =>
    (index: number): string =>
      deterministicId(causeId, step, String(index)),
} as const;
