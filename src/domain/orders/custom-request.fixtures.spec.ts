// Given/when builders for the custom-request specs; the `.spec.ts` suffix keeps them out of the
// build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import { ActorRole } from '../shared';
import { CustomRequestCommand } from './custom-request.commands';
import {
  CustomDeadline,
  CustomRequestEvent,
  CustomRequestSubmitted,
} from './custom-request.events';
import { customRequestDecider } from './index';

export const spec = DeciderSpecification.for(customRequestDecider);
export const now = '2025-06-03T08:00:00.000Z';
export const customRequestId = 'request-1';
export const buyerId = 'buyer-1';
export const meta = (actorId: string, actorRole: ActorRole, at = now) => ({
  now: at,
  actorId,
  actorRole,
});
export const buyer = (at?: string) => meta(buyerId, 'client', at);
export const seller = (id = 'seller-1', at?: string) => meta(id, 'provider', at);
export const admin = (at?: string) => meta('admin-1', 'admin', at);
export const system = (at?: string) => meta('scheduler', 'system', at);

export const submitted: CustomRequestSubmitted = {
  type: 'CustomRequestSubmitted',
  data: {
    customRequestId,
    buyerId,
    title: 'Pitch deck',
    description: 'Ten slides for a seed round',
    category: 'marketing',
    proposedPriceCents: 50_000,
    deadline: { kind: 'days', days: 7 },
    submittedAt: '2025-06-01T08:00:00.000Z',
  },
};
export const invited = (
  sellerId = 'seller-1',
  expiresAt = '2025-06-05T08:00:00.000Z',
): CustomRequestEvent => ({
  type: 'CustomRequestSellerInvited',
  data: {
    customRequestId,
    sellerId,
    invitedBy: 'admin-1',
    invitedAt: '2025-06-02T08:00:00.000Z',
    expiresAt,
  },
});
export const countered = (
  sellerId = 'seller-1',
  priceCents = 65_000,
  deliveryDays = 10,
): CustomRequestEvent => ({
  type: 'CustomRequestCounterOffered',
  data: { customRequestId, sellerId, priceCents, deliveryDays, offeredAt: now },
});
export const expired = (sellerId = 'seller-1'): CustomRequestEvent => ({
  type: 'CustomRequestInvitationExpired',
  data: {
    customRequestId,
    sellerId,
    expiresAt: '2025-06-05T08:00:00.000Z',
    expiredAt: '2025-06-05T08:00:00.000Z',
  },
});
export const converted: CustomRequestEvent = {
  type: 'CustomRequestConvertedToOrder',
  data: {
    customRequestId,
    orderId: 'order-7',
    buyerId,
    sellerId: 'seller-1',
    title: 'Pitch deck',
    priceCents: 65_000,
    deliveryDays: 10,
    commissionRateBp: 2_000,
    convertedAt: now,
  },
};
export const cancelled: CustomRequestEvent = {
  type: 'CustomRequestCancelled',
  data: { customRequestId, buyerId, cancelledAt: now },
};

export const submit = (
  overrides: Record<string, unknown> = {},
  m = buyer(),
): CustomRequestCommand => ({
  type: 'SubmitCustomRequest',
  data: {
    customRequestId,
    title: ' Pitch deck ',
    description: 'Ten slides for a seed round',
    category: 'marketing',
    proposedPriceCents: 50_000,
    deadline: { kind: 'days', days: 7 } as CustomDeadline,
    ...overrides,
  },
  meta: m,
});
export const invite = (
  sellerIds: string[] = ['seller-1'],
  m = admin(),
  invitationTtlDays = 3,
): CustomRequestCommand => ({
  type: 'InviteSellers',
  data: { customRequestId, sellerIds, invitationTtlDays },
  meta: m,
});
export const acceptRequest = (m = seller()): CustomRequestCommand => ({
  type: 'AcceptCustomRequest',
  data: { customRequestId },
  meta: m,
});
export const counter = (
  m = seller(),
  priceCents = 65_000,
  deliveryDays = 10,
): CustomRequestCommand => ({
  type: 'CounterOffer',
  data: { customRequestId, priceCents, deliveryDays },
  meta: m,
});
export const acceptOffer = (
  offerSellerId = 'seller-1',
  m = buyer(),
  commissionRateBp?: number,
): CustomRequestCommand => ({
  type: 'AcceptOffer',
  data: {
    customRequestId,
    offerSellerId,
    orderId: 'order-7',
    ...(commissionRateBp === undefined ? {} : { commissionRateBp }),
  },
  meta: m,
});
export const cancel = (m = buyer()): CustomRequestCommand => ({
  type: 'CancelCustomRequest',
  data: { customRequestId },
  meta: m,
});
export const expire = (
  m = system('2025-06-05T08:00:00.000Z'),
  expiresAt = '2025-06-05T08:00:00.000Z',
  sellerId = 'seller-1',
): CustomRequestCommand => ({
  type: 'ExpireInvitation',
  data: { customRequestId, sellerId, expiresAt },
  meta: m,
});
