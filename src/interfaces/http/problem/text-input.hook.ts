import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findTextFaults, TEXT_FAULT_MESSAGES, TextFaultAt } from '../../../domain/shared/text';
import { ProblemException, toProblem } from './problem-details.filter';

/** Secrets are compared as sent (a hash of the exact bytes), so they are checked but never rewritten. */
const SECRET_FIELD = /password$/i;

/** Gateway callbacks are signed as sent and must not be refused for content we did not write. */
const UNCHECKED_PREFIXES = ['/webhooks/'];

const normalise = (value: string, key: string): string =>
  SECRET_FIELD.test(key) ? value : value.normalize('NFC');

export function invalidCharactersProblem(
  faults: (TextFaultAt & { in: 'body' | 'query' })[],
): ProblemException {
  const errors = faults.map((f) => ({
    field: f.field,
    in: f.in,
    reason: f.fault,
    messages: [TEXT_FAULT_MESSAGES[f.fault]],
  }));
  return new ProblemException(
    400,
    'INVALID_CHARACTERS',
    errors.map((e) => `${e.field}: ${e.messages[0]}`).join('; '),
    { errors },
  );
}

/**
 * Every string of every request body and query string is checked before any route sees it:
 * NUL, lone surrogates and control characters other than tab, newline and carriage return answer
 * 400 INVALID_CHARACTERS naming the field; clean text is NFC-normalised here, once.
 */
export function registerTextInputCheck(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    if (UNCHECKED_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return;
    const options = { controlCharacters: true, rewrite: normalise };
    const faults = [
      ...findTextFaults(request.query, options).map((f) => ({ ...f, in: 'query' as const })),
      ...findTextFaults(request.body, options).map((f) => ({ ...f, in: 'body' as const })),
    ];
    if (faults.length === 0) {
      if (typeof request.body === 'string') request.body = normalise(request.body, '');
      return;
    }
    const problem = toProblem(invalidCharactersProblem(faults));
    problem.instance = request.url;
    problem.correlationId = String(request.id);
    return reply
      .status(400)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(problem);
  });
}
