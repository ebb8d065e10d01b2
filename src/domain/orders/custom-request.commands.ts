import { Command } from '../shared';
import { CustomDeadline } from './custom-request.events';

export type SubmitCustomRequest = Command<
  'SubmitCustomRequest',
  {
    customRequestId: string;
    title: string;
    description: string;
    category: string;
    proposedPriceCents: number;
    deadline: CustomDeadline;
  }
>;
export type InviteSellers = Command<
  'InviteSellers',
  { customRequestId: string; sellerIds: string[]; invitationTtlDays: number }
>;
export type AcceptCustomRequest = Command<'AcceptCustomRequest', { customRequestId: string }>;
export type CounterOffer = Command<
  'CounterOffer',
  { customRequestId: string; priceCents: number; deliveryDays: number }
>;
export type AcceptOffer = Command<
  'AcceptOffer',
  { customRequestId: string; offerSellerId: string; orderId: string; commissionRateBp?: number }
>;
export type CancelCustomRequest = Command<'CancelCustomRequest', { customRequestId: string }>;
/**
 * Sent by the worker scheduled on the invitation; `expiresAt` identifies which invitation it was
 * scheduled for.
 */
export type ExpireInvitation = Command<
  'ExpireInvitation',
  { customRequestId: string; sellerId: string; expiresAt: string }
>;

export type CustomRequestCommand =
  | SubmitCustomRequest
  | InviteSellers
  | AcceptCustomRequest
  | CounterOffer
  | AcceptOffer
  | CancelCustomRequest
  | ExpireInvitation;
