import { RouteRule, STAFF } from './route-rule';

/** The credit ledger (issue 15 point 4): the provider's own credits, staff's views, refunds and bonus. */
export const MATRIX: RouteRule[] = [
  { method: 'GET', path: '/me/credits', roles: ['provider'], note: 'the caller’s own ledger' },
  {
    method: 'GET',
    path: '/me/credits/history',
    roles: ['provider'],
    note: 'the caller’s own history',
  },
  { method: 'GET', path: '/admin/accounts/{accountId}/credits', roles: STAFF },
  { method: 'GET', path: '/admin/accounts/{accountId}/credits/history', roles: STAFF },
  {
    method: 'POST',
    path: '/admin/accounts/{accountId}/credits/refunds',
    roles: ['admin'],
    note: 'once per spend; 404 CREDIT_SPEND_NOT_FOUND for another account’s spend',
  },
  {
    method: 'POST',
    path: '/admin/accounts/{accountId}/credits/bonus',
    roles: ['admin'],
    note: 'reason required; 404 ACCOUNT_NOT_FOUND',
  },
];
