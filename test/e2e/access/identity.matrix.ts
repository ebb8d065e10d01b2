import { ANY_ROLE, RouteRule } from './route-rule';

export const MATRIX: RouteRule[] = [
  { method: 'POST', path: '/auth/register', public: true, roles: [] },
  { method: 'POST', path: '/auth/confirm-email', public: true, roles: [] },
  { method: 'POST', path: '/auth/resend-confirmation', public: true, roles: [] },
  { method: 'POST', path: '/auth/login', public: true, roles: [] },
  {
    method: 'POST',
    path: '/auth/refresh',
    public: true,
    roles: [],
    note: 'the refresh token is the credential',
  },
  { method: 'POST', path: '/auth/forgot-password', public: true, roles: [] },
  {
    method: 'POST',
    path: '/auth/reset-password',
    public: true,
    roles: [],
    note: 'the reset code is the credential',
  },
  {
    method: 'POST',
    path: '/auth/logout',
    roles: ANY_ROLE,
    note: "revokes the token's own session",
  },

  { method: 'GET', path: '/me', roles: ANY_ROLE, note: "the token's own account only" },
  { method: 'PATCH', path: '/me', roles: ANY_ROLE, note: "the token's own account only" },
  { method: 'POST', path: '/me/password', roles: ANY_ROLE },
  { method: 'POST', path: '/me/roles', roles: ANY_ROLE, note: 'party roles only (domain)' },
  { method: 'PUT', path: '/me/active-role', roles: ANY_ROLE, note: 'only roles held (domain)' },
  { method: 'POST', path: '/me/closure', roles: ANY_ROLE },
  { method: 'DELETE', path: '/me/closure', roles: ANY_ROLE },

  { method: 'GET', path: '/me/verification', roles: ['provider'] },
  { method: 'POST', path: '/me/verification/documents', roles: ['provider'] },
  { method: 'PUT', path: '/me/verification/salary-portage', roles: ['provider'] },

  {
    method: 'GET',
    path: '/providers/{reference}',
    roles: ANY_ROLE,
    note: 'clients find providers by reference',
  },

  { method: 'GET', path: '/admin/verifications', roles: ['mediator', 'admin'] },
  {
    method: 'GET',
    path: '/admin/providers/{providerId}/verification',
    roles: ['mediator', 'admin'],
  },
  {
    method: 'POST',
    path: '/admin/verifications/{providerId}/documents/{documentId}/approve',
    roles: ['mediator', 'admin'],
    note: 'never on their own file (domain)',
  },
  {
    method: 'POST',
    path: '/admin/verifications/{providerId}/documents/{documentId}/reject',
    roles: ['mediator', 'admin'],
    note: 'never on their own file (domain)',
  },
  { method: 'GET', path: '/admin/notifications', roles: ['mediator', 'finance', 'admin'] },
  { method: 'GET', path: '/admin/accounts/{accountId}', roles: ['mediator', 'admin'] },
  { method: 'POST', path: '/admin/accounts/{accountId}/staff-roles', roles: ['admin'] },
  { method: 'DELETE', path: '/admin/accounts/{accountId}/staff-roles/{role}', roles: ['admin'] },
  { method: 'POST', path: '/admin/accounts/{accountId}/erasure', roles: ['admin'] },
];
