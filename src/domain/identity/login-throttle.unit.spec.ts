import { caught } from './identity.fixtures.spec';
import {
  ACCOUNT_LOGIN_THROTTLE_POLICY,
  accountThrottleKey,
  assertLoginAllowed,
  checkLoginAttempt,
  initialLoginThrottleState,
  LOGIN_ATTEMPT_TIMEOUT_SECONDS,
  LoginThrottleState,
  loginThrottleKey,
  recordLoginFailure,
  recordLoginSuccess,
  reserveLoginAttempt,
  settleLoginAttempt,
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
    const error = caught(() => assertLoginAllowed([locked()], at(10)));
    expect(error?.code).toBe('LOGIN_THROTTLED');
    expect(error?.details).toEqual({ retryAfterSeconds: 540 });
  });

  it('does not extend the lockout on further attempts', () => {
    expect(recordLoginFailure(locked(), at(10))).toEqual(locked());
  });

  it('allows a login again when the lockout ends, with a fresh count', () => {
    expect(caught(() => assertLoginAllowed([locked()], at(19)))).toBeUndefined();
    const afterOneMore = recordLoginFailure(locked(), at(19));
    expect(afterOneMore).toEqual({ failures: [at(19)], lockedUntil: null, lockouts: 1 });
  });
});

describe('Login throttle after repeated lockouts', () => {
  const minutes = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

  it('doubles each further lockout while the state lives, up to four hours', () => {
    let state = failAt(initialLoginThrottleState(), ...minutes(0, 5));
    expect(state.lockedUntil).toBe(at(19));
    state = failAt(state, ...minutes(19, 5));
    expect(state.lockedUntil).toBe(at(23 + 30));
    state = failAt(state, ...minutes(53, 5));
    expect(state.lockedUntil).toBe(at(57 + 60));
    for (let round = 0; round < 4; round++) {
      const from = (new Date(state.lockedUntil!).getTime() - Date.parse(at(0))) / 60_000;
      state = failAt(state, ...minutes(from, 5));
    }
    const lastFailure = Date.parse(state.lockedUntil!) - 4 * 3600_000;
    expect(checkLoginAttempt(state, new Date(lastFailure).toISOString())).toEqual({
      allowed: false,
      retryAfterSeconds: 4 * 3600,
    });
    expect(state.lockouts).toBe(7);
  });

  it('locks a login from every untrusted client after 10 failures, whatever their addresses', () => {
    expect(accountThrottleKey(' Camille@Example.fr ')).toBe('camille@example.fr');
    const nine = minutes(0, 9).reduce(
      (s, m) => recordLoginFailure(s, at(m), ACCOUNT_LOGIN_THROTTLE_POLICY),
      initialLoginThrottleState(),
    );
    expect(checkLoginAttempt(nine, at(9))).toEqual({ allowed: true });
    const ten = recordLoginFailure(nine, at(9), ACCOUNT_LOGIN_THROTTLE_POLICY);
    expect(checkLoginAttempt(ten, at(10))).toEqual({ allowed: false, retryAfterSeconds: 840 });
  });

  it('refuses with the longest wait of the states it is given', () => {
    const short = failAt(initialLoginThrottleState(), 0, 1, 2, 3, 4);
    const long = failAt(failAt(short, 19, 20, 21, 22, 23), 24);
    const error = caught(() =>
      assertLoginAllowed([initialLoginThrottleState(), short, long], at(10)),
    );
    expect(error?.details).toEqual({ retryAfterSeconds: (53 - 10) * 60 });
  });
});

describe('Login throttle reservations (parallel attempts)', () => {
  function reserve(state: LoginThrottleState, id: string, minute = 0): LoginThrottleState {
    const reservation = reserveLoginAttempt(state, { id, at: at(minute) });
    if (!reservation.reserved) throw new Error(`attempt ${id} refused`);
    return reservation.state;
  }
  const five = () =>
    ['a', 'b', 'c', 'd', 'e'].reduce((s, id) => reserve(s, id), initialLoginThrottleState());

  it('counts checks in progress as failures: a sixth waits while five are running', () => {
    expect(reserveLoginAttempt(five(), { id: 'f', at: at(0) })).toEqual({
      reserved: false,
      retryAfterSeconds: 1,
    });
    const withFailures = reserve(failAt(initialLoginThrottleState(), 0, 1, 2), 'x', 3);
    expect(
      reserveLoginAttempt(reserve(withFailures, 'y', 3), { id: 'z', at: at(3) }).reserved,
    ).toBe(false);
  });

  it('locks when the fifth reserved check fails, and refuses with the lockout wait', () => {
    const settled = ['a', 'b', 'c', 'd', 'e'].reduce(
      (s, id) => settleLoginAttempt(s, id, 'failed', at(1)),
      five(),
    );
    expect(settled).toEqual({ failures: [], lockedUntil: at(16), lockouts: 1, attempts: [] });
    expect(reserveLoginAttempt(settled, { id: 'f', at: at(2) })).toEqual({
      reserved: false,
      retryAfterSeconds: 14 * 60,
    });
  });

  it('gives the place back on release and clears the count on success, keeping the others running', () => {
    const released = settleLoginAttempt(five(), 'c', 'released', at(0));
    expect(released.attempts?.map((a) => a.id)).toEqual(['a', 'b', 'd', 'e']);
    expect(released.failures).toEqual([]);
    expect(reserveLoginAttempt(released, { id: 'f', at: at(0) }).reserved).toBe(true);

    const failed = settleLoginAttempt(
      settleLoginAttempt(five(), 'a', 'failed', at(0)),
      'b',
      'failed',
      at(0),
    );
    const succeeded = settleLoginAttempt(failed, 'c', 'succeeded', at(0));
    expect(succeeded).toEqual({
      ...recordLoginSuccess(),
      attempts: [
        { id: 'd', at: at(0) },
        { id: 'e', at: at(0) },
      ],
    });
  });

  it('counts an attempt never settled as a failure once it times out, and only once', () => {
    const stuck = reserve(initialLoginThrottleState(), 'lost', 0);
    const later = new Date(
      Date.parse(at(0)) + (LOGIN_ATTEMPT_TIMEOUT_SECONDS + 1) * 1000,
    ).toISOString();
    const next = reserveLoginAttempt(stuck, { id: 'new', at: later });
    expect(next).toEqual({
      reserved: true,
      state: {
        failures: [later],
        lockedUntil: null,
        lockouts: 0,
        attempts: [{ id: 'new', at: later }],
      },
    });
    if (!next.reserved) return;
    // The lost check answering at last adds nothing: it was counted when it timed out.
    expect(settleLoginAttempt(next.state, 'lost', 'failed', later)).toEqual(next.state);
  });
});
