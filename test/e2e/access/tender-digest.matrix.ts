import { RouteRule } from './route-rule';

/** Tender preferences, hidden projects and the digest's unsubscribe link (issue 17 point 1). */
export const MATRIX: RouteRule[] = [
  { method: 'GET', path: '/me/tender-preferences', roles: ['provider'], note: 'my own' },
  { method: 'PUT', path: '/me/tender-preferences', roles: ['provider'], note: 'my own' },
  {
    method: 'POST',
    path: '/projects/{projectId}/hide',
    roles: ['provider'],
    note: 'from my own list only',
  },
  { method: 'DELETE', path: '/projects/{projectId}/hide', roles: ['provider'] },
  { method: 'GET', path: '/me/hidden-projects', roles: ['provider'], note: 'my own' },
  {
    method: 'GET',
    path: '/tender-digest/unsubscribe',
    public: true,
    roles: [],
    note: 'the signed token is the permission',
  },
  { method: 'POST', path: '/tender-digest/unsubscribe', public: true, roles: [] },
];
