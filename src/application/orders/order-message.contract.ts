import { maskContactDetails, OrderMessagePosted } from '../../domain/orders';

/**
 * Published contract: the text of an order message as one reader may read it. Its author and
 * staff read it as sent; anyone else reads the contact details found at posting masked.
 */
export function messageTextFor(
  data: OrderMessagePosted['data'],
  reader: { accountId: string; staff: boolean },
): string {
  const spans = data.contactDetails;
  if (spans.length === 0 || reader.staff || reader.accountId === data.authorId) return data.text;
  return maskContactDetails(data.text, spans);
}
