import { ANY_ROLE, RouteRule } from './route-rule';

/** Tenders, projects side: posting, the open list, selection, signature, revisions, finish. */
export const MATRIX: RouteRule[] = [
  { method: 'POST', path: '/projects', roles: ['client'] },
  {
    method: 'GET',
    path: '/projects',
    roles: ANY_ROLE,
    note: 'any signed-in account; a provider sees their credits spent and not their hidden projects',
  },
  {
    method: 'GET',
    path: '/projects/{projectId}',
    roles: ANY_ROLE,
    note: 'an open project’s brief; once off the list, its parties and staff only (else 404)',
  },
  { method: 'GET', path: '/me/projects', roles: ['client'], note: 'the caller’s own projects' },
  {
    method: 'POST',
    path: '/projects/{projectId}/withdraw',
    roles: ['client'],
    note: 'its client only: another client gets 404',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/selection',
    roles: ['client'],
    note: 'its client only: another client gets 404',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/terms/confirm',
    roles: ['provider'],
    note: 'the selected provider only: another provider gets 404',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/terms/decline',
    roles: ['provider'],
    note: 'the selected provider only: another provider gets 404',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/amount-revisions',
    roles: ['client', 'provider'],
    note: 'the two parties of a signed project only',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/amount-revisions/{revisionId}/accept',
    roles: ['client', 'provider'],
    note: 'the party who did not propose it',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/amount-revisions/{revisionId}/reject',
    roles: ['client', 'provider'],
    note: 'the party who did not propose it',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/finish',
    roles: ['client'],
    note: 'its client only',
  },
];
