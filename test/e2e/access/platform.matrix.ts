import { RouteRule } from './route-rule';

/** Routes of the shared skeleton (no bounded context). */
export const MATRIX: RouteRule[] = [
  { method: 'GET', path: '/health', public: true, roles: [], note: 'probes' },
  { method: 'GET', path: '/admin/reactors', roles: ['finance', 'admin'] },
  { method: 'GET', path: '/admin/test-clock', roles: ['admin'], note: '404 unless TEST_CLOCK_ENABLED' },
  { method: 'POST', path: '/admin/test-clock/advance', roles: ['admin'] },
];
