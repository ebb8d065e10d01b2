import { loginThrottled } from './account.errors';
import { addSeconds, isAtOrAfter, secondsBetween } from './calendar';

/**
 * Login throttling as a pure policy: the application keeps one `LoginThrottleState` per
 * `loginThrottleKey(login, ip)` (e.g. in Redis with a TTL of window + lockout) and passes it in.
 * Logins are not account events: they are high-volume operational data, not business facts.
 */
export interface LoginThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
  lockoutSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE_POLICY: LoginThrottlePolicy = {
  maxFailures: 5,
  windowSeconds: 15 * 60,
  lockoutSeconds: 15 * 60,
};

export interface LoginThrottleState {
  /** ISO instants of the failures still inside the window, oldest first. */
  failures: readonly string[];
  lockedUntil: string | null;
}

export type LoginThrottleDecision =
  { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function initialLoginThrottleState(): LoginThrottleState {
  return { failures: [], lockedUntil: null };
}

/** Keyed on the login as typed (normalised) so unknown accounts are throttled like known ones. */
export function loginThrottleKey(login: string, ip: string): string {
  return `${login.trim().toLowerCase()}|${ip}`;
}

export function checkLoginAttempt(state: LoginThrottleState, now: string): LoginThrottleDecision {
  if (state.lockedUntil !== null && !isAtOrAfter(now, state.lockedUntil)) {
    return { allowed: false, retryAfterSeconds: Math.ceil(secondsBetween(now, state.lockedUntil)) };
  }
  return { allowed: true };
}

export function assertLoginAllowed(state: LoginThrottleState, now: string): void {
  const decision = checkLoginAttempt(state, now);
  if (!decision.allowed) throw loginThrottled(decision.retryAfterSeconds);
}

/** The failure that reaches `maxFailures` inside the window starts a lockout and a fresh count. */
export function recordLoginFailure(
  state: LoginThrottleState,
  now: string,
  policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE_POLICY,
): LoginThrottleState {
  if (!checkLoginAttempt(state, now).allowed) return state;
  const windowStart = addSeconds(now, -policy.windowSeconds);
  const failures = [...state.failures.filter((at) => !isAtOrAfter(windowStart, at)), now];
  if (failures.length >= policy.maxFailures) {
    return { failures: [], lockedUntil: addSeconds(now, policy.lockoutSeconds) };
  }
  return { failures, lockedUntil: null };
}

export function recordLoginSuccess(): LoginThrottleState {
  return initialLoginThrottleState();
}
