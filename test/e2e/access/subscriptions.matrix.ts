import { RouteRule } from './route-rule';

/** Provider subscriptions (Pro, credits): the provider's own, staff's list and extension. */
export const MATRIX: RouteRule[] = [
  {
    method: 'POST',
    path: '/me/subscriptions',
    roles: ['provider'],
    note: 'for the caller; 409 SUBSCRIPTION_ALREADY_ACTIVE, 422 PAYMENT_DECLINED',
  },
  { method: 'GET', path: '/me/subscriptions', roles: ['provider'], note: 'the caller’s own' },
  {
    method: 'GET',
    path: '/me/subscriptions/{subscriptionId}',
    roles: ['provider'],
    note: 'own only: another account’s answers 404',
  },
  { method: 'GET', path: '/me/plan', roles: ['provider'], note: 'the caller’s own summary' },
  {
    method: 'POST',
    path: '/me/subscriptions/{subscriptionId}/cancel',
    roles: ['provider'],
    note: 'own only (404)',
  },
  {
    method: 'POST',
    path: '/me/subscriptions/{subscriptionId}/payment-method',
    roles: ['provider'],
    note: 'own only (404); charges what is owed in an incident',
  },
  {
    method: 'POST',
    path: '/me/subscriptions/{subscriptionId}/pause',
    roles: ['provider'],
    note: 'own only (404)',
  },
  {
    method: 'DELETE',
    path: '/me/subscriptions/{subscriptionId}/pause',
    roles: ['provider'],
    note: 'own only (404)',
  },
  { method: 'GET', path: '/admin/subscriptions', roles: ['finance', 'admin'] },
  { method: 'POST', path: '/admin/subscriptions/{subscriptionId}/extend', roles: ['admin'] },
];
