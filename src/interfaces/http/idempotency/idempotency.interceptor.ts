import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, RequestMethod, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, of } from 'rxjs';
import { catchError, finalize, mergeMap } from 'rxjs/operators';
import { ProblemException } from '../problem/problem-details.filter';
import type { Actor } from '../auth/actor';
import { IdempotencyRecords } from './idempotency-records';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SKIP_STORE = 'idempotency:skip-store';

/** Answers that carry secrets (tokens) are never stored; such routes are safe to repeat anyway. */
export const NoIdempotencyStore = () => SetMetadata(SKIP_STORE, true);

/**
 * `Idempotency-Key` on any state-changing call: the first answer is stored per caller
 * and key, and a repeat gets it back without running the command again (see
 * `IdempotencyRecords` for abandoned claims and how long keys are kept).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly records: IdempotencyRecords,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { actor?: Actor }>();
    const reply = http.getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (SAFE_METHODS.has(request.method) || key === undefined) return next.handle();
    if (this.reflector.get<boolean>(SKIP_STORE, context.getHandler())) return next.handle();
    if (typeof key !== 'string' || key.length < 1 || key.length > 255) {
      throw new ProblemException(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 255 characters');
    }
    const scope = request.actor?.accountId ?? `anonymous:${request.ip}`;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const successStatus = this.successStatus(context);

    return from(this.records.claim(scope, key, fingerprint)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'other_request') {
          throw new ProblemException(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request');
        }
        if (claim.kind === 'in_progress') {
          void reply.header('retry-after', String(claim.retryAfterSeconds));
          throw new ProblemException(409, 'IDEMPOTENCY_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still running', {
            retryAfterSeconds: claim.retryAfterSeconds,
          });
        }
        if (claim.kind === 'answered') {
          void reply.status(claim.statusCode).header('idempotent-replayed', 'true');
          return of(claim.body);
        }
        const stopRenewing = this.renewWhileRunning(scope, key, claim.token);
        // Only a failed command releases its claim; once it succeeded, its answer is kept even when
        // storing it fails (a lost connection), so a retry replays it instead of running it again.
        return next.handle().pipe(
          catchError((error: unknown) =>
            from(this.records.release(scope, key, claim.token)).pipe(mergeMap(() => Promise.reject(error))),
          ),
          mergeMap((body) =>
            from(this.records.complete(scope, key, claim.token, successStatus, body)).pipe(mergeMap(() => of(body))),
          ),
          finalize(stopRenewing),
        );
      }),
    );
  }

  /** A heartbeat three times per lease, so only a request whose process died loses its claim. */
  private renewWhileRunning(scope: string, key: string, token: string): () => void {
    const everyMs = Math.max(250, (this.records.leaseSeconds * 1000) / 3);
    const timer = setInterval(() => {
      this.records.renew(scope, key, token).catch(() => undefined);
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private successStatus(context: ExecutionContext): number {
    const explicit = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    if (explicit) return explicit;
    const method = this.reflector.get<RequestMethod>(METHOD_METADATA, context.getHandler());
    return method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK;
  }
}
