/**
 * Whether a failed batch may pass if simply tried again. Lost or refused connections, server
 * shutdowns, serialization failures, deadlocks and exhausted resources are transient; any other
 * SQLSTATE (bad text or JSON, a violated constraint, a wrong column) or an error thrown by the
 * projector's own code will fail the same way every time.
 */
export function isTransientFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    const sqlClass = code.slice(0, 2);
    return (
      TRANSIENT_CLASSES.has(sqlClass) ||
      code === '55P03' || // lock_not_available
      code === '57014' // query_canceled (statement timeout)
    );
  }
  // Node's socket errors: ECONNRESET, ECONNREFUSED, ETIMEDOUT, EPIPE, EAI_AGAIN...
  if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return true;
  const message = error instanceof Error ? error.message : '';
  // node-postgres reports a dropped connection or a pool timeout without a code.
  return PG_CONNECTION_MESSAGES.test(message);
}

/** 08 connection exception, 40 transaction rollback (40001, 40P01), 53 insufficient resources, 57 operator intervention (57P01...), 58 system error. */
const TRANSIENT_CLASSES = new Set(['08', '40', '53', '57', '58']);

const PG_CONNECTION_MESSAGES =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|not queryable|Query read timeout/i;

/** The SQLSTATE of a Postgres error, else null. */
export function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}
