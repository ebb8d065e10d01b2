import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../../support/test-app';
import { Party, party, placedOrder, publishedGig } from './marketplace-fixtures';

describe('orders: contact details in a message stay on the platform, through HTTP', () => {
  let t: TestApp;
  let seller: Party;
  let buyer: Party;
  let mediator: Party;
  let orderId: string;
  const text = 'Bonjour, appelez-moi au 06 12 34 56 78 pour en parler, budget 120 €';

  beforeAll(async () => {
    t = await startTestApp();
    seller = await party(t, 'provider');
    buyer = await party(t, 'client');
    mediator = await party(t, 'mediator');
    orderId = await placedOrder(t, buyer, await publishedGig(t, seller));
  });
  afterAll(async () => t.close());

  const conversation = async (who: Party) => {
    const res = await t.request('GET', `/orders/${orderId}/messages`, { token: who.token });
    expect(res.status).toBe(200);
    return res.body as Array<Record<string, unknown>>;
  };

  it('masks a phone number in a buyer’s message for the seller, shows it as sent to the buyer, flags it for staff and tells the buyer', async () => {
    const posted = await t.request('POST', `/orders/${orderId}/messages`, {
      token: buyer.token,
      body: { text },
      idempotencyKey: randomUUID(),
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      masked: true,
      reason: 'CONTACT_DETAILS',
      detected: ['phone'],
      notice: expect.stringContaining("masquées pour l'autre partie"),
    });
    const { messageId } = posted.body;

    const forSeller = (await conversation(seller)).find((m) => m.messageId === messageId);
    expect(forSeller).toMatchObject({
      authorId: buyer.id,
      text: 'Bonjour, appelez-moi au [masqué] pour en parler, budget 120 €',
      masked: true,
    });
    expect(forSeller).not.toHaveProperty('flag');

    const forBuyer = (await conversation(buyer)).find((m) => m.messageId === messageId);
    expect(forBuyer).toMatchObject({ text, masked: true });
    expect(forBuyer).not.toHaveProperty('flag');

    const forStaff = (await conversation(mediator)).find((m) => m.messageId === messageId);
    expect(forStaff).toMatchObject({
      text,
      masked: true,
      flag: {
        reason: 'CONTACT_DETAILS',
        detected: [{ kind: 'phone', value: '06 12 34 56 78', start: 24, end: 38 }],
      },
    });
  });

  it('keeps the case history consistent: the seller reads the message masked there too, the mediator as sent', async () => {
    const entryFor = async (who: Party) => {
      const res = await t.request('GET', `/cases/${orderId}/history`, { token: who.token });
      expect(res.status).toBe(200);
      return (res.body.timeline as Array<any>).find(
        (e) => e.type === 'OrderMessagePosted' && e.event.data.authorId === buyer.id,
      );
    };
    const seen = await entryFor(seller);
    expect(JSON.stringify(seen)).not.toContain('06 12 34 56 78');
    expect(seen.event.data.text).toContain('[masqué]');
    expect(seen.description).toContain('contact details masked for the other party: phone');
    expect((await entryFor(mediator)).event.data.text).toBe(text);
  });

  it('masks nothing in a message about prices and dates, and says so', async () => {
    const posted = await t.request('POST', `/orders/${orderId}/messages`, {
      token: seller.token,
      body: { text: 'Devis : 1 200,00 € livré le 12/06/2026, commande n° 48213' },
      idempotencyKey: randomUUID(),
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ masked: false });
    expect(posted.body).not.toHaveProperty('notice');
    const forBuyer = (await conversation(buyer)).find((m) => m.messageId === posted.body.messageId);
    expect(forBuyer).toMatchObject({
      text: 'Devis : 1 200,00 € livré le 12/06/2026, commande n° 48213',
      masked: false,
    });
  });

  it('reads a message stored before masking (version 1) as sent, unmasked, for the other party', async () => {
    const messageId = randomUUID();
    const stream = `order-${orderId}`;
    const data = {
      orderId,
      messageId,
      authorId: buyer.id,
      text: 'Ancien message : 06 98 76 54 32',
      fileRefs: [],
      automatic: false,
      postedAt: new Date().toISOString(),
    };
    await t.db.pool.query(
      `INSERT INTO es_events (stream_name, category, stream_revision, event_id, event_type, schema_version, data, metadata)
       SELECT $1, 'order', max(stream_revision) + 1, $2, 'OrderMessagePosted', 1, $3, $4
         FROM es_events WHERE stream_name = $1`,
      [stream, randomUUID(), data, { occurredAt: data.postedAt, actorId: buyer.id }],
    );
    const forSeller = (await conversation(seller)).find((m) => m.messageId === messageId);
    expect(forSeller).toEqual({
      messageId,
      authorId: buyer.id,
      text: 'Ancien message : 06 98 76 54 32',
      fileRefs: [],
      automatic: false,
      postedAt: data.postedAt,
      masked: false,
    });
  });
});
