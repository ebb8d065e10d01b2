import { RouteRule } from './route-rule';

const PARTIES: RouteRule['roles'] = ['client', 'provider'];
const ID = '/missions/{missionId}';
const PROPOSAL = `${ID}/change-proposals/{proposalId}`;

/** The write side of local missions (issue 14); its reads are in the read-models matrix. */
export const MATRIX: RouteRule[] = [
  { method: 'POST', path: '/missions', roles: ['client'], note: 'publish a request' },
  {
    method: 'POST',
    path: `${ID}/accept`,
    roles: ['provider'],
    note: 'a provider the request was sent to; 404 MISSION_NOT_FOUND for anyone else',
  },
  { method: 'POST', path: `${ID}/refuse`, roles: ['provider'], note: 'a candidate' },
  {
    method: 'POST',
    path: `${ID}/change`,
    roles: ['client'],
    note: 'its client, before confirmation',
  },
  { method: 'POST', path: `${ID}/change-proposals`, roles: ['client'], note: 'its client' },
  {
    method: 'POST',
    path: `${PROPOSAL}/accept`,
    roles: ['provider'],
    note: 'the confirmed provider',
  },
  {
    method: 'POST',
    path: `${PROPOSAL}/refuse`,
    roles: ['provider'],
    note: 'the confirmed provider',
  },
  { method: 'POST', path: `${PROPOSAL}/withdraw`, roles: ['client'], note: 'its client' },
  {
    method: 'POST',
    path: `${ID}/cancel`,
    roles: PARTIES,
    note: 'its client, or its confirmed provider',
  },
  { method: 'POST', path: `${ID}/validate`, roles: ['client'], note: '"Mission terminée ✔"' },
  { method: 'POST', path: `${ID}/messages`, roles: PARTIES, note: 'the parties only' },
  { method: 'POST', path: `${ID}/appreciation`, roles: ['client'], note: 'its client' },
  { method: 'POST', path: `${ID}/recommendation`, roles: ['client'], note: 'its client' },
  {
    method: 'POST',
    path: `${ID}/payment-method`,
    roles: ['client'],
    note: 'its client, after a failed authorisation',
  },
];
