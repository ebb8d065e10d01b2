import { RouteRule } from './route-rule';

/** Certification and project reviews (issue 17, docs/tenders-certification.md). */
export const MATRIX: RouteRule[] = [
  { method: 'GET', path: '/me/certification', roles: ['provider'], note: 'my certification' },
  {
    method: 'POST',
    path: '/me/certification/references',
    roles: ['provider'],
    note: 'e-mails the reference a link',
  },
  {
    method: 'POST',
    path: '/me/certification/references/{referenceId}/resend',
    roles: ['provider'],
  },
  {
    method: 'GET',
    path: '/certification-references/{token}',
    public: true,
    roles: [],
    note: 'the reference opens the link',
  },
  {
    method: 'POST',
    path: '/certification-references/{token}',
    public: true,
    roles: [],
    note: 'the reference confirms or declines',
  },
  { method: 'GET', path: '/staff/certification/references', roles: ['admin'], note: 'the SCP' },
  {
    method: 'POST',
    path: '/staff/certification/references/{referenceId}/approve',
    roles: ['admin'],
  },
  {
    method: 'POST',
    path: '/staff/certification/references/{referenceId}/refuse',
    roles: ['admin'],
  },
  {
    method: 'POST',
    path: '/staff/certification/providers/{providerId}/withdraw',
    roles: ['admin'],
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/reviews',
    roles: ['client', 'provider'],
    note: 'parties of a finished project, once each',
  },
  {
    method: 'GET',
    path: '/projects/{projectId}/reviews',
    roles: ['client', 'provider', 'admin', 'mediator'],
  },
  { method: 'GET', path: '/providers/{providerId}/project-reviews', public: true, roles: [] },
];
