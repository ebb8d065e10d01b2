import { randomUUID } from 'node:crypto';
import { samplePng, uploadFile } from '../../support/files';
import { startTestApp, TestApp } from '../../support/test-app';
import { deliveredOrder } from '../disputes/dispute-fixtures';
import { GIG_INPUT, party, Party } from '../orders/marketplace-fixtures';

/** Who reads a file once a command attached it: each owning context's policy, 404 for anyone else. */
describe('Files: access follows where the file was attached', () => {
  let t: TestApp;
  let buyer: Party;
  let seller: Party;
  let outsider: Party;
  let mediator: Party;
  const canLink = async (fileId: string, who: Party) =>
    (await t.request('GET', `/files/${fileId}/link`, { token: who.token })).status;

  beforeAll(async () => {
    t = await startTestApp();
    [buyer, seller, outsider, mediator] = await Promise.all([
      party(t, 'client'),
      party(t, 'provider'),
      party(t, 'client'),
      party(t, 'mediator'),
    ]);
  });
  afterAll(() => t.close());

  it("shows a gig's gallery to anyone once published, and only to its seller before", async () => {
    const cover = await uploadFile(t, seller.token, 'gig_gallery', samplePng(), 'cover.png');
    const refused = await t.request('POST', '/gigs', {
      token: seller.token,
      body: {
        ...GIG_INPUT,
        description: `Réf. ${randomUUID()}`,
        galleryRefs: [cover, 'media/gigs/old.png'],
      },
    });
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([
      422,
      'FILE_NOT_FOUND',
      'galleryRefs.1',
    ]);

    const created = await t.request('POST', '/gigs', {
      token: seller.token,
      body: { ...GIG_INPUT, description: `Réf. ${randomUUID()}`, galleryRefs: [cover] },
    });
    expect(created.status).toBe(201);
    expect(await canLink(cover, outsider)).toBe(404);
    const published = await t.request('POST', `/gigs/${created.body.gigId}/publish`, {
      token: seller.token,
    });
    expect(published.status).toBe(200);
    expect(await canLink(cover, outsider)).toBe(200);

    // Taken out of the gallery, the image is its seller's only again.
    const edited = await t.request('PATCH', `/gigs/${created.body.gigId}`, {
      token: seller.token,
      body: { galleryRefs: [] },
    });
    expect(edited.status).toBe(200);
    expect(await canLink(cover, outsider)).toBe(404);
    expect(await canLink(cover, seller)).toBe(200);
  });

  it("shows dispute evidence to the dispute's parties and mediation staff, not to others", async () => {
    const { orderId } = await deliveredOrder(t, buyer, seller);
    const evidence = await uploadFile(
      t,
      buyer.token,
      'dispute_evidence',
      undefined,
      'commande.pdf',
    );
    const sellersFile = await uploadFile(t, seller.token, 'dispute_evidence');
    const notYours = await t.request('POST', `/orders/${orderId}/disputes`, {
      token: buyer.token,
      idempotencyKey: randomUUID(),
      body: {
        reason: 'not_as_described',
        statement: 'Le format manque.',
        evidenceRefs: [sellersFile],
      },
    });
    expect([notYours.status, notYours.body.code]).toEqual([422, 'FILE_NOT_FOUND']);
    const order = await t.request('GET', `/orders/${orderId}`, { token: buyer.token });
    expect(order.body.status).toBe('delivered');

    const opened = await t.request('POST', `/orders/${orderId}/disputes`, {
      token: buyer.token,
      idempotencyKey: randomUUID(),
      body: {
        reason: 'not_as_described',
        statement: 'Le format manque.',
        evidenceRefs: [evidence],
      },
    });
    expect(opened.status).toBe(201);
    expect([
      await canLink(evidence, seller),
      await canLink(evidence, mediator),
      await canLink(evidence, outsider),
    ]).toEqual([200, 200, 404]);

    const answer = await t.request('POST', `/disputes/${opened.body.disputeId}/statements`, {
      token: seller.token,
      body: { text: 'Le fichier était dans la livraison.', evidenceRefs: [sellersFile] },
    });
    expect(answer.status).toBe(200);
    expect([await canLink(sellersFile, buyer), await canLink(sellersFile, outsider)]).toEqual([
      200, 404,
    ]);
  });
});
