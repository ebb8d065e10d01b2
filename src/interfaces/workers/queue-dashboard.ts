import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { QUEUES } from '../../application/scheduling/jobs';
import { BullMqJobScheduler } from '../../infrastructure/queues/bullmq-job-scheduler';
import { AccessTokenClaims } from '../http/auth/access-token';
import { RequestAuthenticator } from '../http/auth/request-authenticator';
import { ProblemException } from '../http/problem/problem-details.filter';
import { replyWithProblem } from '../http/problem/reply-problem';
import { BoardFastifyAdapter } from './board-fastify-adapter';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'mk_queues_token';
const STAFF = ['admin', 'finance', 'mediator'];

function problem(request: FastifyRequest, reply: FastifyReply, status: number, code: string, detail: string) {
  return replyWithProblem(request, reply, new ProblemException(status, code, detail));
}

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  const cookies = request.headers.cookie ?? '';
  const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]+)`).exec(cookies);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    // A cookie that is not valid percent-encoding carries no token (401), not a server error.
    return null;
  }
}

/**
 * bull-board at /admin/queues, on the Fastify instance itself (it is not a Nest route, so the
 * global guard does not see it): staff may look, only admins may retry, promote or clean jobs.
 * A browser signs in once with `POST /admin/queues/session` (Bearer), which sets a cookie.
 * Every request, by header or cookie, is authenticated as the guard does (expiry, logout, revoked
 * sessions), so a logout or a revoked staff role closes the dashboard at once.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly scheduler: BullMqJobScheduler,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const serverAdapter = new BoardFastifyAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: Object.values(QUEUES).map((name) => new BullMQAdapter(this.scheduler.queue(name))),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Marketplace jobs' } },
    });
    void fastify.register(
      async (scope) => {
        scope.addHook('onRequest', async (request, reply) => {
          const claims = await this.authenticate(request);
          if (claims instanceof ProblemException)
            return problem(request, reply, 401, claims.code, claims.message);
          if (!claims.roles.some((r) => STAFF.includes(r)))
            return problem(request, reply, 403, 'ROLE_REQUIRED', 'The queue dashboard is for staff');
          const isSession =
            request.method === 'POST' && request.url.split('?')[0] === `${DASHBOARD_PATH}/session`;
          if (request.method !== 'GET' && !isSession && !claims.roles.includes('admin')) {
            return problem(request, reply, 403, 'ROLE_REQUIRED', 'Only admins may change jobs');
          }
        });
        scope.post('/session', async (request, reply) => {
          const token = tokenOf(request) as string;
          // The cookie is the access token itself, so the hook above re-checks its session every time.
          return reply
            .header(
              'set-cookie',
              `${COOKIE}=${encodeURIComponent(token)}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Secure; Max-Age=900`,
            )
            .code(204)
            .send();
        });
        await serverAdapter.register(scope);
      },
      { prefix: DASHBOARD_PATH },
    );
  }

  private async authenticate(
    request: FastifyRequest,
  ): Promise<AccessTokenClaims | ProblemException> {
    try {
      return await this.authenticator.authenticate(tokenOf(request));
    } catch (error) {
      if (error instanceof ProblemException) return error;
      throw error;
    }
  }
}
