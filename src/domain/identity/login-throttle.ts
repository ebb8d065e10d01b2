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

export interface LoginThrottleState {
  /** ISO instants of the failures still inside the window, oldest first. */
  failures: readonly string[];
  lockedUntil: string | null;
  /** Lockouts so far (absent in states stored before lockouts grew). */
  lockouts?: number;
}

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
  const windowStart = addSeconds(now, -policy.windowSeconds);
  const failures = [...state.failures.filter((at) => !isAtOrAfter(windowStart, at)), now];
  if (failures.length >= policy.maxFailures) {
    // Exponential, so an attacker who waits out each lockout gets ever fewer guesses per hour.
    const seconds = Math.min(policy.lockoutSeconds * 2 ** lockouts, policy.maxLockoutSeconds);
    return { failures: [], lockedUntil: addSeconds(now, seconds), lockouts: lockouts + 1 };
  }
  return { failures, lockedUntil: null, lockouts };
}

export function recordLoginSuccess(): LoginThrottleState {
  return initialLoginThrottleState();
}
