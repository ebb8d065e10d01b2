import { Cents, DomainEvent, EventVersions } from '../shared';

/** The buyer states a deadline either as a number of days or as a date. */
export type CustomDeadline = { kind: 'days'; days: number } | { kind: 'date'; date: string };

export type CustomRequestSubmitted = DomainEvent<
  'CustomRequestSubmitted',
  {
    customRequestId: string;
    buyerId: string;
    title: string;
    description: string;
    category: string;
    proposedPriceCents: Cents;
    deadline: CustomDeadline;
    submittedAt: string;
  }
>;

/** `expiresAt` is a fact: the worker that expires the invitation only acts on it. */
export type CustomRequestSellerInvited = DomainEvent<
  'CustomRequestSellerInvited',
  {
    customRequestId: string;
    sellerId: string;
    invitedBy: string;
    invitedAt: string;
    expiresAt: string;
  }
>;

/** The seller takes the request at the buyer's own price and deadline. */
export type CustomRequestAcceptedBySeller = DomainEvent<
  'CustomRequestAcceptedBySeller',
  {
    customRequestId: string;
    sellerId: string;
    priceCents: Cents;
    deliveryDays: number;
    offeredAt: string;
  }
>;

export type CustomRequestCounterOffered = DomainEvent<
  'CustomRequestCounterOffered',
  {
    customRequestId: string;
    sellerId: string;
    priceCents: Cents;
    deliveryDays: number;
    offeredAt: string;
  }
>;

export type CustomRequestInvitationExpired = DomainEvent<
  'CustomRequestInvitationExpired',
  { customRequestId: string; sellerId: string; expiresAt: string; expiredAt: string }
>;

/** The application then funds the escrow and places the order with these terms. */
export type CustomRequestConvertedToOrder = DomainEvent<
  'CustomRequestConvertedToOrder',
  {
    customRequestId: string;
    orderId: string;
    buyerId: string;
    sellerId: string;
    title: string;
    priceCents: Cents;
    deliveryDays: number;
    commissionRateBp: number;
    convertedAt: string;
  }
>;

export type CustomRequestCancelled = DomainEvent<
  'CustomRequestCancelled',
  { customRequestId: string; buyerId: string; cancelledAt: string }
>;

export type CustomRequestEvent =
  | CustomRequestSubmitted
  | CustomRequestSellerInvited
  | CustomRequestAcceptedBySeller
  | CustomRequestCounterOffered
  | CustomRequestInvitationExpired
  | CustomRequestConvertedToOrder
  | CustomRequestCancelled;

/** Stored schema version per event type; raise one only with an upcaster (docs/event-store.md). */
export const CUSTOM_REQUEST_EVENT_VERSIONS: EventVersions<CustomRequestEvent['type']> = {
  CustomRequestSubmitted: 1,
  CustomRequestSellerInvited: 1,
  CustomRequestAcceptedBySeller: 1,
  CustomRequestCounterOffered: 1,
  CustomRequestInvitationExpired: 1,
  CustomRequestConvertedToOrder: 1,
  CustomRequestCancelled: 1,
};

export const customRequestStreamName = (customRequestId: string): string =>
  `custom_request-${customRequestId}`;
