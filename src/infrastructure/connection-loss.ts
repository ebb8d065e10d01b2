/**
 * Errors that mean a backing service (Postgres, Redis) is briefly out of reach rather than that
 * the request was wrong: a terminated backend, a refused or reset socket, a client whose
 * connection died. The HTTP layer answers them 503 with Retry-After instead of 500.
 */

/** SQLSTATEs of a connection the server closed or could not give (admin shutdown, crash, starting up, full). */
const PG_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const MESSAGES = [
  /Connection terminated/i, // pg: the socket closed under a client
  /not queryable/i, // pg: a client already known to be dead
  /timeout exceeded when trying to connect/i, // pg-pool
  /Connection is closed/i, // ioredis
  /Stream isn't writeable/i, // ioredis without offline queue
  /Reached the max retries per request limit/i, // ioredis MaxRetriesPerRequestError
];

export function isConnectionLoss(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 3) return false;
  const e = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (PG_CODES.has(e.code) || SOCKET_CODES.has(e.code))) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // Node wraps a refused dual-stack connect in an AggregateError; drivers sometimes set `cause`.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isConnectionLoss(inner, depth + 1))) return true;
  return isConnectionLoss(e.cause, depth + 1);
}
