import { command } from './order.command-fixtures.spec';
import { as, catalogSource, history, ids, spec, times } from './order.fixtures.spec';

const { orderId, buyerId, sellerId } = ids;
const now = times.now;

describe('Order messages: contact details stay on the platform', () => {
  it('records the phone number a buyer writes before the start, as sent, with where it is', () => {
    spec
      .given(history.awaiting_start)
      .when(command.post(as.buyer(), { text: 'Appelez-moi au 06 12 34 56 78 svp' }))
      .then([
        {
          type: 'OrderMessagePosted',
          data: {
            orderId,
            messageId: 'message-9',
            authorId: buyerId,
            text: 'Appelez-moi au 06 12 34 56 78 svp',
            fileRefs: [],
            automatic: false,
            contactDetails: [{ kind: 'phone', start: 15, end: 29 }],
            postedAt: now,
          },
        },
      ]);
  });

  it('records every detail a seller writes while the order is active, spans on the trimmed text', () => {
    spec
      .given(history.active)
      .when(command.post(as.seller(), { text: '  jean@mail.fr ou paypal.me/jean ' }))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({
          text: 'jean@mail.fr ou paypal.me/jean',
          contactDetails: [
            { kind: 'email', start: 0, end: 12 },
            { kind: 'payment_handle', start: 16, end: 30 },
          ],
        }),
      );
  });

  it('records no detail in a message about prices, dates and order numbers', () => {
    spec
      .given(history.delivered)
      .when(
        command.post(as.buyer(), {
          text: 'Commande 48213 : 120 € pour le 12/06/2025, merci',
        }),
      )
      .thenMatches(([event]) => expect(event.data).toMatchObject({ contactDetails: [] }));
  });

  it('detects contact details in the gig’s opening message too', () => {
    spec
      .given([])
      .when(
        command.place(as.buyer(), {
          source: { ...catalogSource, openingMessage: 'Écrivez-moi : jean@mail.fr' },
        }),
      )
      .thenMatches((events) =>
        expect(events[1].data).toMatchObject({
          authorId: sellerId,
          automatic: true,
          contactDetails: [{ kind: 'email', start: 14, end: 26 }],
        }),
      );
  });

  it('still refuses a message once the order is completed: the conversation is closed', () => {
    spec
      .given(history.completed)
      .when(command.post(as.buyer(), { text: '06 12 34 56 78' }))
      .thenThrows('ORDER_CONVERSATION_CLOSED');
  });
});
