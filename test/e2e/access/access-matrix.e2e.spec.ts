import { ALL_ROLES, AccountRole } from '../../../src/interfaces/http/auth/actor';
import { startTestApp, TestApp, TestResponse } from '../../support/test-app';
import { appRoutes, loadMatrix, samplePath } from './app-routes';

const MATRIX = loadMatrix();
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const describeRule = (r: (typeof MATRIX)[number]) =>
  `${key(r)} (${r.public ? 'public' : r.roles.join(', ')})`;

/**
 * Issue 3: every route of the app is in some context's matrix, and the guard lets through
 * exactly the roles the matrix lists. Removing a `@Roles` (or a `@Public`) makes this fail.
 */
describe('access matrix: every route, every role', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const call = async (rule: (typeof MATRIX)[number], token?: string): Promise<TestResponse> =>
    t.request(rule.method, samplePath(rule.path), {
      token,
      ...(['POST', 'PUT', 'PATCH'].includes(rule.method) ? { body: {} } : {}),
    });

  it('lists every route the app serves in some matrix file', () => {
    const listed = new Set(MATRIX.map(key));
    const unknown = appRoutes(t.app)
      .map(key)
      .filter((k) => !listed.has(k));
    expect(unknown).toEqual([]);
  });

  it('lists only routes that exist, each once', () => {
    const served = new Set(appRoutes(t.app).map(key));
    expect(MATRIX.filter((r) => !served.has(key(r))).map(describeRule)).toEqual([]);
    const seen = MATRIX.map(key);
    expect(seen.filter((k, i) => seen.indexOf(k) !== i)).toEqual([]);
  });

  describe.each(MATRIX.map((rule) => [describeRule(rule), rule] as const))('%s', (_name, rule) => {
    const allowed: AccountRole[] = rule.public ? [...ALL_ROLES] : rule.roles;
    const refused = ALL_ROLES.filter((r) => !allowed.includes(r));

    it(
      rule.public ? 'is reachable without a token' : 'refuses a request without a token (401)',
      async () => {
        const res = await call(rule);
        if (rule.public) expect(res.status).not.toBe(401);
        else
          expect({ status: res.status, code: res.body?.code }).toEqual({
            status: 401,
            code: 'UNAUTHENTICATED',
          });
        expect(res.status).toBeLessThan(500);
      },
    );

    if (refused.length > 0 && !rule.public) {
      it(`refuses ${refused.join(', ')} at the guard (403 ROLE_REQUIRED)`, async () => {
        for (const role of refused) {
          const res = await call(rule, await t.tokenFor({ roles: [role] }));
          expect({ role, status: res.status, code: res.body?.code }).toEqual({
            role,
            status: 403,
            code: 'ROLE_REQUIRED',
          });
        }
      });
    }

    if (!rule.public) {
      it(`lets ${allowed.join(', ')} through the guard (never 401, 403 ROLE_REQUIRED or 5xx)`, async () => {
        for (const role of allowed) {
          const res = await call(rule, await t.tokenFor({ roles: [role] }));
          expect({
            role,
            status: res.status,
            code: res.body?.code,
            unauthenticated: res.status === 401,
          }).toEqual(expect.objectContaining({ role, unauthenticated: false }));
          expect({ role, code: res.body?.code }).not.toEqual({ role, code: 'ROLE_REQUIRED' });
          expect({ role, status: res.status, serverError: res.status >= 500 }).toEqual(
            expect.objectContaining({ serverError: false }),
          );
        }
      });
    }
  });
});
