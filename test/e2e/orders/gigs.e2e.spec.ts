import { startTestApp, TestApp } from '../../support/test-app';
import { GIG_INPUT, Party, party, publishedGig } from './marketplace-fixtures';

describe('gigs: drafting, publishing within the 5-gig limit, pausing, archiving', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const draft = async (seller: Party, input: Record<string, unknown> = {}) => {
    const res = await t.request('POST', '/gigs', {
      token: seller.token,
      body: { ...GIG_INPUT, ...input },
    });
    expect(res.status).toBe(201);
    return res.body.gigId as string;
  };

  it('creates a draft whose VAT is derived from the TTC price, readable by its seller only until published', async () => {
    const seller = await party(t, 'provider');
    const gigId = await draft(seller);
    const own = await t.request('GET', `/gigs/${gigId}`, { token: seller.token });
    expect(own.body).toMatchObject({
      status: 'draft',
      statusLabel: 'Brouillon',
      details: { priceCents: 45_000, vatCents: 7_500 },
    });
    expect(own.body.details.extras[1]).toMatchObject({
      extraId: 'slides',
      priceCents: 2_501,
      vatCents: 417,
    });
    const buyer = await party(t, 'client');
    expect((await t.request('GET', `/gigs/${gigId}`, { token: buyer.token })).status).toBe(404);
    await t.request('POST', `/gigs/${gigId}/publish`, { token: seller.token });
    expect((await t.request('GET', `/gigs/${gigId}`, { token: buyer.token })).body).toMatchObject({
      status: 'published',
      statusLabel: 'Publié',
    });
  });

  it('edits only the given fields and refuses another seller', async () => {
    const seller = await party(t, 'provider');
    const gigId = await draft(seller);
    const edited = await t.request('PATCH', `/gigs/${gigId}`, {
      token: seller.token,
      body: { priceCents: 60_000 },
    });
    expect(edited.body).toMatchObject({ status: 'draft', revision: '1' });
    expect(
      (await t.request('GET', `/gigs/${gigId}`, { token: seller.token })).body.details,
    ).toMatchObject({ priceCents: 60_000, vatCents: 10_000, title: GIG_INPUT.title });
    const other = await party(t, 'provider');
    expect(
      (await t.request('PATCH', `/gigs/${gigId}`, { token: other.token, body: { title: 'Volé' } }))
        .body,
    ).toMatchObject({ status: 403, code: 'NOT_GIG_OWNER' });
  });

  it('answers bad input with 400 and a stable code, never a 500', async () => {
    const seller = await party(t, 'provider');
    const shape = await t.request('POST', '/gigs', {
      token: seller.token,
      body: { ...GIG_INPUT, priceCents: '12' },
    });
    expect(shape.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const rule = await t.request('POST', '/gigs', {
      token: seller.token,
      body: { ...GIG_INPUT, priceCents: 0 },
    });
    expect(rule.body).toMatchObject({ status: 400, code: 'GIG_INVALID_PRICE' });
    const kind = await t.request('POST', '/gigs', {
      token: seller.token,
      body: { ...GIG_INPUT, kind: 'webinar' },
    });
    expect(kind.status).toBe(400);
  });

  it('refuses publication while the seller has documents missing', async () => {
    const unverified = await party(t, 'provider', false);
    const gigId = await draft(unverified);
    const refused = await t.request('POST', `/gigs/${gigId}/publish`, { token: unverified.token });
    expect(refused.body).toMatchObject({ status: 403, code: 'PROVIDER_NOT_VERIFIED' });
    expect(refused.body.missingDocuments).toEqual(
      expect.arrayContaining(['kbis_or_cfe', 'rc_pro']),
    );
  });

  it('allows 5 published gigs per seller, and a paused or archived one frees its slot', async () => {
    const seller = await party(t, 'provider');
    const gigs = [];
    for (let i = 0; i < 5; i++) gigs.push(await publishedGig(t, seller, { title: `Offre ${i}` }));
    const sixth = await draft(seller);
    const refused = await t.request('POST', `/gigs/${sixth}/publish`, { token: seller.token });
    expect(refused.body).toMatchObject({
      status: 409,
      code: 'GIG_LIMIT_REACHED',
      currentStatus: 'draft',
      limit: 5,
      publishedGigCount: 5,
    });
    expect(
      (await t.request('POST', `/gigs/${gigs[0]}/pause`, { token: seller.token })).body,
    ).toMatchObject({ status: 'paused' });
    expect(
      (await t.request('POST', `/gigs/${sixth}/publish`, { token: seller.token })).status,
    ).toBe(200);
    const admin = await party(t, 'admin');
    expect(
      (await t.request('POST', `/gigs/${gigs[1]}/archive`, { token: admin.token })).body,
    ).toMatchObject({ status: 'archived' });
    expect(
      (await t.request('POST', `/gigs/${gigs[0]}/publish`, { token: seller.token })).status,
    ).toBe(200);
    const archivedAgain = await t.request('POST', `/gigs/${gigs[1]}/publish`, {
      token: seller.token,
    });
    expect(archivedAgain.body).toMatchObject({
      status: 409,
      code: 'GIG_ARCHIVED',
      currentStatus: 'archived',
    });
  });

  it('lets only one of several concurrent publishes take the last slot', async () => {
    const seller = await party(t, 'provider');
    for (let i = 0; i < 4; i++) await publishedGig(t, seller, { title: `Offre ${i}` });
    const drafts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => draft(seller, { title: `Course ${i}` })),
    );
    const answers = await Promise.all(
      drafts.map((gigId) => t.request('POST', `/gigs/${gigId}/publish`, { token: seller.token })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(
      expect.arrayContaining(['GIG_LIMIT_REACHED']),
    );
    const states = await Promise.all(
      drafts.map((gigId) => t.request('GET', `/gigs/${gigId}`, { token: seller.token })),
    );
    expect(states.filter((s) => s.body.status === 'published')).toHaveLength(1);
  });

  it('refuses gig routes to accounts without the provider role', async () => {
    const buyer = await party(t, 'client');
    expect(
      (await t.request('POST', '/gigs', { token: buyer.token, body: GIG_INPUT })).body,
    ).toMatchObject({ status: 403, code: 'ROLE_REQUIRED' });
    expect((await t.request('POST', '/gigs', { body: GIG_INPUT })).status).toBe(401);
  });
});
