import {
  ArgumentsHost,
  Catch,
  createParamDecorator,
  ExceptionFilter,
  ExecutionContext,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionActor } from '../../../application/identity/account.service';
import { AuthenticationFailedError } from '../../../application/identity/identity.errors';
import { CausationContext } from '../../../application/shared/command-handling';
import { ifMatchRevision } from '../etag/entity-tag';
import { ProblemException, toProblem } from '../problem/problem-details.filter';
import { Actor } from '../auth/actor';

/** The request's correlation id as command causation, on public routes too. */
export const Causation = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): CausationContext => {
    const request = ctx.switchToHttp().getRequest<FastifyRequest>();
    return { correlationId: String(request.id) };
  },
);

/** The session id (`sid`) of the bearer token; the guard has already verified the token. */
export const SessionId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
  try {
    const payload = JSON.parse(
      Buffer.from(header.slice(7).split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { sid?: unknown };
    if (typeof payload.sid === 'string') return payload.sid;
  } catch {
    // falls through to the refusal below
  }
  throw new ProblemException(401, 'INVALID_ACCESS_TOKEN', 'The access token names no session');
});

export function sessionActor(actor: Actor, sessionId: string): SessionActor {
  return { accountId: actor.accountId, sessionId, meta: (now, role) => actor.meta(now, role) };
}

/** `If-Match: "3"` (the ETag of a read) or `If-Match: 3` -> 3n; absent -> undefined. */
export const expectedRevision = ifMatchRevision;

/** Authentication failures are 401 problems; every other error goes on to the global filter. */
@Catch(AuthenticationFailedError)
export class AuthenticationFailedFilter implements ExceptionFilter {
  catch(error: AuthenticationFailedError, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const problem = toProblem(new ProblemException(401, error.code, error.message));
    problem.instance = request.url;
    problem.correlationId = String(request.id);
    void ctx
      .getResponse<FastifyReply>()
      .status(401)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .header('www-authenticate', 'Bearer')
      .send(problem);
  }
}
