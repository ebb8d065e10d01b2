import { Decider } from '../shared';
import { CustomRequestCommand } from './custom-request.commands';
import { decideCustomRequest } from './custom-request.decide';
import { CustomRequestEvent } from './custom-request.events';
import {
  CustomRequestState,
  evolveCustomRequest,
  initialCustomRequestState,
} from './custom-request.state';
import { OrderCommand } from './order.commands';
import { decide } from './order.decide';
import { OrderEvent } from './order.events';
import { evolve, initialState, OrderState } from './order.state';

export const orderDecider: Decider<OrderCommand, OrderState, OrderEvent> = {
  decide,
  evolve,
  initialState,
};

export const customRequestDecider: Decider<
  CustomRequestCommand,
  CustomRequestState,
  CustomRequestEvent
> = {
  decide: decideCustomRequest,
  evolve: evolveCustomRequest,
  initialState: initialCustomRequestState,
};

export * from './order.events';
export {
  ORDER_STATUS_LABELS,
  ORDER_STATUS_SUB_LABELS,
  TERMINAL_ORDER_STATUSES,
  isTerminal,
  orderStatusAfter,
} from './order.state';
export type {
  AwaitingFunds,
  OrderState,
  OrderStatus,
  PlacedOrder,
  OrderFacts,
  OrderProgress,
  OrderDispute,
  CancellationMark,
} from './order.state';
export type * from './order.commands';
export { OrderErrorCode, paymentExpired, placementAbandoned } from './order.errors';
export { REVIEW_COMMENT_MAX_LENGTH } from './order.decide';
export { ORDER_MESSAGE_MAX_LENGTH } from './order.messages';
export * from './custom-request.events';
export { CUSTOM_REQUEST_STATUS_LABELS } from './custom-request.state';
export type {
  CustomRequestState,
  CustomRequestStatus,
  Invitation,
  SellerOffer,
} from './custom-request.state';
export { CUSTOM_ORDER_COMMISSION_BP, CUSTOM_REQUEST_RULES } from './custom-request.guards';
export type {
  AcceptCustomRequest,
  AcceptOffer,
  CancelCustomRequest,
  CounterOffer,
  CustomRequestCommand,
  ExpireInvitation,
  InviteSellers,
  SubmitCustomRequest,
} from './custom-request.commands';
export { CustomRequestErrorCode } from './custom-request.errors';
export {
  CONTACT_DETAILS_MASK,
  CONTACT_DETAILS_NOTICE,
  CONTACT_DETAILS_REASON,
  detectContactDetails,
  maskContactDetails,
} from './contact-details';
export type { ContactDetailKind, ContactDetailSpan } from './contact-details';
