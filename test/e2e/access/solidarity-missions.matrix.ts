import { ANY_ROLE, RouteRule } from './route-rule';

/** Solidarity types (staff list, public read) and solidarity missions (associations, volunteers). */
export const MATRIX: RouteRule[] = [
  { method: 'POST', path: '/admin/solidarity-types', roles: ['admin'] },
  { method: 'PUT', path: '/admin/solidarity-types/{solidarityTypeId}', roles: ['admin'] },
  { method: 'POST', path: '/admin/solidarity-types/{solidarityTypeId}/retire', roles: ['admin'] },
  { method: 'GET', path: '/solidarity/types', public: true, roles: [] },

  {
    method: 'POST',
    path: '/solidarity/missions',
    roles: ['association'],
    note: 'only an association whose verification is approved (403 ASSOCIATION_NOT_VERIFIED)',
  },
  {
    method: 'POST',
    path: '/solidarity/missions/{missionId}/cancel',
    roles: ['association'],
    note: 'its own missions only: another association gets 404',
  },
  {
    method: 'POST',
    path: '/solidarity/missions/{missionId}/attendance',
    roles: ['association'],
    note: 'its own missions only: another association gets 404',
  },
  { method: 'POST', path: '/solidarity/missions/{missionId}/volunteers', roles: ['volunteer'] },
  {
    method: 'DELETE',
    path: '/solidarity/missions/{missionId}/volunteers/me',
    roles: ['volunteer'],
    note: 'the caller’s own sign-up',
  },
  {
    method: 'GET',
    path: '/solidarity/missions',
    roles: ANY_ROLE,
    note: 'any signed-in account; no volunteer is named',
  },
  {
    method: 'GET',
    path: '/solidarity/missions/{missionId}',
    roles: ANY_ROLE,
    note: 'any signed-in account; no volunteer is named',
  },
  {
    method: 'GET',
    path: '/me/solidarity/missions',
    roles: ['association'],
    note: 'the caller’s missions, with their volunteers’ names',
  },
  {
    method: 'GET',
    path: '/me/solidarity/sign-ups',
    roles: ['volunteer'],
    note: 'the caller’s own',
  },
];
