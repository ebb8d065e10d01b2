import { detectContactDetails } from './contact-details';
import { PostMessage } from './order.commands';
import { OrderErrorCode, invalid, refused } from './order.errors';
import { OrderEvent } from './order.events';
import { fileRefs, partyOf, placed, requiredId } from './order.guards';
import { OrderState, isTerminal } from './order.state';

export const ORDER_MESSAGE_MAX_LENGTH = 5_000;

/**
 * Parties keep talking while a dispute is open; the conversation closes with the order. Contact
 * details are detected here, once, so the other party and staff always see the same masking.
 */
export function postMessage({ data, meta }: PostMessage, state: OrderState): OrderEvent[] {
  const order = placed(state, data.orderId);
  partyOf(order, meta);
  if (isTerminal(order.status)) throw refused(OrderErrorCode.CONVERSATION_CLOSED, order);
  const messageId = requiredId(data.messageId, 'messageId');
  const refs = fileRefs(data.fileRefs);
  const text = typeof data.text === 'string' ? data.text.trim() : '';
  if (text.length === 0 && refs.length === 0) throw invalid(OrderErrorCode.MESSAGE_EMPTY, 'text');
  if (text.length > ORDER_MESSAGE_MAX_LENGTH) {
    throw invalid(OrderErrorCode.MESSAGE_TOO_LONG, 'text', { maxLength: ORDER_MESSAGE_MAX_LENGTH });
  }
  return [
    {
      type: 'OrderMessagePosted',
      data: {
        orderId: order.order.orderId,
        messageId,
        authorId: meta.actorId,
        text,
        fileRefs: refs,
        automatic: false,
        contactDetails: detectContactDetails(text),
        postedAt: meta.now,
      },
    },
  ];
}
