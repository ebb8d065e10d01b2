import type { AccountRole } from '../../../src/interfaces/http/auth/actor';
import { ANY_ROLE, RouteRule } from './route-rule';

const PARTIES: AccountRole[] = ['client', 'provider'];

/** Every marketplace route (gigs, orders, custom requests) and the roles its guard lets through. */
export const MATRIX: RouteRule[] = [
  { method: 'POST', path: '/gigs', roles: ['provider'] },
  {
    method: 'PATCH',
    path: '/gigs/{gigId}',
    roles: ['provider'],
    note: 'only the owning seller (403 NOT_GIG_OWNER)',
  },
  {
    method: 'POST',
    path: '/gigs/{gigId}/publish',
    roles: ['provider'],
    note: 'owner, verified, at most 5 published',
  },
  { method: 'POST', path: '/gigs/{gigId}/pause', roles: ['provider'] },
  {
    method: 'POST',
    path: '/gigs/{gigId}/archive',
    roles: ['provider', 'admin'],
    note: 'owner, or a staff admin taking it down',
  },
  {
    method: 'GET',
    path: '/gigs/{gigId}',
    roles: ANY_ROLE,
    note: 'drafts and archived gigs: owner and staff only (404 otherwise)',
  },

  { method: 'POST', path: '/orders', roles: ['client'] },
  {
    method: 'GET',
    path: '/orders/{orderId}',
    roles: ANY_ROLE,
    note: 'buyer, seller and staff; 404 for anyone else',
  },
  {
    method: 'GET',
    path: '/orders/{orderId}/funding',
    roles: ANY_ROLE,
    note: 'buyer, seller and staff of an order paid by transfer or PayPal; 404 for anyone else',
  },
  {
    method: 'GET',
    path: '/orders/{orderId}/messages',
    roles: ANY_ROLE,
    note: 'buyer, seller and staff; 404 for anyone else',
  },
  {
    method: 'GET',
    path: '/orders/{orderId}/escrow',
    roles: ANY_ROLE,
    note: 'buyer, seller and staff; 404 for anyone else',
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/start',
    roles: ['provider'],
    note: "the order's seller only",
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/decline',
    roles: ['provider'],
    note: "the order's seller only",
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/cancel',
    roles: ['client'],
    note: "the order's buyer only",
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/cancellation-requests',
    roles: PARTIES,
    note: 'either party of the order',
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/cancellation-requests/accept',
    roles: PARTIES,
    note: 'the party who did not ask',
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/cancellation-requests/decline',
    roles: PARTIES,
    note: 'the party who did not ask',
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/cancellation-mark/amendment',
    roles: PARTIES,
    note: 'the party not marked, once',
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/deliveries',
    roles: ['provider'],
    note: "the order's seller only",
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/revision-requests',
    roles: ['client'],
    note: "the order's buyer only",
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/accept',
    roles: ['client'],
    note: "the order's buyer only",
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/messages',
    roles: PARTIES,
    note: 'either party of the order',
  },
  {
    method: 'POST',
    path: '/orders/{orderId}/review',
    roles: ['client'],
    note: "the order's buyer only, once completed",
  },

  { method: 'POST', path: '/custom-requests', roles: ['client'] },
  {
    method: 'GET',
    path: '/custom-requests/{customRequestId}',
    roles: ANY_ROLE,
    note: 'buyer, invited sellers and staff; 404 for anyone else',
  },
  { method: 'POST', path: '/custom-requests/{customRequestId}/invitations', roles: ['admin'] },
  {
    method: 'POST',
    path: '/custom-requests/{customRequestId}/accept',
    roles: ['provider'],
    note: 'invited sellers only',
  },
  {
    method: 'POST',
    path: '/custom-requests/{customRequestId}/counter-offers',
    roles: ['provider'],
    note: 'invited sellers only',
  },
  {
    method: 'POST',
    path: '/custom-requests/{customRequestId}/offers/{sellerId}/accept',
    roles: ['client'],
    note: "the request's buyer only",
  },
  {
    method: 'POST',
    path: '/custom-requests/{customRequestId}/cancel',
    roles: ['client'],
    note: "the request's buyer only",
  },
];
