import { ANY_ROLE, RouteRule } from './route-rule';

const PARTIES: RouteRule['roles'] = ['client', 'provider'];
const MEDIATION: RouteRule['roles'] = ['mediator', 'admin'];

/** Disputes, mediation, arbitration and case history (issue 5). */
export const MATRIX: RouteRule[] = [
  {
    method: 'POST',
    path: '/orders/{orderId}/disputes',
    roles: PARTIES,
    note: "the order's buyer or seller; 404 ORDER_NOT_FOUND for anyone else",
  },
  {
    method: 'GET',
    path: '/disputes/{disputeId}',
    roles: ANY_ROLE,
    note: 'parties, mediation staff and finance; 404 for anyone else',
  },
  {
    method: 'POST',
    path: '/disputes/{disputeId}/statements',
    roles: PARTIES,
    note: 'the parties only (404 otherwise)',
  },
  {
    method: 'POST',
    path: '/disputes/{disputeId}/assign',
    roles: MEDIATION,
    note: 'a mediator takes it for themselves; only an admin assigns others',
  },
  {
    method: 'POST',
    path: '/disputes/{disputeId}/notes',
    roles: MEDIATION,
    note: 'internal notes, never shown to parties',
  },
  {
    method: 'POST',
    path: '/disputes/{disputeId}/settlements',
    roles: MEDIATION,
    note: 'the assigned mediator or an admin',
  },
  {
    method: 'POST',
    path: '/disputes/{disputeId}/settlements/{settlementId}/accept',
    roles: PARTIES,
    note: 'the parties only',
  },
  {
    method: 'POST',
    path: '/disputes/{disputeId}/settlements/{settlementId}/reject',
    roles: PARTIES,
    note: 'the parties only',
  },
  {
    method: 'POST',
    path: '/disputes/{disputeId}/withdraw',
    roles: PARTIES,
    note: 'its opener only (403 NOT_THE_OPENER)',
  },
  {
    method: 'POST',
    path: '/disputes/{disputeId}/decision',
    roles: MEDIATION,
    note: 'the assigned mediator or an admin',
  },
  {
    method: 'GET',
    path: '/cases/{caseId}/history',
    roles: ANY_ROLE,
    note: 'parties (no internal notes), mediation staff (everything), finance (no notes); 404 for anyone else',
  },
];
