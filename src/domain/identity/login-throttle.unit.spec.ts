import { caught } from './identity.fixtures.spec';
import {
  assertLoginAllowed,
  checkLoginAttempt,
  initialLoginThrottleState,
  LoginThrottleState,
  loginThrottleKey,
  recordLoginFailure,
  recordLoginSuccess,
} from './login-throttle';

const at = (minutes: number) => new Date(Date.UTC(2025, 2, 12, 10, minutes)).toISOString();

function failAt(state: LoginThrottleState, ...minutes: number[]): LoginThrottleState {
  return minutes.reduce((s, m) => recordLoginFailure(s, at(m)), state);
}

describe('Login throttle with no failure', () => {
  it('allows a login', () => {
    expect(checkLoginAttempt(initialLoginThrottleState(), at(0))).toEqual({ allowed: true });
  });

  it('keys attempts on the normalised login and the IP', () => {
    expect(loginThrottleKey(' Camille@Example.fr ', '203.0.113.7')).toBe(
      'camille@example.fr|203.0.113.7',
    );
    expect(loginThrottleKey('camille@example.fr', '203.0.113.8')).not.toBe(
      loginThrottleKey('camille@example.fr', '203.0.113.7'),
    );
  });
});

describe('Login throttle with recent failures', () => {
  it('still allows a login after 4 failures in 15 minutes', () => {
    const state = failAt(initialLoginThrottleState(), 0, 1, 2, 3);
    expect(state.failures).toHaveLength(4);
    expect(checkLoginAttempt(state, at(4))).toEqual({ allowed: true });
  });

  it('locks for 15 minutes on the 5th failure inside the window', () => {
    const state = failAt(initialLoginThrottleState(), 0, 1, 2, 3, 4);
    expect(state.lockedUntil).toBe(at(19));
    expect(checkLoginAttempt(state, at(5))).toEqual({ allowed: false, retryAfterSeconds: 840 });
    // Rounded up, so a client never retries a fraction of a second too early.
    expect(checkLoginAttempt(state, '2025-03-12T10:18:59.500Z')).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it('forgets failures 15 minutes old or older', () => {
    const state = failAt(initialLoginThrottleState(), 0, 1, 2, 3, 16);
    expect(state.lockedUntil).toBeNull();
    expect(state.failures).toEqual([at(2), at(3), at(16)]);
  });

  it('clears the count on a successful login', () => {
    expect(recordLoginSuccess()).toEqual(initialLoginThrottleState());
  });
});

describe('Login throttle while locked', () => {
  const locked = () => failAt(initialLoginThrottleState(), 0, 1, 2, 3, 4);

  it('refuses with LOGIN_THROTTLED and the seconds to wait', () => {
    const error = caught(() => assertLoginAllowed(locked(), at(10)));
    expect(error?.code).toBe('LOGIN_THROTTLED');
    expect(error?.details).toEqual({ retryAfterSeconds: 540 });
  });

  it('does not extend the lockout on further attempts', () => {
    expect(recordLoginFailure(locked(), at(10))).toEqual(locked());
  });

  it('allows a login again when the lockout ends, with a fresh count', () => {
    expect(caught(() => assertLoginAllowed(locked(), at(19)))).toBeUndefined();
    const afterOneMore = recordLoginFailure(locked(), at(19));
    expect(afterOneMore).toEqual({ failures: [at(19)], lockedUntil: null });
  });
});
