import { RouteRule } from './route-rule';

/** The plans catalogue (issue 15): staff define, revise and retire plans; anyone reads them. */
export const MATRIX: RouteRule[] = [
  { method: 'POST', path: '/admin/plans', roles: ['admin'], note: 'define a plan (version 1)' },
  {
    method: 'PUT',
    path: '/admin/plans/{planId}',
    roles: ['admin'],
    note: 'revise: a new version with full terms',
  },
  { method: 'POST', path: '/admin/plans/{planId}/retire', roles: ['admin'] },
  { method: 'GET', path: '/plans', public: true, roles: [], note: 'the active plans' },
  {
    method: 'GET',
    path: '/plans/{planId}',
    public: true,
    roles: [],
    note: 'active or retired, with its versions',
  },
];
