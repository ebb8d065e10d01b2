import { NotFoundError } from '../shared';
import {
  AcceptCustomRequest,
  CounterOffer,
  ExpireInvitation,
  InviteSellers,
} from './custom-request.commands';
import { CustomRequestEvent } from './custom-request.events';
import {
  CustomRequestErrorCode as Code,
  customRequestForbidden,
  customRequestInvalid,
  customRequestNotFound,
  customRequestRefused,
  customRequestRuleBroken,
} from './custom-request.errors';
import {
  answerable,
  DAY_MS,
  days,
  id,
  lapsed,
  open,
  price,
  reached,
} from './custom-request.guards';
import { CustomRequestState } from './custom-request.state';

/**
 * Staff pick the sellers; an invitation still pending or answered is left alone, an expired one is
 * renewed.
 */
export function invite(
  { data, meta }: InviteSellers,
  state: CustomRequestState,
): CustomRequestEvent[] {
  if (meta.actorRole !== 'admin')
    throw customRequestForbidden(Code.ONLY_ADMIN, 'Only staff admins invite sellers');
  const request = open(state, data.customRequestId);
  if (!Array.isArray(data.sellerIds) || data.sellerIds.length === 0)
    throw customRequestInvalid(Code.NO_SELLERS, 'sellerIds');
  const sellerIds = [
    ...new Set(data.sellerIds.map((sellerId, index) => id(sellerId, `sellerIds[${index}]`))),
  ];
  if (sellerIds.includes(request.request.buyerId)) {
    throw customRequestRuleBroken(
      Code.CANNOT_INVITE_BUYER,
      'The buyer cannot be invited to their own request',
    );
  }
  const ttl = days(data.invitationTtlDays, 'invitationTtlDays', Code.INVALID_INVITATION_TTL);
  const expiresAt = new Date(Date.parse(meta.now) + ttl * DAY_MS).toISOString();
  return sellerIds
    .filter((sellerId) => {
      const invitation = request.invitations[sellerId];
      return !invitation || lapsed(invitation, meta.now);
    })
    .map((sellerId) => ({
      type: 'CustomRequestSellerInvited' as const,
      data: {
        customRequestId: request.request.customRequestId,
        sellerId,
        invitedBy: meta.actorId,
        invitedAt: meta.now,
        expiresAt,
      },
    }));
}

export function acceptRequest(
  { data, meta }: AcceptCustomRequest,
  state: CustomRequestState,
): CustomRequestEvent[] {
  const request = open(state, data.customRequestId);
  answerable(request, meta);
  const { deadline, proposedPriceCents, customRequestId } = request.request;
  // A dated deadline becomes whole days from the seller's answer, rounded up so the buyer's date is
  // kept.
  const deliveryDays =
    deadline.kind === 'days'
      ? deadline.days
      : Math.ceil((Date.parse(deadline.date) - Date.parse(meta.now)) / DAY_MS);
  if (deliveryDays < 1) {
    throw customRequestRuleBroken(
      Code.DEADLINE_PASSED,
      "The buyer's deadline has passed; make a counter-offer instead",
      {
        deadline: deadline.kind === 'date' ? deadline.date : null,
      },
    );
  }
  return [
    {
      type: 'CustomRequestAcceptedBySeller',
      data: {
        customRequestId,
        sellerId: meta.actorId,
        priceCents: proposedPriceCents,
        deliveryDays,
        offeredAt: meta.now,
      },
    },
  ];
}

export function counterOffer(
  { data, meta }: CounterOffer,
  state: CustomRequestState,
): CustomRequestEvent[] {
  const request = open(state, data.customRequestId);
  answerable(request, meta);
  return [
    {
      type: 'CustomRequestCounterOffered',
      data: {
        customRequestId: request.request.customRequestId,
        sellerId: meta.actorId,
        priceCents: price(data.priceCents, 'priceCents'),
        deliveryDays: days(data.deliveryDays, 'deliveryDays', Code.INVALID_DELIVERY_DAYS),
        offeredAt: meta.now,
      },
    },
  ];
}

/**
 * A stale or repeated job (request closed, invitation answered, renewed or already expired) records
 * nothing.
 */
export function expireInvitation(
  { data, meta }: ExpireInvitation,
  state: CustomRequestState,
): CustomRequestEvent[] {
  if (meta.actorRole !== 'system')
    throw customRequestForbidden(Code.ONLY_SYSTEM, 'Only the system expires invitations');
  if (state.status === 'none') throw customRequestNotFound(data.customRequestId);
  const invitation = state.invitations[data.sellerId];
  if (!invitation)
    throw new NotFoundError(Code.INVITATION_NOT_FOUND, 'No invitation for this seller', {
      sellerId: data.sellerId,
    });
  if (
    state.status !== 'open' ||
    invitation.status !== 'pending' ||
    invitation.expiresAt !== data.expiresAt
  )
    return [];
  if (!reached(meta.now, invitation.expiresAt)) {
    throw customRequestRefused(Code.INVITATION_NOT_EXPIRED, state, {
      expiresAt: invitation.expiresAt,
    });
  }
  return [
    {
      type: 'CustomRequestInvitationExpired',
      data: {
        customRequestId: state.request.customRequestId,
        sellerId: data.sellerId,
        expiresAt: invitation.expiresAt,
        expiredAt: meta.now,
      },
    },
  ];
}
