import { RouteRule } from './route-rule';

/** Payment requests of tender projects (issue 17, seed 003 Étape 4): the provider's invoice, finance's check. */
export const MATRIX: RouteRule[] = [
  {
    method: 'GET',
    path: '/me/payment-requests',
    roles: ['provider'],
    note: 'releases awaiting an invoice, my requests',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/payment-requests',
    roles: ['provider'],
    note: 'own releases only (else 404)',
  },
  { method: 'GET', path: '/finance/payment-requests', roles: ['finance'], note: 'dashboard' },
  { method: 'GET', path: '/finance/payment-requests/{requestId}', roles: ['finance'] },
  { method: 'POST', path: '/finance/payment-requests/{requestId}/approve', roles: ['finance'] },
  { method: 'POST', path: '/finance/payment-requests/{requestId}/refuse', roles: ['finance'] },
];
