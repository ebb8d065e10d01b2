import { RouteRule } from './route-rule';

/** Partner associations (issue 18): the association's verification, staff partnerships, the public list. */
export const MATRIX: RouteRule[] = [
  {
    method: 'GET',
    path: '/me/association-verification',
    roles: ['association'],
    note: 'my association file',
  },
  {
    method: 'PUT',
    path: '/me/association-verification/registration',
    roles: ['association'],
    note: 'declare registration details',
  },
  {
    method: 'POST',
    path: '/me/association-verification/documents',
    roles: ['association'],
    note: 'statutes, declaration receipt',
  },
  {
    method: 'GET',
    path: '/admin/associations/{associationId}/verification',
    roles: ['mediator', 'admin'],
    note: 'staff read an association file',
  },
  {
    method: 'POST',
    path: '/admin/associations/{associationId}/partnership',
    roles: ['admin'],
    note: 'grant: verified associations only',
  },
  { method: 'DELETE', path: '/admin/associations/{associationId}/partnership', roles: ['admin'] },
  {
    method: 'GET',
    path: '/admin/associations',
    roles: ['admin', 'mediator'],
    note: 'with verification and partnership',
  },
  {
    method: 'GET',
    path: '/solidarity/associations',
    public: true,
    roles: [],
    note: 'the current partners',
  },
  { method: 'GET', path: '/solidarity/associations/{associationId}', public: true, roles: [] },
];
