import { RouteRule } from './route-rule';

/** Tenders, bids (issue 17): credits at work on a project, offers, the report and its messages. */
export const MATRIX: RouteRule[] = [
  {
    method: 'POST',
    path: '/projects/{projectId}/consultation',
    roles: ['provider'],
    note: 'spends "consultation"',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/offers',
    roles: ['provider'],
    note: 'spends "offre"',
  },
  {
    method: 'PUT',
    path: '/projects/{projectId}/offers/mine',
    roles: ['provider'],
    note: 'free edit',
  },
  { method: 'GET', path: '/projects/{projectId}/offers/mine', roles: ['provider'] },
  {
    method: 'GET',
    path: '/projects/{projectId}/offers',
    roles: ['client'],
    note: 'the project’s client only',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/questions',
    roles: ['provider'],
    note: 'needs "offre"',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/messages',
    roles: ['client', 'provider'],
    note: 'a provider needs "offre"',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/contact',
    roles: ['provider'],
    note: 'spends "contact direct"',
  },
  {
    method: 'GET',
    path: '/projects/{projectId}/report',
    roles: ['client', 'provider'],
    note: 'full after "consultation"',
  },
  { method: 'GET', path: '/me/project-offers', roles: ['provider'] },
];
