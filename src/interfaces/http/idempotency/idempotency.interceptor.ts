import { CallHandler, ExecutionContext, HttpStatus, Inject, Injectable, NestInterceptor, RequestMethod, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { from, Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { ProblemException } from '../problem/problem-details.filter';
import type { Actor } from '../auth/actor';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SKIP_STORE = 'idempotency:skip-store';

/** Answers that carry secrets (tokens) are never stored; such routes are safe to repeat anyway. */
export const NoIdempotencyStore = () => SetMetadata(SKIP_STORE, true);

/**
 * `Idempotency-Key` on any state-changing call: the first answer is stored per caller
 * and key, and a repeat gets it back without running the command again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
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

    return from(this.claim(scope, key, fingerprint)).pipe(
      mergeMap((previous) => {
        if (previous) {
          void reply.status(previous.status_code).header('idempotent-replayed', 'true');
          return of(previous.body);
        }
        return next.handle().pipe(
          mergeMap((body) => from(this.complete(scope, key, successStatus, body)).pipe(mergeMap(() => of(body)))),
          catchError((error: unknown) => from(this.release(scope, key)).pipe(mergeMap(() => Promise.reject(error)))),
        );
      }),
    );
  }

  private successStatus(context: ExecutionContext): number {
    const explicit = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    if (explicit) return explicit;
    const method = this.reflector.get<RequestMethod>(METHOD_METADATA, context.getHandler());
    return method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK;
  }

  /** Returns the stored answer of an earlier identical request, or null when this one runs. */
  private async claim(scope: string, key: string, fingerprint: string): Promise<{ status_code: number; body: unknown } | null> {
    const inserted = await this.pool.query(
      `INSERT INTO http_idempotency (scope, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [scope, key, fingerprint],
    );
    if (inserted.rowCount === 1) return null;
    const { rows } = await this.pool.query<{ fingerprint: string; status_code: number | null; body: unknown }>(
      'SELECT fingerprint, status_code, body FROM http_idempotency WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    const row = rows[0];
    if (!row) return this.claim(scope, key, fingerprint);
    if (row.fingerprint !== fingerprint) {
      throw new ProblemException(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request');
    }
    if (row.status_code === null) {
      throw new ProblemException(409, 'IDEMPOTENCY_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still running');
    }
    return { status_code: row.status_code, body: row.body };
  }

  private async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.pool.query(
      `UPDATE http_idempotency SET status_code = $3, body = $4::jsonb, completed_at = now() WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** A failed attempt leaves nothing behind, so the client may retry with the same key. */
  private async release(scope: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM http_idempotency WHERE scope = $1 AND key = $2 AND status_code IS NULL', [scope, key]);
  }
}
