import { RouteRule } from './route-rule';

/** The R0 account of a tender project (issue 17, docs/tenders-r0.md). */
export const MATRIX: RouteRule[] = [
  {
    method: 'GET',
    path: '/projects/{projectId}/account',
    roles: ['client', 'provider'],
    note: 'the project’s client or its selected provider; 404 PROJECT_NOT_FOUND for anyone else',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/account/tranches',
    roles: ['client'],
    note: 'the project’s client only; 404 PROJECT_NOT_FOUND for anyone else',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/account/tranches/{trancheId}/release',
    roles: ['client'],
    note: 'the project’s client only',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/disputes',
    roles: ['client', 'provider'],
    note: 'the project’s client or its selected provider (SMA)',
  },
];
