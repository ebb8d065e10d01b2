import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { deterministicId } from '../../../application/shared/deterministic-id';
import { HandleOptions } from '../../../application/shared/command-handling';
import { DomainError, NotFoundError } from '../../../domain/shared';
import { Actor } from '../auth/actor';
import { ifMatchRevision } from '../etag/entity-tag';

/** `If-Match: "7"` (the ETag of a read, or `7`, or `W/"7"`) pins the stream revision the caller last saw. */
export const parseIfMatch = ifMatchRevision;

export function commandOptions(ifMatch: string | undefined): HandleOptions {
  const expectedRevision = parseIfMatch(ifMatch);
  return expectedRevision === undefined ? {} : { expectedRevision };
}

/** A new aggregate id; derived from the caller's Idempotency-Key so a retried creation lands on the same id. */
export function newId(kind: string, actor: Actor, idempotencyKey: string | undefined): string {
  return idempotencyKey ? deterministicId(kind, actor.accountId, idempotencyKey) : randomUUID();
}

/**
 * An outsider acting on someone else's aggregate learns nothing: the domain's NOT_A_PARTY (or the
 * equivalent code) becomes the same 404 as an unknown id. Staff keep the 403, they may see the case.
 */
export async function asParty<T>(
  actor: Actor,
  notFound: () => NotFoundError,
  run: () => Promise<T>,
  codes = ['NOT_A_PARTY'],
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && codes.includes(error.code) && !actor.isStaff)
      throw notFound();
    throw error;
  }
}

const problemExample = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  type: `https://docs.marketplace.local/problems/${code.toLowerCase().replace(/_/g, '-')}`,
  title: {
    400: 'Bad Request',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    422: 'Unprocessable Content',
  }[status],
  status,
  code,
  detail: 'See the code',
  ...extra,
});

interface StateChangeDoc {
  summary: string;
  description: string;
  /** The stable codes of the refusals this route can answer, with the status each gets. */
  refusals?: { status: 400 | 403 | 404 | 409 | 422; code: string; currentStatus?: string }[];
  ifMatch?: boolean;
}

/** OpenAPI for a state-changing route: headers, the success shape, and each refusal with its code. */
export function ApiStateChange(doc: StateChangeDoc) {
  const byStatus = new Map<number, Record<string, { value: unknown }>>();
  for (const refusal of doc.refusals ?? []) {
    const examples = byStatus.get(refusal.status) ?? {};
    examples[refusal.code] = {
      value: problemExample(
        refusal.status,
        refusal.code,
        refusal.currentStatus ? { currentStatus: refusal.currentStatus } : {},
      ),
    };
    byStatus.set(refusal.status, examples);
  }
  return applyDecorators(
    ApiBearerAuth(),
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any string of 1 to 255 characters; a repeat of the same request gets the first answer back.',
      example: '5d7c0a4e-8f1b-4d3e-9a2b-1c6f0e9d8a71',
    }),
    ...(doc.ifMatch === false
      ? []
      : [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description:
              'The `revision` last read; 409 CONCURRENT_MODIFICATION when the resource moved on.',
            example: '"4"',
          }),
        ]),
    ApiResponse({
      status: 400,
      description: 'Malformed input (`VALIDATION_FAILED` or a field rule).',
      content: {
        'application/problem+json': { example: problemExample(400, 'VALIDATION_FAILED') },
      },
    }),
    ApiResponse({ status: 401, description: 'No valid bearer token.' }),
    ApiResponse({
      status: 403,
      description:
        'Missing role, or a party acting outside its part (`ROLE_REQUIRED`, `ONLY_BUYER`, `ONLY_SELLER`...).',
    }),
    ...[...byStatus.entries()].map(([status, examples]) =>
      ApiResponse({
        status,
        description: `Refused; \`code\` names the rule${status === 409 ? ' and `currentStatus` the current state' : ''}.`,
        content: { 'application/problem+json': { examples } },
      }),
    ),
  );
}
