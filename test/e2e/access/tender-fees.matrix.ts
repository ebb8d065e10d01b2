import { RouteRule } from './route-rule';

const FEES = '/projects/{projectId}/fees';

/** Project fees (issue 17, point 4): the two parties read them, the payer pays, finance lists. */
export const MATRIX: RouteRule[] = [
  {
    method: 'GET',
    path: FEES,
    roles: ['client', 'provider'],
    note: 'the project’s client and selected provider; 404 PROJECT_FEES_NOT_FOUND for anyone else',
  },
  {
    method: 'POST',
    path: `${FEES}/pay`,
    roles: ['client', 'provider'],
    note: 'the payer only (403 PROJECT_FEES_NOT_PAYER for the other party)',
  },
  {
    method: 'GET',
    path: '/finance/tender-fees',
    roles: ['finance', 'admin'],
    note: 'every project fee with totals',
  },
];
