import { RouteRule } from './route-rule';

/** Issue 15: finance's view of the platform's plans (docs/plans-billing.md). */
export const MATRIX: RouteRule[] = [
  {
    method: 'GET',
    path: '/admin/finance/plans/revenue',
    roles: ['finance', 'admin'],
    note: 'recurring revenue per Paris month (400 REVENUE_RANGE_INVALID)',
  },
  {
    method: 'GET',
    path: '/admin/finance/plans/renewals-due',
    roles: ['finance', 'admin'],
    note: 'running subscriptions renewing within `days`',
  },
  {
    method: 'GET',
    path: '/admin/finance/plans/incidents',
    roles: ['finance', 'admin'],
    note: 'subscriptions in payment incident or suspended',
  },
];
