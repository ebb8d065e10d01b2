import { filetypemime } from 'magic-bytes.js';

/**
 * The type the bytes themselves say, among those allowed when one matches (a ZIP signature also
 * fits every Office format); null when their signature is unknown, plain text included.
 */
export function detectFileType(bytes: Buffer, allowed: readonly string[]): string | null {
  const candidates = filetypemime(bytes.subarray(0, 4096));
  return candidates.find((mime) => allowed.includes(mime)) ?? candidates[0] ?? null;
}
