import { RouteRule } from './route-rule';

/** Routes of the shared skeleton (no bounded context). */
export const MATRIX: RouteRule[] = [
  { method: 'GET', path: '/health', public: true, roles: [], note: 'probes' },
  { method: 'GET', path: '/admin/reactors', roles: ['finance', 'admin'] },
];
