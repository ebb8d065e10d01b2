import { randomUUID } from 'node:crypto';
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

  const distinct = (i: number | string) => ({
    title: `Offre ${i}`,
    description: `${GIG_INPUT.description} Réf. ${randomUUID()}`,
  });

  it('allows 5 gigs per seller, drafts included; archiving one frees its slot, pausing does not', async () => {
    const seller = await party(t, 'provider');
    const gigs = [await publishedGig(t, seller, distinct(0))];
    for (let i = 1; i < 5; i++) gigs.push(await draft(seller, distinct(i)));
    const sixth = await t.request('POST', '/gigs', {
      token: seller.token,
      body: { ...GIG_INPUT, ...distinct(5) },
    });
    expect(sixth.headers['content-type']).toContain('application/problem+json');
    expect(sixth.body).toMatchObject({
      status: 409,
      code: 'GIG_LIMIT_REACHED',
      limit: 5,
      gigCount: 5,
    });
    await t.request('POST', `/gigs/${gigs[0]}/pause`, { token: seller.token });
    expect(
      (
        await t.request('POST', '/gigs', {
          token: seller.token,
          body: { ...GIG_INPUT, ...distinct(6) },
        })
      ).body,
    ).toMatchObject({ status: 409, code: 'GIG_LIMIT_REACHED' });
    expect(
      (await t.request('POST', `/gigs/${gigs[1]}/archive`, { token: seller.token })).body,
    ).toMatchObject({ status: 'archived' });
    await draft(seller, distinct(7));
    const archivedAgain = await t.request('POST', `/gigs/${gigs[1]}/publish`, {
      token: seller.token,
    });
    expect(archivedAgain.body).toMatchObject({ status: 409, code: 'GIG_ARCHIVED' });
  });

  it('lets only one of several concurrent creations take the last slot', async () => {
    const seller = await party(t, 'provider');
    for (let i = 0; i < 4; i++) await draft(seller, distinct(i));
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.request('POST', '/gigs', {
          token: seller.token,
          body: { ...GIG_INPUT, ...distinct(`c${i}`) },
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(new Set(answers.filter((a) => a.status !== 201).map((a) => a.body.code))).toEqual(
      new Set(['GIG_LIMIT_REACHED']),
    );
  });

  it('refuses a near-duplicate of the seller\u2019s own gig, naming it, and accepts a different one', async () => {
    const seller = await party(t, 'provider');
    const original = await draft(seller);
    // The catalog read model feeds the check: let it catch up with the first gig.
    await t.settle();
    const copy = await t.request('POST', '/gigs', {
      token: seller.token,
      body: {
        ...GIG_INPUT,
        title: 'Business plan complet !',
        description: 'Étude de marché et prévisionnel sur trois ans.',
      },
    });
    expect(copy.headers['content-type']).toContain('application/problem+json');
    expect(copy.body).toMatchObject({
      status: 409,
      code: 'GIG_NEAR_DUPLICATE',
      similarGig: { gigId: original, title: GIG_INPUT.title },
      threshold: 0.6,
    });
    expect(copy.body.similarity).toBeGreaterThanOrEqual(0.6);
    const other = await draft(seller, {
      title: 'Création de logo',
      description: 'Trois propositions de logo vectoriel et une charte graphique.',
    });
    // Another seller may offer the same gig.
    await draft(await party(t, 'provider'));
    await t.settle();
    const edit = await t.request('PATCH', `/gigs/${other}`, {
      token: seller.token,
      body: { title: GIG_INPUT.title, description: GIG_INPUT.description },
    });
    expect(edit.body).toMatchObject({
      status: 409,
      code: 'GIG_NEAR_DUPLICATE',
      similarGig: { gigId: original },
    });
  });

  it('refuses gig routes to accounts without the provider role', async () => {
    const buyer = await party(t, 'client');
    expect(
      (await t.request('POST', '/gigs', { token: buyer.token, body: GIG_INPUT })).body,
    ).toMatchObject({ status: 403, code: 'ROLE_REQUIRED' });
    expect((await t.request('POST', '/gigs', { body: GIG_INPUT })).status).toBe(401);
  });
});
