import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import { noneMatchHits, revisionEtag } from './entity-tag';

/** A read whose JSON answer has a top-level `revision` answers it as a strong `ETag`. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    if (http.getRequest<FastifyRequest>().method !== 'GET') return next.handle();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const etag =
          body !== null && typeof body === 'object' && 'revision' in body
            ? revisionEtag(body.revision)
            : undefined;
        if (etag) void reply.header('etag', etag);
        return body;
      }),
    );
  }
}

/**
 * The tags, and `If-None-Match` answered 304 without a body when it names the current tag. The
 * 304 is set when the answer is sent, because Nest sets the route's own status after interceptors.
 */
export function registerEntityTags(app: NestFastifyApplication): void {
  app.useGlobalInterceptors(new EtagInterceptor());
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      const etag = reply.getHeader('etag');
      if (request.method !== 'GET' || reply.statusCode !== 200 || typeof etag !== 'string')
        return payload;
      if (!noneMatchHits(request.headers['if-none-match'], etag)) return payload;
      void reply.code(304).removeHeader('content-type').removeHeader('content-length');
      return '';
    });
}
