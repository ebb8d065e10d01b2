import { RouteRule, STAFF } from './route-rule';

const PARTIES_AND_STAFF: RouteRule['roles'] = ['client', 'provider', ...STAFF];

/** The missions read side: one mission for its parties and staff, the client area, the provider's mirror, the staff list. */
export const MATRIX: RouteRule[] = [
  {
    method: 'GET',
    path: '/missions/{missionId}',
    roles: PARTIES_AND_STAFF,
    note: 'client, confirmed provider, a candidate while pending; anyone else 404 MISSION_NOT_FOUND',
  },
  {
    method: 'GET',
    path: '/missions/{missionId}/messages',
    roles: PARTIES_AND_STAFF,
    note: 'the same readers as the mission',
  },
  {
    method: 'GET',
    path: '/missions/{missionId}/intervention-sheet',
    roles: PARTIES_AND_STAFF,
    note: 'the same readers as the mission (application/pdf)',
  },
  {
    method: 'GET',
    path: '/me/missions/pending',
    roles: ['client'],
    note: 'the caller’s own requests',
  },
  {
    method: 'GET',
    path: '/me/missions/upcoming',
    roles: ['client'],
    note: 'the caller’s own appointments',
  },
  {
    method: 'GET',
    path: '/me/missions/history',
    roles: ['client'],
    note: 'the caller’s own interventions, 24 h after',
  },
  {
    method: 'GET',
    path: '/me/provider/missions/requests',
    roles: ['provider'],
    note: 'pending requests sent to the caller, not refused',
  },
  {
    method: 'GET',
    path: '/me/provider/missions/agenda',
    roles: ['provider'],
    note: 'the caller’s confirmed missions',
  },
  {
    method: 'GET',
    path: '/me/provider/missions/history',
    roles: ['provider'],
    note: 'the caller’s past interventions',
  },
  { method: 'GET', path: '/admin/missions', roles: STAFF },
];
