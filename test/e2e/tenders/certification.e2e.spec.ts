import { randomBytes, randomUUID } from 'node:crypto';
import { renderNotification } from '../../../src/infrastructure/notifications/notification-templates';
import {
  IdentityTestApp,
  registerAndLogin,
  startIdentityTestApp,
} from '../identity/identity-test-app';
import { party, Party, publishedGig, seedVerifiedProvider } from '../orders/marketplace-fixtures';
import { eventually } from '../workers/support/helpers';
import { projectUpTo } from './certification-fixtures';

const REQUEST_SUBJECT = renderNotification('tenders.certification_reference_request', {}).subject;
const DAY_MS = 86_400_000;

describe('tenders: certification by client references and by reputation, and the badge', () => {
  let t: IdentityTestApp;
  let provider: Party;
  let other: Party;
  let admin: string;
  let gigId: string;
  let otherGigId: string;
  const refs: Record<string, { referenceId: string; email: string }> = {};
  const providerEmail = `provider.${randomBytes(4).toString('hex')}@example.fr`;
  const mailTo = (address: string, template: string) =>
    eventually(async () => {
      const { subject } = renderNotification(template, {});
      return t.mailbox.to(address).find((m) => m.subject === subject);
    });
  const category = `cat-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    t = await startIdentityTestApp();
    const registered = await registerAndLogin(t, {
      email: providerEmail,
      displayName: 'Cabinet Martin Conseil',
      roles: ['provider'],
    });
    await seedVerifiedProvider(t, registered.accountId);
    provider = { id: registered.accountId, token: registered.accessToken };
    other = await party(t, 'provider');
    admin = await t.tokenFor({ roles: ['admin'] });
    gigId = await publishedGig(t, provider, { category: 'finance-gestion' });
    otherGigId = await publishedGig(t, other, { category: 'finance-gestion' });
  });
  afterAll(async () => t?.close());

  const mine = async () =>
    (await t.request('GET', '/me/certification', { token: provider.token })).body;

  const addReference = (key: string, company = `Société ${key}`) => {
    const email = `${key}.${randomBytes(4).toString('hex')}@client.fr`;
    return t
      .request('POST', '/me/certification/references', {
        token: provider.token,
        idempotencyKey: randomUUID(),
        body: {
          name: `Contact ${key}`,
          email,
          company,
          work: 'Tenue de la comptabilité et bilan annuel',
          year: t.clock.now().getUTCFullYear() - 1,
        },
      })
      .then((res) => {
        const added = res.body.references?.find((r: { email: string }) => r.email === email);
        if (added) refs[key] = { referenceId: added.referenceId, email };
        return res;
      });
  };

  /** The token of the last request e-mail the reference received (waits for it). */
  const tokenSentTo = (email: string, count = 1) =>
    eventually(async () => {
      const mails = t.mailbox.to(email).filter((m) => m.subject === REQUEST_SUBJECT);
      return mails.length >= count ? t.mailbox.lastCode(email, REQUEST_SUBJECT) : undefined;
    });

  it('starts uncertified, with the written rules', async () => {
    const res = await t.request('GET', '/me/certification', { token: provider.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      providerId: provider.id,
      status: 'uncertified',
      certified: false,
      references: [],
      rules: {
        maxOpenReferences: 10,
        linkValidityDays: 30,
        referencesToCertify: 3,
        reputationMinReviewedProjects: 5,
        reputationMinAverage: 4.5,
      },
    });
  });

  it('adds client references, each e-mailed a link; refuses a bad year or the same client twice', async () => {
    for (const key of ['a', 'b', 'c', 'd']) {
      const res = await addReference(key);
      expect(res.status).toBe(201);
    }
    const body = await mine();
    expect(body.references).toHaveLength(4);
    expect(body.references[0]).toMatchObject({
      status: 'sent',
      statusLabel: 'En attente de la réponse du client',
      sendCount: 1,
      linkExpired: false,
    });
    for (const key of ['a', 'b', 'c', 'd']) expect(await tokenSentTo(refs[key].email)).toBeTruthy();
    const badYear = await t.request('POST', '/me/certification/references', {
      token: provider.token,
      body: { name: 'X', email: 'x@y.fr', company: 'Y', work: 'Z', year: 1990 },
    });
    expect({ status: badYear.status, code: badYear.body.code }).toEqual({
      status: 400,
      code: 'CERTIFICATION_INVALID_FIELD',
    });
    const twice = await t.request('POST', '/me/certification/references', {
      token: provider.token,
      body: {
        name: 'Contact a',
        email: refs.a.email,
        company: 'Société a',
        work: 'Encore',
        year: t.clock.now().getUTCFullYear(),
      },
    });
    expect(twice.body.code).toBe('CERTIFICATION_REFERENCE_DUPLICATE');
  });

  it('answers a repeated add (same Idempotency-Key) with the first answer: one reference, one e-mail', async () => {
    const key = randomUUID();
    const email = `once.${randomBytes(4).toString('hex')}@client.fr`;
    const body = {
      name: 'Contact once',
      email,
      company: 'Société once',
      work: 'Audit',
      year: t.clock.now().getUTCFullYear(),
    };
    const first = await t.request('POST', '/me/certification/references', {
      token: provider.token,
      idempotencyKey: key,
      body,
    });
    const second = await t.request('POST', '/me/certification/references', {
      token: provider.token,
      idempotencyKey: key,
      body,
    });
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(
      (await mine()).references.filter((r: { email: string }) => r.email === email),
    ).toHaveLength(1);
    await tokenSentTo(email);
    await t.settle();
    expect(t.mailbox.to(email)).toHaveLength(1);
    refs.once = {
      referenceId: first.body.references.find((r: { email: string }) => r.email === email)
        .referenceId,
      email,
    };
  });

  it('keeps the reference’s name and e-mail encrypted in the log, and no token in clear', async () => {
    const token = (await tokenSentTo(refs.b.email))!;
    const { rows } = await t.db.pool.query<{ row: string }>(
      'SELECT data::text || metadata::text AS row FROM es_events WHERE stream_name = $1',
      [`certification-${provider.id}`],
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const { row } of rows) {
      expect(row).not.toContain(refs.b.email);
      expect(row).not.toContain('Contact b');
      expect(row).not.toContain(token);
    }
    expect((await mine()).references[1]).toMatchObject({ email: refs.b.email, name: 'Contact b' });
  });

  it('resends the e-mail the client did not receive: the old link stops working', async () => {
    const oldToken = (await tokenSentTo(refs.a.email))!;
    const res = await t.request(
      'POST',
      `/me/certification/references/${refs.a.referenceId}/resend`,
      { token: provider.token, idempotencyKey: randomUUID() },
    );
    expect(res.status).toBe(200);
    expect(res.body.references[0]).toMatchObject({ referenceId: refs.a.referenceId, sendCount: 2 });
    const newToken = await tokenSentTo(refs.a.email, 2);
    expect(newToken).not.toBe(oldToken);
    await t.settle();
    const old = await t.request('GET', `/certification-references/${oldToken}`);
    expect({ status: old.status, code: old.body.code }).toEqual({
      status: 404,
      code: 'CERTIFICATION_LINK_INVALID',
    });
    const fresh = await t.request('GET', `/certification-references/${newToken}`);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({
      referenceId: refs.a.referenceId,
      providerId: provider.id,
      providerDisplayName: 'Cabinet Martin Conseil',
      company: 'Société a',
      work: 'Tenue de la comptabilité et bilan annuel',
      status: 'sent',
      answerable: true,
    });
    expect((await t.request('GET', '/certification-references/not-a-token')).status).toBe(404);
  });

  it('lets each reference confirm or decline once through its link, without an account', async () => {
    for (const key of ['a', 'b', 'c', 'd']) {
      const token = await tokenSentTo(refs[key].email);
      const res = await t.request('POST', `/certification-references/${token}`, {
        body: { answer: 'confirm', comment: 'Nous confirmons cette mission.' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'confirmed', answerable: false });
    }
    const again = await t.request(
      'POST',
      `/certification-references/${await tokenSentTo(refs.b.email)}`,
      { body: { answer: 'decline' } },
    );
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'CERTIFICATION_REFERENCE_ALREADY_ANSWERED',
    });
    const statuses = Object.fromEntries(
      (await mine()).references.map((r: { referenceId: string; status: string }) => [
        r.referenceId,
        r.status,
      ]),
    );
    expect(['a', 'b', 'c', 'd'].map((key) => statuses[refs[key].referenceId])).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
    ]);
    expect(statuses[refs.once.referenceId]).toBe('sent');
  });

  it('refuses to answer after 30 days; the provider sees the link expired', async () => {
    await addReference('late');
    const token = await tokenSentTo(refs.late.email);
    await t.settle();
    t.clock.advance(31 * DAY_MS);
    try {
      const res = await t.request('POST', `/certification-references/${token}`, {
        body: { answer: 'confirm' },
      });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 409,
        code: 'CERTIFICATION_LINK_EXPIRED',
      });
      const late = (await mine()).references.find(
        (r: { referenceId: string }) => r.referenceId === refs.late.referenceId,
      );
      expect(late).toMatchObject({ status: 'sent', linkExpired: true });
    } finally {
      t.clock.advance(-31 * DAY_MS);
    }
  });

  it('gives the SCP the confirmed references; only an admin reviews them', async () => {
    await t.settle();
    const queue = await t.request('GET', '/staff/certification/references?state=confirmed', {
      token: admin,
    });
    expect(queue.status).toBe(200);
    const mineInQueue = queue.body.items.filter(
      (i: { providerId: string }) => i.providerId === provider.id,
    );
    expect(mineInQueue).toHaveLength(4);
    expect(mineInQueue[0]).toMatchObject({
      status: 'confirmed',
      answerComment: 'Nous confirmons cette mission.',
      email: expect.stringMatching(/@client\.fr$/),
    });
    const mediator = await t.tokenFor({ roles: ['mediator'] });
    const refused = await t.request(
      'POST',
      `/staff/certification/references/${refs.a.referenceId}/approve`,
      { token: mediator, body: {} },
    );
    expect(refused.status).toBe(403);
  });

  it('refuses a reference with a reason the provider reads (and requires that reason)', async () => {
    const blank = await t.request(
      'POST',
      `/staff/certification/references/${refs.d.referenceId}/refuse`,
      { token: admin, body: { reason: '   ' } },
    );
    expect(blank.body.code).toBe('CERTIFICATION_REASON_REQUIRED');
    const reason = 'Le client ne confirme pas le périmètre de la mission.';
    const res = await t.request(
      'POST',
      `/staff/certification/references/${refs.d.referenceId}/refuse`,
      { token: admin, body: { reason }, idempotencyKey: randomUUID() },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'refused', reviewReason: reason });
    const d = (await mine()).references.find(
      (r: { referenceId: string }) => r.referenceId === refs.d.referenceId,
    );
    const mail = await mailTo(providerEmail, 'tenders.certification_reference_refused');
    expect(mail.text).toContain(reason);
    expect(d).toMatchObject({
      status: 'refused',
      statusLabel: 'Refusée par le SCP',
      reviewReason: reason,
    });
  });

  it('certifies with the third approved reference: the badge shows on the profile and in search', async () => {
    for (const [i, key] of ['a', 'b', 'c'].entries()) {
      const res = await t.request(
        'POST',
        `/staff/certification/references/${refs[key].referenceId}/approve`,
        { token: admin, body: {}, idempotencyKey: randomUUID() },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'approved', providerCertified: i === 2 });
    }
    const twice = await t.request(
      'POST',
      `/staff/certification/references/${refs.a.referenceId}/approve`,
      { token: admin, body: {} },
    );
    expect(twice.body.code).toBe('CERTIFICATION_REFERENCE_NOT_CONFIRMED');
    expect(await mine()).toMatchObject({
      status: 'certified',
      statusLabel: 'Prestataire Certifié',
      basis: 'references',
      approvedReferences: 3,
    });
    expect((await mailTo(providerEmail, 'tenders.provider_certified')).text).toContain(
      'références clients',
    );
    await t.settle();
    const profile = await t.request('GET', `/profiles/${provider.id}`);
    expect(profile.body).toMatchObject({
      displayName: 'Cabinet Martin Conseil',
      certified: true,
      certifiedLabel: 'Prestataire Certifié',
    });
    const search = await t.request('GET', '/search/gigs?category=finance-gestion&limit=100');
    const flags = Object.fromEntries(
      search.body.items.map((g: { gigId: string; sellerCertified: boolean }) => [
        g.gigId,
        g.sellerCertified,
      ]),
    );
    expect(flags[gigId]).toBe(true);
    expect(flags[otherGigId]).toBe(false);
  });

  it('is withdrawn by staff with a reason: the badge goes', async () => {
    const res = await t.request('POST', `/staff/certification/providers/${provider.id}/withdraw`, {
      token: admin,
      body: { reason: 'Références invérifiables' },
      idempotencyKey: randomUUID(),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'Références invérifiables',
    });
    const again = await t.request(
      'POST',
      `/staff/certification/providers/${provider.id}/withdraw`,
      { token: admin, body: { reason: 'x' } },
    );
    expect(again.body.code).toBe('PROVIDER_NOT_CERTIFIED');
    await t.settle();
    expect((await t.request('GET', `/profiles/${provider.id}`)).body.certified).toBe(false);
    expect(await mine()).toMatchObject({ status: 'withdrawn', approvedReferences: 0 });
  });

  it('certifies by reputation: 5 finished projects reviewed by their clients, average at least 4.5', async () => {
    const seller = await party(t, 'provider');
    const sellerGig = await publishedGig(t, seller, { category });
    const ratings = [5, 4, 5, 5, 4];
    for (const [i, rating] of ratings.entries()) {
      const client = await party(t, 'client');
      const projectId = await projectUpTo(t, client.id, seller.id);
      const res = await t.request('POST', `/projects/${projectId}/reviews`, {
        token: client.token,
        body: { rating, comment: `Projet ${i + 1}` },
        idempotencyKey: randomUUID(),
      });
      expect(res.status).toBe(201);
      await t.settle();
      const status = (await t.request('GET', '/me/certification', { token: seller.token })).body;
      expect(status.reputation.reviewedProjects).toBe(i + 1);
      expect(status.certified).toBe(i === 4);
    }
    const status = (await t.request('GET', '/me/certification', { token: seller.token })).body;
    expect(status).toMatchObject({
      status: 'certified',
      basis: 'reputation',
      reputation: { reviewedProjects: 5, averageRating: 4.6 },
      references: [],
    });
    const profile = await t.request('GET', `/profiles/${seller.id}`);
    expect(profile.body).toMatchObject({
      certified: true,
      projectReviews: { count: 5, average: 4.6 },
    });
    const search = await t.request('GET', `/search/gigs?category=${category}`);
    expect(search.body.items).toEqual([
      expect.objectContaining({ gigId: sellerGig, sellerCertified: true }),
    ]);
  });
});
