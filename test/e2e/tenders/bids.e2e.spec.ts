import { Notifications } from '../../../src/application/notifications/notifications.port';
import { CREDIT_SPENDING, CreditSpending } from '../../../src/application/plans/credits.port';
import { uploadFile } from '../../support/files';
import { startTestApp, TestApp } from '../../support/test-app';
import { Account, grantCredits, postedProject, registered, selectProvider } from './bids-fixtures';

const OFFER = {
  amountCents: 250_000,
  delayDays: 21,
  message: 'Je réalise votre site vitrine en 3 semaines, maquettes comprises.',
};

/**
 * Issue 17 point 2 and 9 (seed 003, Étape 1): credits at work on a project, through the real app.
 * Projects are appended to their stream directly; credits are staff bonuses.
 */
describe('tenders: consult, bid, ask, message, contact (real app, Postgres)', () => {
  let t: TestApp;
  let spending: CreditSpending;
  let client: Account & { email: string; displayName: string };
  let alice: Account; // consults, bids, asks, contacts
  let bob: Account; // bids without consulting
  let carol: Account; // no credits at all
  let projectId: string;

  beforeAll(async () => {
    t = await startTestApp();
    spending = t.app.get<CreditSpending>(CREDIT_SPENDING);
    client = await registered(t, 'client', {
      displayName: 'Camille Martin',
      phone: '06 71 42 93 58',
    });
    alice = await registered(t, 'provider');
    bob = await registered(t, 'provider');
    carol = await registered(t, 'provider');
    await grantCredits(t, alice.id, { consultation: 2, offer: 2, direct_contact: 1 });
    await grantCredits(t, bob.id, { offer: 1 });
    projectId = (await postedProject(t, client.id)).projectId;
  });
  afterAll(async () => t.close());

  const url = (path: string) => `/projects/${projectId}${path}`;
  const balance = (who: Account) => spending.balance(who.id);

  it('a consultation spends one credit once and opens the full report', async () => {
    const first = await t.request('POST', url('/consultation'), { token: alice.token });
    expect(first.status).toBe(200);
    expect(first.body.spentNow).toBe(true);
    expect(first.body.report).toMatchObject({
      access: 'full',
      status: 'open',
      statusLabel: "En attente d'offres",
      brief: { title: 'Site vitrine pour une boulangerie', budgetMaxCents: 400_000 },
      myCredits: { consultation: true, offer: false, direct_contact: false },
    });
    const again = await t.request('POST', url('/consultation'), { token: alice.token });
    expect(again.status).toBe(200);
    expect(again.body.spentNow).toBe(false);
    expect((await balance(alice)).consultation).toBe(1);
  });

  it('an offer spends the "offre" credit once; a repeat is free; a different second offer is refused', async () => {
    const made = await t.request('POST', url('/offers'), { token: alice.token, body: OFFER });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      created: true,
      spentNow: true,
      offer: { ...OFFER, readByClient: false },
    });
    const replay = await t.request('POST', url('/offers'), { token: alice.token, body: OFFER });
    expect(replay.status).toBe(201);
    expect(replay.body).toMatchObject({ created: false, spentNow: false });
    const other = await t.request('POST', url('/offers'), {
      token: alice.token,
      body: { ...OFFER, amountCents: 1 },
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('OFFER_ALREADY_MADE');
    expect((await balance(alice)).offer).toBe(1);
  });

  it('needs no consultation first, and nothing is given without a credit', async () => {
    const bobs = await t.request('POST', url('/offers'), {
      token: bob.token,
      body: { ...OFFER, amountCents: 300_000 },
    });
    expect(bobs.status).toBe(201);
    const broke = await t.request('POST', url('/offers'), { token: carol.token, body: OFFER });
    expect(broke.status).toBe(409);
    expect(broke.body.code).toBe('INSUFFICIENT_CREDITS');
    const none = await t.request('GET', url('/offers/mine'), { token: carol.token });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('OFFER_NOT_FOUND');
    const invalid = await t.request('POST', url('/offers'), {
      token: carol.token,
      body: { ...OFFER, message: 'court' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('OFFER_INVALID_MESSAGE');
  });

  it('a refused question spends no credit', async () => {
    const dan = await registered(t, 'provider');
    await grantCredits(t, dan.id, { offer: 1 });
    const blank = await t.request('POST', url('/questions'), {
      token: dan.token,
      body: { text: '   ' },
    });
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe('REPORT_INVALID_TEXT');
    expect((await balance(dan)).offer).toBe(1);
    expect(await spending.hasSpent(dan.id, 'offer', { type: 'project', id: projectId })).toBe(
      false,
    );
  });

  it('the client reading the offers gives each a read receipt; an edit makes it unread again', async () => {
    await t.settle();
    const offers = await t.request('GET', url('/offers'), { token: client.token });
    expect(offers.status).toBe(200);
    expect(offers.body.items).toHaveLength(2);
    expect(offers.body.items.every((o: { readByClient: boolean }) => o.readByClient)).toBe(true);
    const mine = await t.request('GET', url('/offers/mine'), { token: alice.token });
    expect(mine.body).toMatchObject({ readByClient: true });
    expect(mine.body.readAt).toEqual(expect.any(String));

    const edited = await t.request('PUT', url('/offers/mine'), {
      token: alice.token,
      body: { ...OFFER, amountCents: 220_000 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ amountCents: 220_000, readByClient: false });
    expect((await balance(alice)).offer).toBe(1);
    await t.settle();
    const report = await t.request('GET', url('/report'), { token: client.token });
    expect(report.body.access).toBe('client');
    const again = await t.request('GET', url('/offers/mine'), { token: alice.token });
    expect(again.body).toMatchObject({ amountCents: 220_000, readByClient: true });
  });

  it('another client sees nothing of the project', async () => {
    const stranger = await registered(t, 'client');
    expect((await t.request('GET', url('/report'), { token: stranger.token })).status).toBe(404);
    expect((await t.request('GET', url('/offers'), { token: stranger.token })).status).toBe(404);
  });

  it('a question is covered by the offer credit; messages carry files; who reads what', async () => {
    const question = await t.request('POST', url('/questions'), {
      token: alice.token,
      body: { text: 'Le cahier des charges inclut-il la version anglaise ?' },
    });
    expect(question.status).toBe(201);
    expect(question.body).toMatchObject({
      kind: 'question',
      authorRole: 'provider',
      spentNow: false,
    });
    expect((await balance(alice)).offer).toBe(1);

    const carolMessage = await t.request('POST', url('/messages'), {
      token: carol.token,
      body: { text: 'Bonjour' },
    });
    expect(carolMessage.status).toBe(403);
    expect(carolMessage.body.code).toBe('OFFER_CREDIT_REQUIRED');

    const fileId = await uploadFile(t, bob.token, 'message_attachment');
    const bobMessage = await t.request('POST', url('/messages'), {
      token: bob.token,
      body: { text: 'Voici mes références.', fileIds: [fileId] },
      idempotencyKey: 'bob-1',
    });
    expect(bobMessage.status).toBe(201);
    expect(bobMessage.body.fileIds).toEqual([fileId]);
    const notMine = await t.request('POST', url('/messages'), {
      token: alice.token,
      body: { text: 'Avec le fichier de Bob', fileIds: [fileId] },
    });
    expect(notMine.status).toBe(422);
    expect(notMine.body.code).toBe('FILE_NOT_FOUND');
    const answer = await t.request('POST', url('/messages'), {
      token: client.token,
      body: { text: 'Oui, la version anglaise est prévue.' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.authorRole).toBe('client');

    await t.settle();
    const full = await t.request('GET', url('/report'), { token: alice.token });
    expect(full.body.access).toBe('full');
    expect(full.body.offers).toHaveLength(2);
    expect(full.body.messages.map((m: { text: string }) => m.text)).toEqual([
      'Le cahier des charges inclut-il la version anglaise ?',
      'Voici mes références.',
      'Oui, la version anglaise est prévue.',
    ]);
    const own = await t.request('GET', url('/report'), { token: bob.token });
    expect(own.body.access).toBe('own');
    expect(own.body.offers.map((o: { providerId: string }) => o.providerId)).toEqual([bob.id]);
    expect(own.body.messages.map((m: { authorId: string }) => m.authorId)).toEqual([bob.id]);

    const link = (who: Account) => t.request('GET', `/files/${fileId}/link`, { token: who.token });
    expect((await link(alice)).status).toBe(200);
    expect((await link(client)).status).toBe(200);
    expect((await link(carol)).status).not.toBe(200);
  });

  it('contact direct answers the client’s details read from identity, until the account is erased', async () => {
    const contact = await t.request('POST', url('/contact'), { token: alice.token });
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({
      clientId: client.id,
      name: 'Camille Martin',
      email: client.email,
      phone: expect.stringContaining('71'),
      spentNow: true,
    });
    expect((await balance(alice)).direct_contact).toBe(0);
    const admin = await t.tokenFor({ roles: ['admin'] });
    const erased = await t.request('POST', `/admin/accounts/${client.id}/erasure`, {
      token: admin,
      body: { reason: 'gdpr_request' },
    });
    expect(erased.status).toBe(200);
    const gone = await t.request('POST', url('/contact'), { token: alice.token });
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('CLIENT_CONTACT_ERASED');
    expect(gone.text).not.toContain('Camille');
  });

  it('on a selection the winner is told to confirm, the others that they lost, with advice', async () => {
    const p = await postedProject(t, (await registered(t, 'client')).id);
    const winner = await registered(t, 'provider');
    const loser = await registered(t, 'provider');
    for (const who of [winner, loser]) {
      await grantCredits(t, who.id, { offer: 1 });
      const made = await t.request('POST', `/projects/${p.projectId}/offers`, {
        token: who.token,
        body: OFFER,
      });
      expect(made.status).toBe(201);
    }
    const offerId = (
      await t.request('GET', `/projects/${p.projectId}/offers/mine`, { token: winner.token })
    ).body.offerId;
    await selectProvider(t, p, winner.id, offerId, {
      amountCents: 250_000,
      delayDays: 21,
      formula: 'base',
      feePayer: 'client',
    });
    await t.settle();
    const notifications = t.app.get(Notifications);
    const lost = await notifications.list({
      template: 'tenders.offer_lost',
      recipientAccountId: loser.id,
      limit: 5,
    });
    expect(lost).toHaveLength(1);
    expect((lost[0].data.recommendations as string[]).length).toBeGreaterThanOrEqual(3);
    const won = await notifications.list({
      template: 'tenders.offer_won',
      recipientAccountId: winner.id,
      limit: 5,
    });
    expect(won).toHaveLength(1);
    expect(
      await notifications.list({
        template: 'tenders.offer_lost',
        recipientAccountId: winner.id,
        limit: 5,
      }),
    ).toHaveLength(0);

    const report = await t.request('GET', `/projects/${p.projectId}/report`, {
      token: winner.token,
    });
    expect(report.body.status).toBe('selected');
    expect(report.body.selection).toMatchObject({
      providerId: winner.id,
      notice: expect.stringContaining('remporté'),
    });
    const late = await t.request('PUT', `/projects/${p.projectId}/offers/mine`, {
      token: loser.token,
      body: OFFER,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PROJECT_NOT_OPEN');

    const mine = await t.request('GET', '/me/project-offers', { token: winner.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items[0]).toMatchObject({
      projectId: p.projectId,
      projectStatus: 'selected',
      selected: true,
    });
  });
});
