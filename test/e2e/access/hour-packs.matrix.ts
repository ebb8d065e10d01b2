import { RouteRule } from './route-rule';

const PACK = '/me/hour-packs/{packId}';

/** Hour packs (issue 15, point 5): a client's own packs; another client's pack is 404. */
export const MATRIX: RouteRule[] = [
  { method: 'POST', path: '/me/hour-packs', roles: ['client'], note: 'buy a pack' },
  { method: 'GET', path: '/me/hour-packs', roles: ['client'], note: 'the caller’s packs' },
  {
    method: 'GET',
    path: PACK,
    roles: ['client'],
    note: 'its client; 404 HOUR_PACK_NOT_FOUND for anyone else',
  },
  {
    method: 'POST',
    path: `${PACK}/withdraw`,
    roles: ['client'],
    note: 'its client, within the withdrawal period and before any use',
  },
];
