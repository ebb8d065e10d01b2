import { ANY_ROLE, RouteRule } from './route-rule';

/** Service types (staff catalogue, public list) and provider offers (own offer, public by reference). */
export const MATRIX: RouteRule[] = [
  { method: 'POST', path: '/admin/service-types', roles: ['admin'] },
  { method: 'PUT', path: '/admin/service-types/{serviceTypeId}', roles: ['admin'] },
  { method: 'POST', path: '/admin/service-types/{serviceTypeId}/retire', roles: ['admin'] },
  { method: 'GET', path: '/service-types', public: true, roles: [] },
  { method: 'GET', path: '/service-types/{serviceTypeId}', public: true, roles: [] },

  {
    method: 'GET',
    path: '/me/provider-offer',
    roles: ['provider'],
    note: 'the caller’s own offer',
  },
  {
    method: 'PUT',
    path: '/me/provider-offer/services/{serviceTypeId}',
    roles: ['provider'],
    note: 'own offer only; 422 SERVICE_TYPE_NOT_FOUND for an unknown or retired type',
  },
  { method: 'DELETE', path: '/me/provider-offer/services/{serviceTypeId}', roles: ['provider'] },
  { method: 'PUT', path: '/me/provider-offer/zone', roles: ['provider'] },
  { method: 'PUT', path: '/me/provider-offer/weekly-hours', roles: ['provider'] },
  { method: 'POST', path: '/me/provider-offer/exceptions', roles: ['provider'] },
  { method: 'DELETE', path: '/me/provider-offer/exceptions/{exceptionId}', roles: ['provider'] },
  {
    method: 'GET',
    path: '/providers/{reference}/offer',
    roles: ANY_ROLE,
    note: 'any signed-in account; the base location stays private',
  },
];
