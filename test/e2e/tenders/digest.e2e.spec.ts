import { randomUUID } from 'node:crypto';
import { Notifications } from '../../../src/application/notifications/notifications.port';
import { Clock } from '../../../src/application/shared/clock';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import {
  digestDueAt,
  digestWindow,
  nextDay,
  upcomingDigestDay,
} from '../../../src/application/tenders/digest-calendar';
import { projectStream } from '../../../src/domain/tenders';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually, registerAccount } from '../workers/support/helpers';

const MINUTE = 60_000;
const TEMPLATE = 'tenders.daily_digest';

interface Provider {
  id: string;
  token: string;
}

/**
 * Issue 17 point 1 on the test clock: providers save preferences, clients' projects are posted
 * (ProjectPosted and its sequels appended to the log), the `tenders.daily-digest` job runs at
 * 07:00 Paris time and e-mails each subscribed provider exactly the open, matching, not hidden
 * projects of the day; the unsubscribe link works without signing in, and the next day's digest
 * leaves that provider out.
 */
describe('the daily digest of new projects, preferences and hidden projects', () => {
  let t: TestApp;
  let admin: string;
  let store: EventStore;
  let day: string;

  beforeAll(async () => {
    t = await startTestApp({ TEST_CLOCK_ENABLED: 'true' });
    admin = await t.tokenFor({ roles: ['admin'] });
    store = t.app.get<EventStore>(EVENT_STORE);
    // Whatever the hour the suite runs: move just past the upcoming 07:00 (its run finds nobody)
    // and test the next day's digest, a whole day ahead.
    const first = upcomingDigestDay(t.app.get(Clock).now().toISOString());
    await advanceTo(new Date(Date.parse(digestDueAt(first)) + MINUTE).toISOString());
    await eventually(jobDone(first), 30_000, 'the first digest run');
    day = nextDay(first);
  });
  afterAll(() => t.close());

  const provider = async (): Promise<Provider> => {
    const id = await registerAccount(t, ['provider']);
    return { id, token: await t.tokenFor({ accountId: id, roles: ['provider'] }) };
  };
  const savePreferences = (p: Provider, body: Record<string, unknown>) =>
    t.request('PUT', '/me/tender-preferences', {
      token: p.token,
      body,
      idempotencyKey: randomUUID(),
    });
  const append = async (projectId: string, type: string, data: Record<string, unknown>) => {
    const id = randomUUID();
    await store.appendToStream(projectStream(projectId), [
      {
        id,
        type,
        data: { projectId, ...data },
        metadata: { correlationId: id, causationId: id, actorId: 'client-1', actorRole: 'client' },
      },
    ]);
  };
  const post = async (
    input: { title: string; category: string; min: number; max: number; description?: string },
    postedAt: string,
  ) => {
    const projectId = randomUUID();
    await append(projectId, 'ProjectPosted', {
      clientId: randomUUID(),
      title: input.title,
      description: input.description ?? 'Cahier des charges joint.',
      category: input.category,
      budgetMinCents: input.min,
      budgetMaxCents: input.max,
      wishedDeadline: '2027-06-30',
      attachmentFileIds: [],
      postedAt,
    });
    return projectId;
  };
  const terms = { amountCents: 120_000, delayDays: 30, formula: 'base', feePayer: 'client' };
  const select = (projectId: string, at: string) =>
    append(projectId, 'ProjectProviderSelected', {
      clientId: 'client-1',
      providerId: 'winner-1',
      offerId: randomUUID(),
      terms,
      selectedAt: at,
    });
  const advanceTo = async (to: string) => {
    const res = await t.request('POST', '/admin/test-clock/advance', {
      token: admin,
      body: { to },
    });
    expect(res.status).toBe(200);
  };
  const digests = (p: Provider) =>
    t.app.get(Notifications).list({ template: TEMPLATE, recipientAccountId: p.id, limit: 20 });
  const jobDone = (forDay: string) => async () => {
    const { rows } = await t.db.pool.query(
      `SELECT status FROM scheduled_jobs WHERE payload ->> 'kind' = 'tenders.daily-digest'
          AND payload ->> 'day' = $1`,
      [forDay],
    );
    return rows[0]?.status === 'completed';
  };
  const listed = (notification: { data: Record<string, unknown> }) =>
    (notification.data.projects as { projectId: string }[]).map((p) => p.projectId).sort();

  let alice: Provider;
  let bob: Provider;
  let carol: Provider;
  const ids: Record<string, string> = {};

  it('shows the defaults before any save, then saves preferences and refuses bad ones', async () => {
    [alice, bob, carol] = [await provider(), await provider(), await provider()];
    const before = await t.request('GET', '/me/tender-preferences', { token: alice.token });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      providerId: alice.id,
      categories: [],
      words: [],
      minBudgetCents: null,
      digest: false,
      saved: false,
      revision: '-1',
    });
    expect(before.body.availableCategories).toContainEqual({
      slug: 'web-development',
      label: 'Développement web',
    });

    const saved = await savePreferences(alice, {
      categories: ['web-development'],
      words: [],
      minBudgetCents: null,
      digest: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      categories: [{ slug: 'web-development', label: 'Développement web' }],
      digest: true,
      saved: true,
      revision: '0',
    });
    expect(
      (
        await savePreferences(bob, {
          categories: [],
          words: ['  WordPress '],
          minBudgetCents: 200_000,
          digest: true,
        })
      ).body,
    ).toMatchObject({ words: ['wordpress'], minBudgetCents: 200_000 });
    expect(
      (
        await savePreferences(carol, {
          categories: [],
          words: [],
          minBudgetCents: null,
          digest: false,
        })
      ).status,
    ).toBe(200);

    for (const [body, code] of [
      [
        { categories: ['plomberie'], words: [], digest: true },
        'TENDER_PREFERENCES_UNKNOWN_CATEGORY',
      ],
      [
        { categories: [], words: Array.from({ length: 11 }, (_, i) => `mot${i}`), digest: true },
        'TENDER_PREFERENCES_TOO_MANY_WORDS',
      ],
      [{ categories: [], words: ['x'], digest: true }, 'TENDER_PREFERENCES_INVALID_WORD'],
      [{ categories: [], words: [], minBudgetCents: -5, digest: true }, 'VALIDATION_FAILED'],
    ] as const) {
      const refused = await savePreferences(alice, body);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code });
    }
    // A stale If-Match is refused; the preferences stayed as saved.
    const stale = await t.request('PUT', '/me/tender-preferences', {
      token: alice.token,
      headers: { 'if-match': '"7"' },
      body: { categories: [], words: [], minBudgetCents: null, digest: true },
    });
    expect({ status: stale.status, code: stale.body.code }).toEqual({
      status: 409,
      code: 'CONCURRENT_MODIFICATION',
    });
  });

  it('hides projects from my list and shows them again; unknown projects are 404', async () => {
    const { from, to } = digestWindow(day);
    const now = t.app.get(Clock).now().toISOString();
    expect(Date.parse(now)).toBeGreaterThan(Date.parse(from));
    const web = { category: 'web-development', min: 50_000, max: 150_000 };
    ids.vitrine = await post({ ...web, title: 'Site vitrine pour un cabinet' }, now);
    ids.boutique = await post(
      { ...web, title: 'Boutique en ligne', description: 'Sous WordPress', max: 300_000 },
      now,
    );
    ids.logo = await post(
      { category: 'design', min: 10_000, max: 50_000, title: 'Logo WordPress' },
      now,
    );
    ids.withdrawn = await post({ ...web, title: 'Projet retiré' }, now);
    await append(ids.withdrawn, 'ProjectWithdrawn', {
      clientId: 'client-1',
      reason: 'Abandon',
      withdrawnAt: now,
    });
    ids.selected = await post({ ...web, title: 'Projet attribué' }, now);
    await select(ids.selected, now);
    ids.declined = await post({ ...web, title: 'Application rouverte' }, now);
    await select(ids.declined, now);
    await append(ids.declined, 'ProjectTermsDeclined', {
      providerId: 'winner-1',
      reason: 'Délai trop court',
      declinedAt: now,
    });
    ids.hidden = await post({ ...web, title: 'Projet masqué' }, now);
    ids.shownAgain = await post({ ...web, title: 'Projet masqué puis remontré' }, now);
    ids.yesterday = await post(
      { ...web, title: 'Projet d’avant-hier' },
      new Date(Date.parse(from) - MINUTE).toISOString(),
    );
    expect(Date.parse(now)).toBeLessThanOrEqual(Date.parse(to));

    const hide = (projectId: string) =>
      t.request('POST', `/projects/${projectId}/hide`, {
        token: alice.token,
        idempotencyKey: randomUUID(),
      });
    const first = await hide(ids.hidden);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ projectId: ids.hidden, hidden: true, changed: true });
    expect((await hide(ids.hidden)).body).toMatchObject({ hidden: true, changed: false });
    expect((await hide(ids.shownAgain)).body).toMatchObject({ hidden: true, changed: true });
    const unknown = await hide(randomUUID());
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 404,
      code: 'PROJECT_NOT_FOUND',
    });
    const shown = await t.request('DELETE', `/projects/${ids.shownAgain}/hide`, {
      token: alice.token,
    });
    expect(shown.body).toMatchObject({ hidden: false, hiddenAt: null, changed: true });
    expect(
      (await t.request('DELETE', `/projects/${ids.shownAgain}/hide`, { token: alice.token })).body,
    ).toMatchObject({ changed: false });

    await t.settle();
    const list = await t.request('GET', '/me/hidden-projects', { token: alice.token });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      total: 1,
      items: [
        {
          projectId: ids.hidden,
          title: 'Projet masqué',
          category: 'web-development',
          categoryLabel: 'Développement web',
          open: true,
          hiddenAt: first.body.hiddenAt,
        },
      ],
    });
    expect((await t.request('GET', '/me/hidden-projects', { token: bob.token })).body).toEqual({
      total: 0,
      items: [],
    });
    expect(
      (await t.request('GET', '/me/tender-preferences', { token: alice.token })).body,
    ).toMatchObject({ hiddenProjects: 1 });
  });

  it('at 07:00 e-mails each subscribed provider exactly the open, matching, not hidden projects of the day', async () => {
    await t.settle();
    await advanceTo(digestDueAt(day));
    await eventually(jobDone(day), 30_000, 'the day’s digest run');

    const [mail] = await digests(alice);
    expect(listed(mail)).toEqual([ids.vitrine, ids.boutique, ids.declined, ids.shownAgain].sort());
    expect(mail.data).toMatchObject({ day, total: 4 });
    expect(mail.data.unsubscribeUrl).toMatch(/^\/tender-digest\/unsubscribe\?token=/);
    expect((mail.data.projects as unknown[])[0]).toMatchObject({
      title: expect.any(String),
      categoryLabel: 'Développement web',
      budgetMinCents: 50_000,
    });
    expect((await digests(bob)).map(listed)).toEqual([[ids.boutique]]);
    expect(await digests(carol)).toEqual([]);
  });

  it('unsubscribes by the link without signing in; the next day’s digest leaves the provider out', async () => {
    const [mail] = await digests(alice);
    const url = String(mail.data.unsubscribeUrl);
    const page = await t.request('GET', url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Désabonnement confirmé');
    const again = await t.request('POST', url, { idempotencyKey: randomUUID() });
    expect(again.body).toMatchObject({ digest: false, changed: false });
    /** The same link with the signature's last character changed (never to itself). */
    const tampered = url.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    for (const bad of ['', `${url}x`, tampered]) {
      const refused = await t.request('POST', bad || '/tender-digest/unsubscribe?token=nope');
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 400,
        code: 'DIGEST_UNSUBSCRIBE_TOKEN_INVALID',
      });
    }
    const missing = await t.request('GET', '/tender-digest/unsubscribe');
    expect(missing.status).toBe(400);
    const prefs = await t.request('GET', '/me/tender-preferences', { token: alice.token });
    expect(prefs.body).toMatchObject({
      digest: false,
      categories: [{ slug: 'web-development' }],
      unsubscribedAt: expect.any(String),
    });

    const tomorrow = nextDay(day);
    const postedAt = new Date(Date.parse(digestDueAt(day)) + MINUTE).toISOString();
    const fresh = await post(
      {
        title: 'Refonte WordPress',
        category: 'web-development',
        min: 100_000,
        max: 400_000,
      },
      postedAt,
    );
    await t.settle();
    await advanceTo(digestDueAt(tomorrow));
    await eventually(jobDone(tomorrow), 30_000, 'the next day’s digest run');
    expect((await digests(bob)).map(listed)).toEqual(expect.arrayContaining([[fresh]]));
    expect(await digests(bob)).toHaveLength(2);
    expect(await digests(alice)).toHaveLength(1);
  });
});
