import { assertNever } from '../shared';
import {
  AcceptOffer,
  CancelCustomRequest,
  CustomRequestCommand,
  SubmitCustomRequest,
} from './custom-request.commands';
import { CustomDeadline, CustomRequestEvent } from './custom-request.events';
import {
  CustomRequestErrorCode as Code,
  customRequestInvalid,
  customRequestRefused,
} from './custom-request.errors';
import {
  buyerOnly,
  CUSTOM_ORDER_COMMISSION_BP,
  CUSTOM_REQUEST_RULES,
  days,
  id,
  open,
  price,
  reached,
  text,
} from './custom-request.guards';
import {
  acceptRequest,
  counterOffer,
  expireInvitation,
  invite,
} from './custom-request.invitations';
import { CustomRequestState } from './custom-request.state';

function submit(
  { data, meta }: SubmitCustomRequest,
  state: CustomRequestState,
): CustomRequestEvent[] {
  if (state.status !== 'none') throw customRequestRefused(Code.ALREADY_EXISTS, state);
  const rules = CUSTOM_REQUEST_RULES;
  let deadline: CustomDeadline;
  if (data.deadline?.kind === 'days') {
    deadline = {
      kind: 'days',
      days: days(data.deadline.days, 'deadline.days', Code.INVALID_DEADLINE),
    };
  } else if (
    data.deadline?.kind === 'date' &&
    !Number.isNaN(Date.parse(data.deadline.date)) &&
    !reached(meta.now, data.deadline.date)
  ) {
    deadline = { kind: 'date', date: new Date(Date.parse(data.deadline.date)).toISOString() };
  } else {
    throw customRequestInvalid(Code.INVALID_DEADLINE, 'deadline', { value: data.deadline });
  }
  return [
    {
      type: 'CustomRequestSubmitted',
      data: {
        customRequestId: id(data.customRequestId, 'customRequestId'),
        buyerId: meta.actorId,
        title: text(data.title, 'title', Code.TITLE_REQUIRED, rules.titleMaxLength),
        description: text(
          data.description,
          'description',
          Code.DESCRIPTION_REQUIRED,
          rules.descriptionMaxLength,
        ),
        category: text(data.category, 'category', Code.CATEGORY_REQUIRED, rules.categoryMaxLength),
        proposedPriceCents: price(data.proposedPriceCents, 'proposedPriceCents'),
        deadline,
        submittedAt: meta.now,
      },
    },
  ];
}

function acceptOffer({ data, meta }: AcceptOffer, state: CustomRequestState): CustomRequestEvent[] {
  buyerOnly(state, meta);
  const request = open(state, data.customRequestId);
  const invitation = request.invitations[data.offerSellerId];
  if (invitation?.status !== 'offered') {
    throw customRequestRefused(Code.NO_OFFER_FROM_SELLER, request, {
      sellerId: data.offerSellerId,
    });
  }
  const rate = data.commissionRateBp ?? CUSTOM_ORDER_COMMISSION_BP;
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > 10_000) {
    throw customRequestInvalid(Code.INVALID_COMMISSION_RATE, 'commissionRateBp', { value: rate });
  }
  const { customRequestId, buyerId, title } = request.request;
  return [
    {
      type: 'CustomRequestConvertedToOrder',
      data: {
        customRequestId,
        orderId: id(data.orderId, 'orderId'),
        buyerId,
        sellerId: data.offerSellerId,
        title,
        priceCents: invitation.offer.priceCents,
        deliveryDays: invitation.offer.deliveryDays,
        commissionRateBp: rate,
        convertedAt: meta.now,
      },
    },
  ];
}

function cancel(
  { data, meta }: CancelCustomRequest,
  state: CustomRequestState,
): CustomRequestEvent[] {
  buyerOnly(state, meta);
  const request = open(state, data.customRequestId);
  return [
    {
      type: 'CustomRequestCancelled',
      data: {
        customRequestId: request.request.customRequestId,
        buyerId: meta.actorId,
        cancelledAt: meta.now,
      },
    },
  ];
}

export function decideCustomRequest(
  command: CustomRequestCommand,
  state: CustomRequestState,
): CustomRequestEvent[] {
  switch (command.type) {
    case 'SubmitCustomRequest':
      return submit(command, state);
    case 'InviteSellers':
      return invite(command, state);
    case 'AcceptCustomRequest':
      return acceptRequest(command, state);
    case 'CounterOffer':
      return counterOffer(command, state);
    case 'AcceptOffer':
      return acceptOffer(command, state);
    case 'CancelCustomRequest':
      return cancel(command, state);
    case 'ExpireInvitation':
      return expireInvitation(command, state);
    default:
      return assertNever(command);
  }
}
