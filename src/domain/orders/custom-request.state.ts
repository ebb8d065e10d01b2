import { Cents } from '../shared';
import { CustomDeadline, CustomRequestEvent } from './custom-request.events';

export type CustomRequestStatus = 'open' | 'converted' | 'cancelled';

export const CUSTOM_REQUEST_STATUS_LABELS: Readonly<Record<CustomRequestStatus, string>> = {
  open: 'Ouverte',
  converted: 'Convertie en commande',
  cancelled: 'Annulée',
};

export interface SellerOffer {
  priceCents: Cents;
  deliveryDays: number;
  atBuyerTerms: boolean;
}

export type Invitation =
  | { status: 'pending'; expiresAt: string }
  | { status: 'offered'; expiresAt: string; offer: SellerOffer }
  | { status: 'expired'; expiresAt: string };

export interface CustomRequestFacts {
  customRequestId: string;
  buyerId: string;
  title: string;
  proposedPriceCents: Cents;
  deadline: CustomDeadline;
}

interface RequestRecord {
  request: CustomRequestFacts;
  invitations: Record<string, Invitation>;
}

export type OpenCustomRequest = RequestRecord & { status: 'open' };

export type CustomRequestState =
  | { status: 'none' }
  | OpenCustomRequest
  | (RequestRecord & { status: 'cancelled' })
  | (RequestRecord & { status: 'converted'; orderId: string; sellerId: string });

export const initialCustomRequestState = (): CustomRequestState => ({ status: 'none' });

export function evolveCustomRequest(
  state: CustomRequestState,
  event: CustomRequestEvent,
): CustomRequestState {
  if (event.type === 'CustomRequestSubmitted') {
    if (state.status !== 'none') return state;
    const { customRequestId, buyerId, title, proposedPriceCents, deadline } = event.data;
    return {
      status: 'open',
      request: { customRequestId, buyerId, title, proposedPriceCents, deadline },
      invitations: {},
    };
  }
  // Only an open request changes; anything recorded after it closed is ignored.
  if (state.status !== 'open') return state;
  const { invitations } = state;
  const withInvitation = (sellerId: string, next: Invitation): CustomRequestState => ({
    ...state,
    invitations: { ...invitations, [sellerId]: next },
  });
  switch (event.type) {
    case 'CustomRequestSellerInvited':
      return withInvitation(event.data.sellerId, {
        status: 'pending',
        expiresAt: event.data.expiresAt,
      });
    case 'CustomRequestAcceptedBySeller':
    case 'CustomRequestCounterOffered': {
      const { sellerId, priceCents, deliveryDays } = event.data;
      const invitation = invitations[sellerId];
      if (!invitation) return state;
      const offer = {
        priceCents,
        deliveryDays,
        atBuyerTerms: event.type === 'CustomRequestAcceptedBySeller',
      };
      return withInvitation(sellerId, {
        status: 'offered',
        expiresAt: invitation.expiresAt,
        offer,
      });
    }
    case 'CustomRequestInvitationExpired': {
      const invitation = invitations[event.data.sellerId];
      if (invitation?.status !== 'pending') return state;
      return withInvitation(event.data.sellerId, {
        status: 'expired',
        expiresAt: invitation.expiresAt,
      });
    }
    case 'CustomRequestConvertedToOrder':
      return {
        status: 'converted',
        request: state.request,
        invitations,
        orderId: event.data.orderId,
        sellerId: event.data.sellerId,
      };
    case 'CustomRequestCancelled':
      return { status: 'cancelled', request: state.request, invitations };
    default:
      // Exhaustive at compile time, yet an unknown stored type leaves the state as is: evolve never
      // throws.
      event satisfies never;
      return state;
  }
}
