import type { AccountRole } from '../../../src/interfaces/http/auth/actor';
import { ALL_ROLES } from '../../../src/interfaces/http/auth/actor';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One row of the role-by-endpoint matrix. Each context keeps its rows in
 * `test/e2e/access/<ctx>.matrix.ts` as `export const MATRIX: RouteRule[]`.
 */
export interface RouteRule {
  method: HttpMethod;
  /** OpenAPI style: `/orders/{id}`. */
  path: string;
  /** No token needed (registration, login, webhooks, health). */
  public?: boolean;
  /**
   * Exactly the roles that pass the guard (`@Roles`); every other role must get 403 ROLE_REQUIRED.
   * Ownership (a party acting only on its own things) is checked by the domain on top of this.
   */
  roles: AccountRole[];
  note?: string;
}

/** Routes without `@Roles`: any authenticated account passes the guard. */
export const ANY_ROLE: AccountRole[] = [...ALL_ROLES];
export const STAFF: AccountRole[] = ['mediator', 'finance', 'admin'];
