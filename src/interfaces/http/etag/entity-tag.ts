import { ProblemException } from '../problem/problem-details.filter';

/**
 * A stream revision as an HTTP entity tag. Reads answer the strong tag `"<revision>"`; writes
 * take it back in `If-Match` quoted, bare, or weakened to `W/"<revision>"` (a compressing proxy
 * weakens tags it passes on, and the revision names one exact state either way).
 */
const REVISION_TAG = /^(?:W\/)?"?(\d{1,18})"?$/;

/** The ETag of an answer carrying `revision`, or undefined when it names no existing stream. */
export function revisionEtag(revision: unknown): string | undefined {
  if (typeof revision === 'bigint' && revision >= 0n) return `"${revision}"`;
  if (typeof revision === 'number' && Number.isSafeInteger(revision) && revision >= 0)
    return `"${revision}"`;
  if (typeof revision === 'string' && /^\d{1,18}$/.test(revision)) return `"${revision}"`;
  return undefined;
}

/** `If-Match: "7"`, `7` or `W/"7"` -> 7n; absent, empty or `*` -> undefined; anything else 400. */
export function ifMatchRevision(value: string | undefined): bigint | undefined {
  if (value === undefined || value.trim() === '' || value.trim() === '*') return undefined;
  const match = REVISION_TAG.exec(value.trim());
  if (!match)
    throw new ProblemException(
      400,
      'INVALID_IF_MATCH',
      'If-Match must carry a stream revision as read in the ETag, e.g. "3"',
      { value },
    );
  return BigInt(match[1]);
}

/** Whether `If-None-Match` names the current tag (weak comparison, RFC 9110 13.1.2). */
export function noneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',');
  return tags.some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
