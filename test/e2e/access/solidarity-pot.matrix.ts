import { RouteRule } from './route-rule';

/** The solidarity pot (issue 18, points 4–6): votes, the staff close, the public reports. */
export const MATRIX: RouteRule[] = [
  {
    method: 'POST',
    path: '/solidarity/votes',
    roles: ['client', 'provider', 'volunteer', 'association'],
    note: 'any party account; eligibility (a completed order or validated mission) is the domain’s: 403 NOT_ELIGIBLE_TO_VOTE',
  },
  {
    method: 'GET',
    path: '/me/solidarity/vote',
    roles: ['client', 'provider', 'volunteer', 'association'],
    note: 'the caller’s own vote of the month',
  },
  {
    method: 'GET',
    path: '/solidarity/reports',
    public: true,
    roles: [],
    note: 'published reports',
  },
  {
    method: 'GET',
    path: '/solidarity/reports/{month}',
    public: true,
    roles: [],
    note: 'a closed month’s report; 404 before the close',
  },
  {
    method: 'POST',
    path: '/admin/solidarity/months/{month}/close',
    roles: ['finance', 'admin'],
    note: 'staff close of a past month, idempotent',
  },
];
