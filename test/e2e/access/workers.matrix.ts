import { RouteRule } from './route-rule';

/**
 * Routes of issue 7 (wallet, payouts, gateway webhooks). The queue dashboard at /admin/queues is
 * a Fastify plugin outside Nest's router; its access (staff read, admins act) is tested in
 * test/e2e/workers/queues.e2e.spec.ts.
 */
export const MATRIX: RouteRule[] = [
  {
    method: 'GET',
    path: '/wallet',
    roles: ['provider', 'association'],
    note: 'my balances, accounts and withdrawals',
  },
  { method: 'GET', path: '/wallets/{providerId}', roles: ['finance', 'admin'] },
  {
    method: 'POST',
    path: '/wallet/withdrawal-accounts',
    roles: ['provider', 'association'],
    note: 'an association registers the account its share of the solidarity pot is paid to',
  },
  { method: 'POST', path: '/wallet/withdrawals', roles: ['provider', 'association'] },
  {
    method: 'GET',
    path: '/payouts/{payoutId}',
    roles: ['provider', 'association', 'finance', 'admin'],
    note: 'a payee (provider or association) sees only their own (404 otherwise)',
  },
  {
    method: 'POST',
    path: '/webhooks/stripe',
    public: true,
    roles: [],
    note: 'authenticated by the Stripe-Signature header instead',
  },
  {
    method: 'POST',
    path: '/webhooks/paypal',
    public: true,
    roles: [],
    note: 'authenticated by PayPal verifying its transmission headers instead',
  },
];
