import { Command } from '../shared';
import {
  CatalogOrderSource,
  CustomOrderSource,
  DeferredPaymentMethod,
  FundingInstructions,
} from './order.events';

/** The gig's terms as the buyer saw them, plus its opening message. */
export type CatalogSourceInput = CatalogOrderSource & { openingMessage?: string };

/** Issued by the application only once the escrow is funded. */
export type PlaceOrder = Command<
  'PlaceOrder',
  {
    orderId: string;
    escrowId: string;
    buyerId: string;
    sellerId: string;
    source: CatalogSourceInput | CustomOrderSource;
    commissionRateBp: number;
    /** Id for the automatic opening message; required when the gig has one. */
    messageId?: string;
  }
>;

/** The placement of an order paid by transfer or PayPal, once the gateway gave the payment's instructions. */
export type AwaitOrderFunds = Command<
  'AwaitOrderFunds',
  PlaceOrder['data'] & {
    paymentMethod: DeferredPaymentMethod;
    paymentRef: string;
    instructions: FundingInstructions;
    fundsDueAt: string;
  }
>;

/** The system closes an order whose funds did not arrive by their deadline. */
export type ExpireOrderFunds = Command<'ExpireOrderFunds', { orderId: string }>;

/**
 * `sellerVerified` comes from the identity context: an unverified provider cannot take on new work.
 */
export type StartOrder = Command<
  'StartOrder',
  { orderId: string; sellerVerified: boolean; missingDocuments: string[] }
>;
export type DeclineOrder = Command<'DeclineOrder', { orderId: string }>;
export type CancelOrder = Command<'CancelOrder', { orderId: string }>;
export type RequestCancellation = Command<
  'RequestCancellation',
  { orderId: string; reason: string }
>;
export type AcceptCancellation = Command<'AcceptCancellation', { orderId: string }>;
export type DeclineCancellation = Command<'DeclineCancellation', { orderId: string }>;
/**
 * The party who did not cancel answers the mark on the other's profile, once: a new comment (and
 * optionally a rating from 1 to 5), or withdrawing the mark.
 */
export type AmendCancellationMark = Command<
  'AmendCancellationMark',
  { orderId: string; action: 'amend' | 'withdraw'; comment?: string; rating?: number | null }
>;
export type MarkOrderLate = Command<'MarkOrderLate', { orderId: string }>;
export type DeliverOrder = Command<
  'DeliverOrder',
  { orderId: string; deliveryId: string; message: string; fileRefs: string[] }
>;
export type RequestRevision = Command<'RequestRevision', { orderId: string; instructions: string }>;
/**
 * The buyer accepts; or the system does (`auto: true`) once `autoCompleteAfterDays` have passed
 * since the last delivery.
 */
export type AcceptDelivery = Command<
  'AcceptDelivery',
  { orderId: string; auto?: boolean; autoCompleteAfterDays?: number }
>;
export type PostMessage = Command<
  'PostMessage',
  { orderId: string; messageId: string; text: string; fileRefs?: string[] }
>;
export type LeaveReview = Command<
  'LeaveReview',
  { orderId: string; rating: number; comment: string }
>;
export type ContestOrder = Command<
  'ContestOrder',
  { orderId: string; disputeId: string; reason: string }
>;
export type WithdrawContest = Command<'WithdrawContest', { orderId: string; disputeId: string }>;
/** The dispute context computes the split; the order records it. */
export type ResolveOrder = Command<
  'ResolveOrder',
  {
    orderId: string;
    disputeId: string;
    refundedCents: number;
    releasedCents: number;
    commissionCents: number;
    sellerNetCents: number;
  }
>;

/** Sent by the placement check when an escrow was funded for an order that never came. */
export type AbandonPlacement = Command<
  'AbandonPlacement',
  { orderId: string; escrowId: string; buyerId: string; refundCents: number }
>;

export type OrderCommand =
  | PlaceOrder
  | AwaitOrderFunds
  | ExpireOrderFunds
  | AbandonPlacement
  | StartOrder
  | DeclineOrder
  | CancelOrder
  | RequestCancellation
  | AcceptCancellation
  | DeclineCancellation
  | AmendCancellationMark
  | MarkOrderLate
  | DeliverOrder
  | RequestRevision
  | AcceptDelivery
  | PostMessage
  | LeaveReview
  | ContestOrder
  | WithdrawContest
  | ResolveOrder;
