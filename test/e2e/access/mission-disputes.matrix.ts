import { RouteRule } from './route-rule';

/** "Signaler un problème" on a local mission (issue 14): a dispute in the disputes context. */
export const MATRIX: RouteRule[] = [
  {
    method: 'POST',
    path: '/missions/{missionId}/problem-reports',
    roles: ['client', 'provider'],
    note: "the mission's client or its confirmed provider; 404 MISSION_NOT_FOUND for anyone else",
  },
];
