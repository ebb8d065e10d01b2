import { ANY_ROLE, RouteRule, STAFF } from './route-rule';

/** Read models: dashboards, search, profiles, finance, invoices, projections and the mediator queue. */
export const MATRIX: RouteRule[] = [
  { method: 'GET', path: '/dashboard/buyer', roles: ['client'], note: 'the caller’s own orders' },
  {
    method: 'GET',
    path: '/dashboard/seller',
    roles: ['provider'],
    note: 'the caller’s own orders and earnings',
  },
  {
    method: 'GET',
    path: '/dashboard/wallet',
    roles: ['provider'],
    note: 'the caller’s own wallet',
  },
  { method: 'GET', path: '/search/gigs', public: true, roles: [], note: 'published gigs only' },
  {
    method: 'GET',
    path: '/profiles/{provider}',
    public: true,
    roles: [],
    note: 'by account id or provider reference',
  },
  { method: 'GET', path: '/mediation/queue', roles: ['mediator', 'admin'] },
  { method: 'GET', path: '/finance/trial-balance', roles: ['finance', 'admin'] },
  { method: 'GET', path: '/finance/journal', roles: ['finance', 'admin'] },
  {
    method: 'GET',
    path: '/invoices',
    roles: ANY_ROLE,
    note: 'the caller’s invoices; finance and admin may name an account',
  },
  {
    method: 'GET',
    path: '/invoices/{invoiceId}',
    roles: ANY_ROLE,
    note: 'parties, finance and admin (403 NOT_INVOICE_PARTY)',
  },
  {
    method: 'GET',
    path: '/invoices/{invoiceId}.pdf',
    roles: ANY_ROLE,
    note: 'parties, finance and admin (403 NOT_INVOICE_PARTY)',
  },
  { method: 'GET', path: '/admin/projections', roles: STAFF },
  {
    method: 'POST',
    path: '/admin/projections/{name}/retry',
    roles: ['admin'],
    note: 'an operator action (404 PROJECTION_NOT_FOUND, 409 PROJECTION_NOT_HALTED)',
  },
];
