import { loginThrottled } from './account.errors';
import { addSeconds, isAtOrAfter, secondsBetween } from './calendar';

/**
 * Login throttling as a pure policy: the application keeps one `LoginThrottleState` per key and
 * passes it in. Three keys exist: the login from one address and the login from any untrusted
 * client (both for clients without a device token), and one trusted device (a client holding the
 * device token a successful login of this login gave it), as OWASP's device-cookie scheme has it.
 * Logins are not account events: they are high-volume operational data, not business facts.
 */
export interface LoginThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
  /** The first lockout; each further one while the state lives doubles it, up to `maxLockoutSeconds`. */
  lockoutSeconds: number;
  maxLockoutSeconds: number;
}

/** The login from one address (or one trusted device): a user's own typos lock only this. */
export const DEFAULT_LOGIN_THROTTLE_POLICY: LoginThrottlePolicy = {
  maxFailures: 5,
  windowSeconds: 15 * 60,
  lockoutSeconds: 15 * 60,
  maxLockoutSeconds: 4 * 3600,
};

/** The login from every untrusted client together, so rotating addresses gains nothing. */
export const ACCOUNT_LOGIN_THROTTLE_POLICY: LoginThrottlePolicy = {
  maxFailures: 10,
  windowSeconds: 15 * 60,
  lockoutSeconds: 15 * 60,
  maxLockoutSeconds: 4 * 3600,
};

/** How long a state must be kept: a lockout can start at the end of the window and last the longest. */
export function loginThrottleTtlSeconds(policy: LoginThrottlePolicy): number {
  return policy.windowSeconds + policy.maxLockoutSeconds;
}

/** A password check in progress: it holds one of the key's `maxFailures` places until it settles. */
export interface LoginAttempt {
  id: string;
  at: string;
}

export interface LoginThrottleState {
  /** ISO instants of the failures still inside the window, oldest first. */
  failures: readonly string[];
  lockedUntil: string | null;
  /** Lockouts so far (absent in states stored before lockouts grew). */
  lockouts?: number;
  /** Password checks reserved and not settled yet (absent in states stored before reservations). */
  attempts?: readonly LoginAttempt[];
}

/**
 * An attempt not settled by then (its process died mid-check) counts as the failure it was
 * reserved as; a password check takes well under a second.
 */
export const LOGIN_ATTEMPT_TIMEOUT_SECONDS = 60;

/** What a refused reservation answers when the places are all taken by checks still running. */
export const LOGIN_ATTEMPTS_BUSY_RETRY_SECONDS = 1;

export type LoginAttemptReservation =
  { reserved: true; state: LoginThrottleState } | { reserved: false; retryAfterSeconds: number };

/**
 * How a reserved attempt ends on one key: `failed` counts it as a failure, `succeeded` clears the
 * key's failures and lockouts (the key of the client that logged in), `released` only gives its
 * place back (the per-login key on a success, or a check that never gave an answer).
 */
export type LoginAttemptOutcome = 'failed' | 'succeeded' | 'released';

