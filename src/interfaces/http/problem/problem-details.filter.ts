import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorFamily } from '../../../domain/shared';
import {
  IdempotencyConflictError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../../../application/shared/event-store.port';
import { isConnectionLoss } from '../../../infrastructure/connection-loss';

/** RFC 9457 problem details with a stable `code`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  correlationId?: string;
  [extension: string]: unknown;
}

const FAMILY_STATUS: Record<ErrorFamily, number> = {
  validation: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An HTTP exception that already carries its stable code. */
export class ProblemException extends HttpException {
  constructor(status: number, readonly code: string, detail: string, readonly extensions: Record<string, unknown> = {}) {
    super(detail, status);
  }
}

/** Codes whose natural status differs from their family's. */
const STATUS_OVERRIDES: Record<string, number> = { LOGIN_THROTTLED: 429, FILE_TOO_LARGE: 413 };

function serializable(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Record<string, unknown>;
}

/** Stable codes for Fastify's router and body refusals beyond the ones named inline. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
  FST_ERR_BAD_URL: 'MALFORMED_URL',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
};

export function toProblem(error: unknown): ProblemDetails {
  const make = (status: number, code: string, detail: string, ext: Record<string, unknown> = {}): ProblemDetails => ({
    type: `https://docs.marketplace.local/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...serializable(ext),
  });
  if (error instanceof DomainError) {
    return make(STATUS_OVERRIDES[error.code] ?? FAMILY_STATUS[error.family], error.code, error.message, error.details);
  }
  if (error instanceof WrongExpectedVersionError) {
    return make(409, 'CONCURRENT_MODIFICATION', 'The resource was modified concurrently; reload and retry', {
      actualRevision: error.actual === null ? null : String(error.actual),
    });
  }
  if (error instanceof StreamNotFoundError) return make(404, 'NOT_FOUND', 'The resource does not exist');
  if (error instanceof IdempotencyConflictError) return make(409, 'DUPLICATE_EVENT', error.message);
  if (error instanceof ProblemException) return make(error.getStatus(), error.code, error.message, error.extensions);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const cause = (error as { cause?: { code?: string } }).cause ?? (error.getResponse() as { code?: string });
    const parserCode = cause?.code ?? '';
    if (status === 400 && /JSON/i.test(`${parserCode} ${error.message}`)) {
      return make(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
    }
    const body = error.getResponse();
    const code =
      status === 404
        ? 'ROUTE_NOT_FOUND'
        : status === 401
          ? 'UNAUTHENTICATED'
          : status === 403
            ? 'FORBIDDEN'
            : status === 415
              ? 'UNSUPPORTED_MEDIA_TYPE'
              : status === 413
                ? 'PAYLOAD_TOO_LARGE'
                : `HTTP_${status}`;
    const detail = typeof body === 'string' ? body : ((body as { message?: string }).message ?? error.message);
    return make(status, code, String(detail));
  }
  // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a status code.
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code =
      fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fastifyError instanceof SyntaxError
        ? 'MALFORMED_JSON'
        : fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 'PAYLOAD_TOO_LARGE'
            : (FASTIFY_CODES[fastifyError.code ?? ''] ?? 'BAD_REQUEST');
    return make(fastifyError.statusCode, code, fastifyError.message ?? 'Bad request');
  }
  // A lost Postgres or Redis connection is the service's outage, not the request's fault: retry soon.
  if (isConnectionLoss(error)) {
    return make(503, 'SERVICE_UNAVAILABLE', 'A backing service is briefly unavailable; retry shortly', { retryAfterSeconds: 1 });
  }
  return make(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR', 'An unexpected error occurred; it has been logged');
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const problem = toProblem(exception);
    problem.instance = request.url;
    problem.correlationId = String(request.id);
    if (problem.code === 'SERVICE_UNAVAILABLE') this.logger.warn(`${request.method} ${request.url}: ${String(exception)}`);
    else if (problem.status >= 500) this.logger.error(exception);
    if ((problem.status === 429 || problem.status === 503) && typeof problem.retryAfterSeconds === 'number') {
      void reply.header('retry-after', String(problem.retryAfterSeconds));
    }
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }
}
