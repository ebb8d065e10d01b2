import { randomUUID } from 'node:crypto';
import { CREDIT_SPENDING, CreditSpending } from '../../../src/application/plans/credits.port';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { projectEscrowId, projectOfferId } from '../../../src/application/tenders/tender-ids';
import { creditsStream } from '../../../src/domain/plans';
import { projectOfferStream, tenderPrefsStream } from '../../../src/domain/tenders';
import { IdentityTestApp, startIdentityTestApp } from '../identity/identity-test-app';
import { uploadFile } from '../../support/files';

const DAY = 86_400_000;

/**
 * Issue 17, projects: a client posts projects, providers browse "projets disponibles" with every
 * filter (their hidden projects left out, their credits spent shown), the client selects a provider
 * who offered (two racing selections: one winner), the winner confirms or declines, the amount is
 * revised down after signature with the fees recomputed, and the client finishes the project.
 * Offers, credits spent and hidden projects are other helpers' streams: appended here directly.
 */
describe('tender projects (HTTP)', () => {
  let t: IdentityTestApp;
  let store: EventStore;
  let clientId: string;
  let client: string;
  let otherClient: string;
  const providers: { id: string; token: string }[] = [];
  const post = (url: string, token: string, body: object = {}, idempotencyKey?: string) =>
    t.request('POST', url, { token, body, idempotencyKey });
  const get = (url: string, token: string) => t.request('GET', url, { token });
  const day = (offsetDays: number) =>
    new Date(t.clock.now().getTime() + offsetDays * DAY).toISOString().slice(0, 10);

  const brief = (over: Record<string, unknown> = {}) => ({
    title: 'Refonte du site vitrine',
    description: 'Un site de cinq pages responsive, avec formulaire de contact et blog.',
    category: 'web-development',
    budgetMinCents: 100_000,
    budgetMaxCents: 300_000,
    wishedDeadline: day(30),
    ...over,
  });

  async function postProject(over: Record<string, unknown> = {}, token = client): Promise<string> {
    const answer = await post('/projects', token, brief(over));
    expect(answer.status).toBe(201);
    return answer.body.projectId as string;
  }

  async function offer(projectId: string, providerId: string, amountCents = 200_000) {
    const offerId = projectOfferId(projectId, providerId);
    await store.appendToStream(projectOfferStream(offerId), [
      {
        id: randomUUID(),
        type: 'ProjectOfferMade',
        data: {
          offerId,
          projectId,
          providerId,
          amountCents,
          delayDays: 21,
          message: 'Je peux réaliser ce projet.',
          madeAt: t.clock.now().toISOString(),
        },
      },
    ]);
  }

  async function spend(providerId: string, projectId: string, kind: string) {
    await store.appendToStream(creditsStream(providerId), [
      {
        id: randomUUID(),
        type: 'CreditSpent',
        data: {
          accountId: providerId,
          spendId: randomUUID(),
          kind,
          amount: 1,
          subject: { type: 'project', id: projectId },
          spentAt: t.clock.now().toISOString(),
        },
      },
    ]);
  }

  async function hide(providerId: string, projectId: string, hidden = true) {
    const at = t.clock.now().toISOString();
    await store.appendToStream(tenderPrefsStream(providerId), [
      {
        id: randomUUID(),
        type: hidden ? 'ProjectHiddenByProvider' : 'ProjectShownAgainByProvider',
        data: hidden
          ? { providerId, projectId, hiddenAt: at }
          : { providerId, projectId, shownAt: at },
      },
    ]);
  }

  const ids = (body: { items: { projectId: string }[] }) => body.items.map((i) => i.projectId);

  beforeAll(async () => {
    t = await startIdentityTestApp();
    store = t.app.get(EVENT_STORE);
    clientId = randomUUID();
    client = await t.tokenFor({ accountId: clientId, roles: ['client'] });
    otherClient = await t.tokenFor({ roles: ['client'] });
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      providers.push({ id, token: await t.tokenFor({ accountId: id, roles: ['provider'] }) });
    }
  });
  afterAll(async () => t?.close());

  it('posts a project with its specification attached, once per Idempotency-Key, and opens it by id', async () => {
    const fileId = await uploadFile(t, client, 'project_attachment');
    const key = randomUUID();
    const first = await post('/projects', client, brief({ attachmentFileIds: [fileId] }), key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'open', statusLabel: "En attente d'offres" });
    const again = await post('/projects', client, brief({ attachmentFileIds: [fileId] }), key);
    expect(again.body.projectId).toBe(first.body.projectId);
    await t.settle();
    const [provider] = providers;
    const opened = await get(`/projects/${first.body.projectId}`, provider.token);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      title: 'Refonte du site vitrine',
      categoryLabel: 'Développement web',
      attachmentCount: 1,
      creditsSpent: { consultation: false, offer: false, directContact: false },
    });
    const mine = await get('/me/projects', client);
    expect(
      mine.body.items.filter((p: { projectId: string }) => p.projectId === first.body.projectId),
    ).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      attachmentFileIds: [fileId],
      terms: null,
      fees: null,
    });
  });

  it('refuses bad input with problem+json and a stable code, and files that are not the client’s', async () => {
    for (const [over, status, code] of [
      [{ title: 'Site' }, 400, 'PROJECT_TITLE_INVALID'],
      [{ description: 'Trop court' }, 400, 'PROJECT_DESCRIPTION_INVALID'],
      [{ category: 'cuisine' }, 400, 'PROJECT_CATEGORY_UNKNOWN'],
      [{ budgetMinCents: 400_000 }, 400, 'PROJECT_BUDGET_INVALID'],
      [{ budgetMinCents: 0 }, 400, 'PROJECT_BUDGET_INVALID'],
      [{ wishedDeadline: '31/12/2026' }, 400, 'PROJECT_DEADLINE_INVALID'],
      [{ wishedDeadline: day(0) }, 422, 'PROJECT_DEADLINE_PAST'],
      [
        { attachmentFileIds: Array.from({ length: 11 }, () => randomUUID()) },
        400,
        'PROJECT_TOO_MANY_ATTACHMENTS',
      ],
      [{ attachmentFileIds: [randomUUID()] }, 422, 'FILE_NOT_FOUND'],
      [{ budgetMinCents: 'beaucoup' }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const refused = await post('/projects', client, brief(over));
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status, code });
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const othersFile = await uploadFile(t, otherClient, 'project_attachment');
    const stolen = await post('/projects', client, brief({ attachmentFileIds: [othersFile] }));
    expect(stolen.body.code).toBe('FILE_NOT_FOUND');
    const wrongPurpose = await uploadFile(t, client, 'deliverable');
    expect(
      (await post('/projects', client, brief({ attachmentFileIds: [wrongPurpose] }))).body.code,
    ).toBe('FILE_PURPOSE_MISMATCH');
    expect((await post('/projects', providers[0].token, brief())).status).toBe(403);
    expect((await get('/projects/not-a-uuid', client)).body.code).toBe('INVALID_ID');
    expect((await get(`/projects/${randomUUID()}`, client)).body.code).toBe('PROJECT_NOT_FOUND');
  });

  it('lists open projects with each filter, newest first, paginated; hidden ones left out and credits spent shown', async () => {
    const token = randomUUID().slice(0, 8);
    const old = await postProject({
      title: `Application mobile ${token}`,
      description: 'Une application de réservation pour un restaurant, iOS et Android.',
      category: 'mobile-apps',
      budgetMinCents: 500_000,
      budgetMaxCents: 900_000,
    });
    const oldDay = day(0);
    t.clock.advance(10 * DAY);
    const logo = await postProject({
      title: `Création de logo ${token}`,
      description: 'Un logo et une charte graphique pour une boulangerie artisanale.',
      category: 'design',
      budgetMinCents: 30_000,
      budgetMaxCents: 60_000,
    });
    const site = await postProject({
      title: `Site vitrine ${token}`,
      description: 'Les pages de présentation des boulangeries et un formulaire de commande.',
      budgetMinCents: 150_000,
      budgetMaxCents: 250_000,
    });
    const hidden = await postProject({ title: `Projet masqué ${token}` });
    const [p1, p2] = providers;
    await hide(p1.id, hidden);
    await spend(p1.id, site, 'consultation');
    await spend(p1.id, site, 'offer');
    await t.settle();

    const list = async (query: string, who = p1.token) => {
      const answer = await get(`/projects?${query}`, who);
      expect(answer.status).toBe(200);
      return answer.body;
    };
    const all = await list(`q=${token}`);
    expect(ids(all)).toEqual([site, logo, old]);
    expect(all.items[0].creditsSpent).toEqual({
      consultation: true,
      offer: true,
      directContact: false,
    });
    expect(all.items[1].creditsSpent).toEqual({
      consultation: false,
      offer: false,
      directContact: false,
    });
    expect(ids(await list(`q=${token}`, p2.token))).toEqual([hidden, site, logo, old]);
    expect((await list(`q=${token}`, client)).items[0].creditsSpent).toBeNull();

    expect(ids(await list(`q=${token}&category=design`))).toEqual([logo]);
    expect(ids(await list(`q=${token}&minBudgetCents=700000`))).toEqual([old]);
    expect(ids(await list(`q=${token}&maxBudgetCents=100000`))).toEqual([logo]);
    expect(ids(await list(`q=${token}&minBudgetCents=200000&maxBudgetCents=400000`))).toEqual([
      site,
    ]);
    expect(ids(await list(`q=${token}&postedTo=${oldDay}`))).toEqual([old]);
    expect(ids(await list(`q=${token}&postedFrom=${day(0)}`))).toEqual([site, logo]);
    // French stemming: "boulangerie" finds "boulangeries"
    expect(ids(await list(`q=${encodeURIComponent(`${token} boulangerie`)}`))).toEqual([
      site,
      logo,
    ]);
    expect(ids(await list(`q=${encodeURIComponent(`${token} commande`)}`))).toEqual([site]);

    const page1 = await list(`q=${token}&limit=2`);
    expect(ids(page1)).toEqual([site, logo]);
    const page2 = await list(`q=${token}&limit=2&cursor=${page1.nextCursor}`);
    expect(ids(page2)).toEqual([old]);
    expect(page2.nextCursor).toBeNull();

    await hide(p1.id, hidden, false);
    await t.settle();
    expect(ids(await list(`q=${token}&limit=1`))).toEqual([hidden]);

    for (const bad of [
      'category=cuisine',
      'minBudgetCents=-1',
      'postedFrom=hier',
      'postedTo=2026-02-30',
      'limit=0',
      'cursor=%25%25',
    ]) {
      const refused = await get(`/projects?${bad}`, p1.token);
      expect(refused.status).toBe(400);
    }
    // A cursor that is not one of ours (a timestamp Postgres would refuse) is ignored, never a 500.
    const forged = Buffer.from(JSON.stringify(['1', site])).toString('base64url');
    expect(ids(await list(`q=${token}&limit=1&cursor=${forged}`))).toEqual([hidden]);
  });

  it('selects a provider who offered: of two racing selections exactly one wins, the project leaves the list', async () => {
    const token = randomUUID().slice(0, 8);
    const projectId = await postProject({ title: `Refonte course aux sélections ${token}` });
    const [p1, p2] = providers;
    await t.settle();
    expect(ids((await get(`/projects?q=${token}`, p1.token)).body)).toEqual([projectId]);
    const noOffer = await post(`/projects/${projectId}/selection`, client, {
      providerId: p1.id,
      formula: 'base',
    });
    expect({ status: noOffer.status, code: noOffer.body.code }).toEqual({
      status: 422,
      code: 'PROJECT_NO_OFFER',
    });
    await offer(projectId, p1.id, 180_000);
    await offer(projectId, p2.id, 190_000);
    const outsider = await post(`/projects/${projectId}/selection`, otherClient, {
      providerId: p1.id,
      formula: 'base',
    });
    expect(outsider.body.code).toBe('PROJECT_NOT_FOUND');

    const race = await Promise.all(
      [p1, p2].map((p) =>
        post(`/projects/${projectId}/selection`, client, { providerId: p.id, formula: 'base' }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = race.find((r) => r.status === 409)!;
    expect(loser.body).toMatchObject({ code: 'PROJECT_NOT_OPEN', currentStatus: 'selected' });
    const winner = race.find((r) => r.status === 200)!;
    expect(winner.body).toMatchObject({
      status: 'selected',
      statusLabel: 'Prestataire sélectionné',
    });
    const chosen = winner.body.providerId === p1.id ? 180_000 : 190_000;
    expect(winner.body.terms).toEqual({
      amountCents: chosen,
      delayDays: 21,
      formula: 'base',
      feePayer: 'client',
    });

    await t.settle();
    expect(ids((await get(`/projects?q=${token}`, p1.token)).body)).toEqual([]);
    const outsiderView = await get(`/projects/${projectId}`, providers[2].token);
    expect(outsiderView.status).toBe(404);
    expect((await get(`/projects/${projectId}`, client)).body.status).toBe('selected');
  });

  it('the winner declines: the project is open again and that provider cannot be selected again', async () => {
    const projectId = await postProject({ title: 'Projet refusé puis repris' });
    const [p1, p2, p3] = providers;
    await offer(projectId, p1.id);
    await offer(projectId, p2.id);
    expect(
      (await post(`/projects/${projectId}/selection`, client, { providerId: p1.id, formula: 'r0' }))
        .status,
    ).toBe(200);
    expect((await post(`/projects/${projectId}/terms/confirm`, p3.token)).body.code).toBe(
      'PROJECT_NOT_FOUND',
    );
    const declined = await post(`/projects/${projectId}/terms/decline`, p1.token, {
      reason: 'Délai trop court',
    });
    expect(declined.body).toMatchObject({ status: 'open', providerId: null });
    const again = await post(`/projects/${projectId}/selection`, client, {
      providerId: p1.id,
      formula: 'base',
    });
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 422,
      code: 'PROJECT_PROVIDER_DECLINED',
    });
    const other = await post(`/projects/${projectId}/selection`, client, {
      providerId: p2.id,
      formula: 'base',
      amountCents: 150_000,
      delayDays: 40,
    });
    expect(other.body).toMatchObject({
      status: 'selected',
      providerId: p2.id,
      terms: { amountCents: 150_000, delayDays: 40 },
    });
    const withdraw = await post(`/projects/${projectId}/withdraw`, client, {});
    expect(withdraw.body).toMatchObject({ code: 'PROJECT_NOT_OPEN', currentStatus: 'selected' });
  });

  it('signs with fees on the amount, revises it down with the fees recomputed, then finishes', async () => {
    const projectId = await postProject({ title: 'Projet signé et révisé' });
    const [p1] = providers;
    await offer(projectId, p1.id, 300_000);
    await post(`/projects/${projectId}/selection`, client, {
      providerId: p1.id,
      formula: 'r0',
      feePayer: 'provider',
    });
    const signed = await post(`/projects/${projectId}/terms/confirm`, p1.token);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'signed',
      statusLabel: 'En cours de réalisation',
      terms: { amountCents: 300_000, formula: 'r0', feePayer: 'provider' },
      fees: { finderFeeCents: 15_000, r0OptionCents: 6_000 },
    });
    expect((await post(`/projects/${projectId}/terms/confirm`, p1.token)).body).toMatchObject({
      code: 'PROJECT_NOT_SELECTED',
      currentStatus: 'signed',
    });

    const higher = await post(`/projects/${projectId}/amount-revisions`, client, {
      toCents: 350_000,
    });
    expect({ status: higher.status, code: higher.body.code }).toEqual({
      status: 422,
      code: 'PROJECT_REVISION_NOT_LOWER',
    });
    const proposed = await post(`/projects/${projectId}/amount-revisions`, client, {
      toCents: 100_000,
      reason: 'Moins de pages',
    });
    expect(proposed.status).toBe(201);
    const revisionId = proposed.body.pendingRevision.revisionId as string;
    expect(proposed.body.pendingRevision).toMatchObject({
      fromCents: 300_000,
      toCents: 100_000,
      proposedBy: clientId,
    });
    expect(
      (await post(`/projects/${projectId}/amount-revisions/${revisionId}/accept`, client)).body
        .code,
    ).toBe('PROJECT_OWN_REVISION');
    expect((await post(`/projects/${projectId}/finish`, client)).body.code).toBe(
      'PROJECT_REVISION_PENDING',
    );
    const accepted = await post(
      `/projects/${projectId}/amount-revisions/${revisionId}/accept`,
      p1.token,
    );
    expect(accepted.body).toMatchObject({
      terms: { amountCents: 100_000 },
      fees: { finderFeeCents: 5_000, r0OptionCents: 2_000 },
      pendingRevision: null,
    });

    const second = await post(`/projects/${projectId}/amount-revisions`, p1.token, {
      toCents: 90_000,
    });
    const rejected = await post(
      `/projects/${projectId}/amount-revisions/${second.body.pendingRevision.revisionId}/reject`,
      client,
    );
    expect(rejected.body).toMatchObject({ terms: { amountCents: 100_000 }, pendingRevision: null });

    expect((await post(`/projects/${projectId}/finish`, p1.token)).status).toBe(403);
    const finished = await post(`/projects/${projectId}/finish`, client);
    expect(finished.body).toMatchObject({ status: 'finished', statusLabel: 'Terminé' });
    await t.settle();
    const mine = (await get('/me/projects', client)).body.items.find(
      (p: { projectId: string }) => p.projectId === projectId,
    );
    expect(mine).toMatchObject({
      status: 'finished',
      providerId: p1.id,
      terms: { amountCents: 100_000, formula: 'r0' },
      fees: { finderFeeCents: 5_000, r0OptionCents: 2_000 },
    });
  });

  it('under R0 never lowers the amount below what the project account was funded with', async () => {
    const projectId = await postProject({ title: 'Projet R0 financé' });
    const [p1] = providers;
    await offer(projectId, p1.id, 300_000);
    await post(`/projects/${projectId}/selection`, client, { providerId: p1.id, formula: 'r0' });
    await post(`/projects/${projectId}/terms/confirm`, p1.token);
    const escrowId = projectEscrowId(projectId);
    await store.appendToStream(`escrow-${escrowId}`, [
      {
        id: randomUUID(),
        type: 'EscrowOpened',
        data: {
          escrowId,
          subject: { type: 'project', id: projectId },
          payerId: clientId,
          payeeId: p1.id,
          commissionRateBp: 0,
        },
      },
      {
        id: randomUUID(),
        type: 'EscrowFunded',
        data: {
          escrowId,
          trancheId: 't1',
          amountCents: 120_000,
          paymentRef: 'pi_test',
          fundedTotalCents: 120_000,
        },
      },
    ]);
    const below = await post(`/projects/${projectId}/amount-revisions`, client, {
      toCents: 119_999,
    });
    expect(below.body).toMatchObject({
      code: 'PROJECT_REVISION_BELOW_FUNDED',
      toCents: 119_999,
      fundedCents: 120_000,
    });
    expect(
      (await post(`/projects/${projectId}/amount-revisions`, client, { toCents: 120_000 })).status,
    ).toBe(201);
  });
  it('opens the attachments to the client and to a provider who spent a consultation credit only', async () => {
    const fileId = await uploadFile(t, client, 'project_attachment');
    const projectId = await postProject({ attachmentFileIds: [fileId] });
    const reg = await t.request('POST', '/auth/register', {
      body: {
        email: `consultation-${randomUUID().slice(0, 8)}@example.test`,
        password: 'Str0ng!pass',
        displayName: 'Atelier Consultation',
        roles: ['provider'],
      },
    });
    expect(reg.status).toBe(201);
    const providerId: string = reg.body.accountId;
    const admin = await t.tokenFor({ roles: ['admin'] });
    const bonus = await post(`/admin/accounts/${providerId}/credits/bonus`, admin, {
      credits: { consultation: 1 },
      reason: 'Test des pièces jointes',
    });
    expect(bonus.status).toBe(201);
    const provider = await t.tokenFor({ accountId: providerId, roles: ['provider'] });
    const link = (token: string) => get(`/files/${fileId}/link`, token);
    expect((await link(client)).status).toBe(200);
    expect((await link(provider)).status).toBe(404);
    await t.app.get<CreditSpending>(CREDIT_SPENDING).spend({
      accountId: providerId,
      kind: 'consultation',
      subject: { type: 'project', id: projectId },
    });
    expect((await link(provider)).status).toBe(200);
    expect((await link(providers[2].token)).status).toBe(404);
    await t.settle();
    const row = await get(`/projects/${projectId}`, provider);
    expect(row.body.creditsSpent).toEqual({
      consultation: true,
      offer: false,
      directContact: false,
    });
  });
});
