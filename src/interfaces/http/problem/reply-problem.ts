import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem-details.filter';

const logger = new Logger('HTTP');

/**
 * Answers an error as problem+json from plain Fastify code (router errors, the queue dashboard),
 * where Nest's global filter does not run.
 */
export function replyWithProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  const problem = toProblem(error);
  problem.instance = request.url;
  problem.correlationId = String(request.id);
  if (problem.status >= 500) logger.error(error);
  return reply
    .code(problem.status)
    .header('x-correlation-id', String(request.id))
    .type('application/problem+json; charset=utf-8')
    .send(problem);
}
