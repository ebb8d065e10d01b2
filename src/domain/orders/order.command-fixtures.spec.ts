// Well-formed order commands for the specs; the `.spec.ts` suffix keeps them out of the build.
import { OrderCommand } from './order.commands';
import { as, catalogSource, ids, times } from './order.fixtures.spec';

const { orderId, escrowId, buyerId, sellerId, disputeId } = ids;

type CommandOf<T extends OrderCommand['type']> = Extract<OrderCommand, { type: T }>;

/** A well-formed command of each type, issued by the actor that may issue it. */
export const command = {
  place: (
    meta = as.buyer(),
    data: Partial<CommandOf<'PlaceOrder'>['data']> = {},
  ): OrderCommand => ({
    type: 'PlaceOrder',
    data: {
      orderId,
      escrowId,
      buyerId,
      sellerId,
      source: { ...catalogSource, openingMessage: 'Hello! Please send me your current plan.' },
      commissionRateBp: 1_000,
      messageId: 'message-opening',
      ...data,
    },
    meta,
  }),
  start: (
    meta = as.seller(),
    data: Partial<CommandOf<'StartOrder'>['data']> = {},
  ): OrderCommand => ({
    type: 'StartOrder',
    data: { orderId, sellerVerified: true, missingDocuments: [], ...data },
    meta,
  }),
  decline: (meta = as.seller()): OrderCommand => ({
    type: 'DeclineOrder',
    data: { orderId },
    meta,
  }),
  cancel: (meta = as.buyer()): OrderCommand => ({ type: 'CancelOrder', data: { orderId }, meta }),
  amendMark: (
    meta = as.seller(),
    data: Partial<CommandOf<'AmendCancellationMark'>['data']> = {},
  ): OrderCommand => ({
    type: 'AmendCancellationMark',
    data: { orderId, action: 'amend', comment: 'Cancelled politely, no harm done.', ...data },
    meta,
  }),
  requestCancellation: (meta = as.buyer(), reason = 'Plans changed'): OrderCommand => ({
    type: 'RequestCancellation',
    data: { orderId, reason },
    meta,
  }),
  acceptCancellation: (meta = as.seller()): OrderCommand => ({
    type: 'AcceptCancellation',
    data: { orderId },
    meta,
  }),
  declineCancellation: (meta = as.seller()): OrderCommand => ({
    type: 'DeclineCancellation',
    data: { orderId },
    meta,
  }),
  markLate: (meta = as.system(times.afterDue)): OrderCommand => ({
    type: 'MarkOrderLate',
    data: { orderId },
    meta,
  }),
  deliver: (
    meta = as.seller(),
    data: Partial<CommandOf<'DeliverOrder'>['data']> = {},
  ): OrderCommand => ({
    type: 'DeliverOrder',
    data: {
      orderId,
      deliveryId: 'delivery-2',
      message: 'New version',
      fileRefs: ['files/plan-v2.pdf'],
      ...data,
    },
    meta,
  }),
  requestRevision: (meta = as.buyer(), instructions = 'Shorter summary please'): OrderCommand => ({
    type: 'RequestRevision',
    data: { orderId, instructions },
    meta,
  }),
  accept: (meta = as.buyer()): OrderCommand => ({
    type: 'AcceptDelivery',
    data: { orderId },
    meta,
  }),
  autoAccept: (
    meta = as.system('2025-06-07T08:00:00.000Z'),
    autoCompleteAfterDays: number = 3,
  ): OrderCommand => ({
    type: 'AcceptDelivery',
    data: { orderId, auto: true, autoCompleteAfterDays },
    meta,
  }),
  post: (
    meta = as.buyer(),
    data: Partial<CommandOf<'PostMessage'>['data']> = {},
  ): OrderCommand => ({
    type: 'PostMessage',
    data: { orderId, messageId: 'message-9', text: 'Any news?', ...data },
    meta,
  }),
  review: (meta = as.buyer(), rating: number = 5, comment = 'Clear and fast'): OrderCommand => ({
    type: 'LeaveReview',
    data: { orderId, rating, comment },
    meta,
  }),
  contest: (
    meta = as.buyer(),
    data: Partial<CommandOf<'ContestOrder'>['data']> = {},
  ): OrderCommand => ({
    type: 'ContestOrder',
    data: { orderId, disputeId, reason: 'Not what was ordered', ...data },
    meta,
  }),
  withdraw: (meta = as.buyer(), id: string = disputeId): OrderCommand => ({
    type: 'WithdrawContest',
    data: { orderId, disputeId: id },
    meta,
  }),
  resolve: (
    meta = as.mediator(),
    data: Partial<CommandOf<'ResolveOrder'>['data']> = {},
  ): OrderCommand => ({
    type: 'ResolveOrder',
    data: {
      orderId,
      disputeId,
      refundedCents: 5_845,
      releasedCents: 10_000,
      commissionCents: 1_000,
      sellerNetCents: 9_000,
      ...data,
    },
    meta,
  }),
};
