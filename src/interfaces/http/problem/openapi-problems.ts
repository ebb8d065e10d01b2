import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
};

const PROBLEM = { $ref: '#/components/schemas/Problem' };
const problemContent = { 'application/problem+json': { schema: PROBLEM } };

/** RFC 9457 problem details with our stable `code`; every error answer has this shape. */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9_]*$',
      description: 'Stable; clients branch on it.',
    },
    detail: { type: 'string' },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Per-field reasons, for validation codes.',
      items: {
        type: 'object',
        required: ['field'],
        properties: {
          field: { type: 'string' },
          in: { type: 'string', enum: ['body', 'query'] },
          reason: { type: 'string' },
          messages: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
  additionalProperties: true,
};

/** Answers any route can give, whatever its controller declares. */
const COMMON: Record<string, string> = {
  '503':
    '`SERVICE_UNAVAILABLE` (Postgres or Redis out of reach; retry after `Retry-After`) or `SHUTTING_DOWN` (this process is stopping).',
};
const WITH_INPUT: Record<string, string> = {
  '400':
    'Refused input: `VALIDATION_FAILED`, `INVALID_CHARACTERS` (NUL, lone surrogate, control character), `INVALID_ID` (a path id that is not a UUID), `MALFORMED_URL`, or a field rule; `errors` names the fields.',
  '414': '`URI_TOO_LONG`: a path parameter over 100 characters.',
};
const WITH_BODY: Record<string, string> = {
  '400':
    'Refused input: `VALIDATION_FAILED`, `INVALID_CHARACTERS`, `INVALID_ID`, `MALFORMED_JSON`, `JSON_TOO_DEEP` (nesting over 64 levels), or a field rule; `errors` names the fields.',
  '413': '`PAYLOAD_TOO_LARGE`: a body over 1 MiB.',
  '415': '`UNSUPPORTED_MEDIA_TYPE`: the body is not `application/json`.',
};
const STATE_CHANGE: Record<string, string> = {
  '409':
    '`IDEMPOTENCY_REQUEST_IN_PROGRESS`: a request with this `Idempotency-Key` still runs (`Retry-After`).',
  '422': '`IDEMPOTENCY_KEY_REUSED`: this `Idempotency-Key` was used for a different request.',
};
const SECURED: Record<string, string> = {
  '401': '`UNAUTHENTICATED`, `INVALID_ACCESS_TOKEN` or `SESSION_REVOKED`.',
};
const NOT_FOUND: Record<string, string> = {
  '404': 'A `*_NOT_FOUND` code: no such resource, or one the caller may not see.',
};

/**
 * Gives every error answer the `Problem` schema and adds the statuses the platform itself can
 * answer on any route (validation, parser limits, idempotency, outages), so a client generated
 * from the document knows every status and body it can meet.
 */
export function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = document.components ?? {};
  document.components.schemas = { ...(document.components.schemas ?? {}), Problem: PROBLEM_SCHEMA };
  for (const item of Object.values(document.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const hasPathId = (op.parameters ?? []).some((p) => p.in === 'path');
      // Routes without a bearer requirement are the public ones (`@Public()`): say so explicitly.
      op.security = op.security ?? [];
      const secured = op.security.length > 0;
      // Every query string is checked (bad characters), declared parameters or not.
      const added = {
        ...COMMON,
        ...WITH_INPUT,
        ...(op.requestBody || method !== 'get' ? WITH_BODY : {}),
        ...(method !== 'get' ? STATE_CHANGE : {}),
        ...(secured ? SECURED : {}),
        ...(hasPathId || secured ? NOT_FOUND : {}),
      };
      for (const [status, description] of Object.entries(added)) {
        const declared = op.responses[status];
        if (!declared) op.responses[status] = { description, content: problemContent };
        else declared.description = `${declared.description ?? ''}\n\nAlso: ${description}`.trim();
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        // A declared error keeps its examples, under the media type and schema it is sent with.
        const declared = Object.values(response.content ?? {})[0] as
          | { example?: unknown; examples?: unknown }
          | undefined;
        const { example, examples } = declared ?? {};
        response.content = {
          'application/problem+json': {
            schema: PROBLEM,
            ...(example !== undefined ? { example } : {}),
            ...(examples !== undefined ? { examples } : {}),
          },
        };
      }
    }
  }
  return document;
}