export type LoginThrottleDecision =
  { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function initialLoginThrottleState(): LoginThrottleState {
  return { failures: [], lockedUntil: null, lockouts: 0 };
}

/** Keyed on the login as typed (normalised) so unknown accounts are throttled like known ones. */
export function loginThrottleKey(login: string, ip: string): string {
  return `${normalisedLogin(login)}|${ip}`;
}

/** Every untrusted client of a login shares this key, whatever its address. */
export function accountThrottleKey(login: string): string {
  return normalisedLogin(login);
}

function normalisedLogin(login: string): string {
  return login.trim().toLowerCase();
}

export function checkLoginAttempt(state: LoginThrottleState, now: string): LoginThrottleDecision {
  if (state.lockedUntil !== null && !isAtOrAfter(now, state.lockedUntil)) {
    return { allowed: false, retryAfterSeconds: Math.ceil(secondsBetween(now, state.lockedUntil)) };
  }
  return { allowed: true };
}

/** Refuses when any of the states is locked, naming the longest wait. */
export function assertLoginAllowed(states: readonly LoginThrottleState[], now: string): void {
  let wait = 0;
  for (const state of states) {
    const decision = checkLoginAttempt(state, now);
    if (!decision.allowed) wait = Math.max(wait, decision.retryAfterSeconds);
  }
  if (wait > 0) throw loginThrottled(wait);
}

/** The failure that reaches `maxFailures` inside the window starts a lockout and a fresh count. */
export function recordLoginFailure(
  state: LoginThrottleState,
  now: string,
  policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE_POLICY,
): LoginThrottleState {
  if (!checkLoginAttempt(state, now).allowed) return state;
  const lockouts = state.lockouts ?? 0;
  const failures = [...failuresInWindow(state, now, policy), now];
  // Checks still running keep their places whatever this failure does.
  const rest = state.attempts === undefined ? {} : { attempts: state.attempts };
  if (failures.length >= policy.maxFailures) {
    // Exponential, so an attacker who waits out each lockout gets ever fewer guesses per hour.
    const seconds = Math.min(policy.lockoutSeconds * 2 ** lockouts, policy.maxLockoutSeconds);
    return { failures: [], lockedUntil: addSeconds(now, seconds), lockouts: lockouts + 1, ...rest };
  }
  return { failures, lockedUntil: null, lockouts, ...rest };
}

function failuresInWindow(
  state: LoginThrottleState,
  now: string,
  policy: LoginThrottlePolicy,
): string[] {
  const windowStart = addSeconds(now, -policy.windowSeconds);
  return state.failures.filter((at) => !isAtOrAfter(windowStart, at));
}

/** Attempts older than the timeout become failures, as if their checks had failed now. */
function withTimedOutAttempts(
  state: LoginThrottleState,
  now: string,
  policy: LoginThrottlePolicy,
): LoginThrottleState {
  const cutoff = addSeconds(now, -LOGIN_ATTEMPT_TIMEOUT_SECONDS);
  const attempts = state.attempts ?? [];
  const live = attempts.filter((attempt) => isAtOrAfter(attempt.at, cutoff));
  if (live.length === attempts.length) return state;
  let next: LoginThrottleState = { ...state, attempts: live };
  for (let i = live.length; i < attempts.length; i++) next = recordLoginFailure(next, now, policy);
  return next;
}

/**
 * Takes a place for one password check, as a failure counted in advance: the failures in the
 * window plus the checks running never exceed `maxFailures`, however many requests arrive at once.
 * The caller must store the new state atomically (compare-and-set) before checking the password.
 */
export function reserveLoginAttempt(
  state: LoginThrottleState,
  attempt: LoginAttempt,
  policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE_POLICY,
): LoginAttemptReservation {
  const current = withTimedOutAttempts(state, attempt.at, policy);
  const decision = checkLoginAttempt(current, attempt.at);
  if (!decision.allowed) return { reserved: false, retryAfterSeconds: decision.retryAfterSeconds };
  const failures = failuresInWindow(current, attempt.at, policy);
  const attempts = current.attempts ?? [];
  // The checks running settle within moments: the key is then locked (with its own wait) or free.
  if (failures.length + attempts.length >= policy.maxFailures)
    return { reserved: false, retryAfterSeconds: LOGIN_ATTEMPTS_BUSY_RETRY_SECONDS };
  return { reserved: true, state: { ...current, failures, attempts: [...attempts, attempt] } };
}

/** Ends a reserved attempt; one that already timed out was counted as a failure then. */
export function settleLoginAttempt(
  state: LoginThrottleState,
  attemptId: string,
  outcome: LoginAttemptOutcome,
  now: string,
  policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE_POLICY,
): LoginThrottleState {
  const current = withTimedOutAttempts(state, now, policy);
  const attempts = current.attempts ?? [];
  const others = attempts.filter((attempt) => attempt.id !== attemptId);
  const held = others.length < attempts.length;
  switch (outcome) {
    case 'failed':
      return held ? recordLoginFailure({ ...current, attempts: others }, now, policy) : current;
    case 'succeeded':
      return { ...recordLoginSuccess(), attempts: others };
    case 'released':
      return held ? { ...current, attempts: others } : current;
    default: {
      const unknown: never = outcome;
      throw new Error(`unknown login attempt outcome ${String(unknown)}`);
    }
  }
}

export function recordLoginSuccess(): LoginThrottleState {
  return initialLoginThrottleState();
}
