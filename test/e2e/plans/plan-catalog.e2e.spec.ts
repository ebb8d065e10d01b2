import { randomUUID } from 'node:crypto';
import { ServiceTypeCatalogue } from '../../../src/application/missions/service-type.catalogue';
import { serviceTypeIdFor } from '../../../src/application/missions/service-type.messages';
import { DEFAULT_PLANS, PlanCatalogueSeed } from '../../../src/application/plans/plan.catalogue';
import { PLAN_CATALOG, PlanCatalog } from '../../../src/application/plans/plan-catalog.port';
import { runCli } from '../../support/cli';
import { startTestApp, TestApp } from '../../support/test-app';
import { party, Party } from '../orders/marketplace-fixtures';

const credits = (name: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'credits',
  name,
  description: 'Des crédits chaque mois.',
  priceTtcCents: 2_500,
  period: 'month',
  benefits: ['8 consultations de projets', '4 offres'],
  credits: { consultation: 8, offer: 4 },
  ...overrides,
});

describe('plans: the catalogue staff define and anyone reads', () => {
  let t: TestApp;
  let admin: Party;
  let menage: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await party(t, 'admin');
    const created = await t.request('POST', '/admin/service-types', {
      token: admin.token,
      body: { label: 'Ménage', description: 'Entretien du logement.', category: 'home' },
    });
    menage = created.body.serviceTypeId;
  });
  afterAll(async () => t.close());

  const define = (body: object, key?: string) =>
    t.request('POST', '/admin/plans', { token: admin.token, body, idempotencyKey: key });
  const revise = (planId: string, body: object, headers: Record<string, string> = {}) =>
    t.request('PUT', `/admin/plans/${planId}`, { token: admin.token, body, headers });

  it('defines a plan under the slug of its name, refuses the same name twice and lists it publicly', async () => {
    const created = await define(credits('Crédits Découverte'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      planId: 'credits-decouverte',
      kind: 'credits',
      kindLabel: 'Abonnement à crédits',
      version: 1,
      priceTtcCents: 2_500,
      period: 'month',
      periodLabel: 'mois',
      credits: { consultation: 8, offer: 4, direct_contact: 0 },
      hourPack: null,
      status: 'active',
      statusLabel: 'Disponible',
      revision: '0',
    });
    for (const again of ['Crédits Découverte', '  credits   decouverte ', 'CRÉDITS DÉCOUVERTE']) {
      const refused = await define(credits(again));
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        status: 409,
        code: 'PLAN_EXISTS',
        currentStatus: 'active',
        planId: 'credits-decouverte',
      });
    }
    await t.settle();
    const list = await t.request('GET', '/plans');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ planId: 'credits-decouverte', priceTtcCents: 2_500 }),
    );
    const one = await t.request('GET', '/plans/credits-decouverte');
    expect(one.body).toMatchObject({
      planId: 'credits-decouverte',
      benefits: ['8 consultations de projets', '4 offres'],
      versions: [{ version: 1, priceTtcCents: 2_500, period: 'month' }],
      retiredAt: null,
    });
  });

  it('answers a repeated definition with the same Idempotency-Key with the first answer', async () => {
    const key = randomUUID();
    const first = await define(credits('Crédits Rejoue'), key);
    const second = await define(credits('Crédits Rejoue'), key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
  });

  it('refuses malformed input with 400 and a stable code, never a 500', async () => {
    const shape = await define({ kind: 'credits', name: 'Sans prix' });
    expect(shape.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const kind = await define(credits('Or', { kind: 'gold' }));
    expect(kind.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const huge = await define(credits('Énorme', { priceTtcCents: 1e15 }));
    expect(huge.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    for (const [overrides, code] of [
      [{ priceTtcCents: 99 }, 'PLAN_PRICE_OUT_OF_RANGE'],
      [{ priceTtcCents: 1_000_001 }, 'PLAN_PRICE_OUT_OF_RANGE'],
      [{ period: null }, 'PLAN_PERIOD_REQUIRED'],
      [{ credits: {} }, 'PLAN_CREDITS_REQUIRED'],
      [{ credits: { offer: 1_001 } }, 'PLAN_CREDITS_OUT_OF_RANGE'],
      [
        { benefits: Array.from({ length: 11 }, (_, i) => `Avantage ${i}`) },
        'PLAN_TOO_MANY_BENEFITS',
      ],
      [{ name: '   ' }, 'PLAN_NAME_REQUIRED'],
      [{ name: 'n'.repeat(81) }, 'PLAN_NAME_TOO_LONG'],
    ] as const) {
      const res = await define(credits('Invalide', overrides));
      expect({ overrides, body: res.body }).toMatchObject({ body: { status: 400, code } });
    }
    const pro = await define({
      kind: 'pro',
      name: 'Pro Crédité',
      priceTtcCents: 1_000,
      period: 'month',
      credits: { offer: 2 },
    });
    expect(pro.body).toMatchObject({ status: 400, code: 'PLAN_CREDITS_NOT_ALLOWED' });
    const badId = await t.request('GET', '/plans/Not%20A%20Slug');
    expect(badId.body).toMatchObject({ status: 400, code: 'INVALID_PLAN_ID' });
    const badKind = await t.request('GET', '/plans?kind=gold');
    expect(badKind.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('keeps the catalogue to admins (403) and answers an unknown plan with 404', async () => {
    for (const role of ['provider', 'client', 'finance'] as const) {
      const other = await party(t, role);
      const refused = await t.request('POST', '/admin/plans', {
        token: other.token,
        body: credits('Pirate'),
      });
      expect(refused.body).toMatchObject({ status: 403, code: 'ROLE_REQUIRED' });
    }
    for (const [method, url, body] of [
      ['PUT', '/admin/plans/inconnu', credits('Inconnu')],
      ['POST', '/admin/plans/inconnu/retire', undefined],
      ['GET', '/plans/inconnu', undefined],
    ] as const) {
      const res = await t.request(method, url, { token: admin.token, body });
      expect(res.body).toMatchObject({ status: 404, code: 'PLAN_NOT_FOUND', planId: 'inconnu' });
    }
  });

  it('revises a plan into a new version, keeps its kind and its history, and loses no concurrent revision', async () => {
    await define(credits('Crédits Évolutif'));
    const id = 'credits-evolutif';
    const v2 = await revise(id, credits('Crédits Évolutif', { priceTtcCents: 2_700 }));
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, priceTtcCents: 2_700, revision: '1' });
    const same = await revise(id, credits('Crédits Évolutif', { priceTtcCents: 2_700 }));
    expect(same.body).toMatchObject({ version: 2, revision: '1' });
    const kind = await revise(id, {
      kind: 'pro',
      name: 'Crédits Évolutif',
      priceTtcCents: 2_700,
      period: 'month',
    });
    expect(kind.body).toMatchObject({ status: 422, code: 'PLAN_KIND_IMMUTABLE', kind: 'credits' });
    const stale = await revise(id, credits('Crédits Évolutif', { priceTtcCents: 2_800 }), {
      'if-match': '"0"',
    });
    expect(stale.body).toMatchObject({ status: 409, code: 'CONCURRENT_MODIFICATION' });
    const taken = await revise(id, credits('Crédits Découverte'));
    expect(taken.body).toMatchObject({
      status: 409,
      code: 'PLAN_NAME_TAKEN',
      takenBy: 'credits-decouverte',
    });

    const parallel = await Promise.all(
      [3_000, 3_100, 3_200].map((priceTtcCents) =>
        revise(id, credits('Crédits Évolutif', { priceTtcCents, period: 'quarter' })),
      ),
    );
    expect(parallel.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(parallel.map((r) => r.body.version).sort()).toEqual([3, 4, 5]);

    await t.settle();
    const one = await t.request('GET', `/plans/${id}`);
    expect(one.body.version).toBe(5);
    expect(one.body.period).toBe('quarter');
    expect(one.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4, 5]);
    expect(one.body.versions.slice(0, 2)).toMatchObject([
      { version: 1, priceTtcCents: 2_500, period: 'month' },
      { version: 2, priceTtcCents: 2_700, period: 'month' },
    ]);
    // What subscriptions read: the version in force now.
    const snapshot = await t.app.get<PlanCatalog>(PLAN_CATALOG).find(id);
    expect(snapshot).toMatchObject({ version: 5, retired: false, terms: { period: 'quarter' } });
  });

  it('sells hours of an active service type, named in the list, and refuses any other', async () => {
    const pack = {
      kind: 'hour_pack',
      name: 'Pack Ménage 5 h',
      description: 'Cinq heures de ménage.',
      priceTtcCents: 11_500,
      benefits: ['23 € de l’heure'],
      hourPack: { serviceTypeId: menage, minutes: 300, validityMonths: 6 },
    };
    const created = await define(pack);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'hour_pack',
      period: null,
      credits: { consultation: 0, offer: 0, direct_contact: 0 },
      hourPack: {
        serviceTypeId: menage,
        serviceTypeLabel: 'Ménage',
        minutes: 300,
        hours: 5,
        validityMonths: 6,
      },
    });
    const unknown = await define({
      ...pack,
      name: 'Pack Fantôme',
      hourPack: { ...pack.hourPack, serviceTypeId: randomUUID() },
    });
    expect(unknown.body).toMatchObject({
      status: 422,
      code: 'PLAN_SERVICE_TYPE_UNAVAILABLE',
      serviceTypeStatus: 'unknown',
    });
    for (const [hourPack, code] of [
      [{ ...pack.hourPack, minutes: 45 }, 'PLAN_HOUR_PACK_MINUTES_INVALID'],
      [{ ...pack.hourPack, minutes: 315 }, 'PLAN_HOUR_PACK_MINUTES_INVALID'],
      [{ ...pack.hourPack, validityMonths: 25 }, 'PLAN_HOUR_PACK_VALIDITY_INVALID'],
      [null, 'PLAN_HOUR_PACK_REQUIRED'],
    ] as const) {
      const res = await define({ ...pack, name: 'Pack Invalide', hourPack });
      expect({ hourPack, body: res.body }).toMatchObject({ body: { status: 400, code } });
    }
    const withPeriod = await define({ ...pack, name: 'Pack Mensuel', period: 'month' });
    expect(withPeriod.body).toMatchObject({ status: 400, code: 'PLAN_PERIOD_NOT_ALLOWED' });

    await t.settle();
    const packs = await t.request('GET', '/plans?kind=hour_pack');
    expect(packs.body.items).toEqual([
      expect.objectContaining({
        planId: 'pack-menage-5-h',
        hourPack: expect.objectContaining({ serviceTypeLabel: 'Ménage', hours: 5 }),
      }),
    ]);

    // A service type retired since: the pack can no longer be revised onto it.
    const repassage = await t.request('POST', '/admin/service-types', {
      token: admin.token,
      body: { label: 'Repassage pour pack', description: '', category: 'home' },
    });
    const onRepassage = await define({
      ...pack,
      name: 'Pack Repassage',
      hourPack: { ...pack.hourPack, serviceTypeId: repassage.body.serviceTypeId },
    });
    expect(onRepassage.status).toBe(201);
    await t.request('POST', `/admin/service-types/${repassage.body.serviceTypeId}/retire`, {
      token: admin.token,
    });
    const revised = await revise('pack-repassage', {
      ...pack,
      name: 'Pack Repassage',
      priceTtcCents: 10_000,
      hourPack: { ...pack.hourPack, serviceTypeId: repassage.body.serviceTypeId },
    });
    expect(revised.body).toMatchObject({
      status: 422,
      code: 'PLAN_SERVICE_TYPE_UNAVAILABLE',
      serviceTypeStatus: 'retired',
    });
  });

  it('retires a plan: out of the list, no later revision, still readable with its versions', async () => {
    await define(credits('Crédits Ancien'));
    const id = 'credits-ancien';
    const retired = await t.request('POST', `/admin/plans/${id}/retire`, { token: admin.token });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', statusLabel: 'Retiré', version: 1 });
    const again = await t.request('POST', `/admin/plans/${id}/retire`, { token: admin.token });
    expect(again.body).toMatchObject({
      status: 409,
      code: 'PLAN_RETIRED',
      currentStatus: 'retired',
    });
    const revision = await revise(id, credits('Crédits Ancien', { priceTtcCents: 1_000 }));
    expect(revision.body).toMatchObject({ status: 409, code: 'PLAN_RETIRED' });
    const redefine = await define(credits('Crédits Ancien'));
    expect(redefine.body).toMatchObject({
      status: 409,
      code: 'PLAN_EXISTS',
      currentStatus: 'retired',
    });
    await t.settle();
    const list = await t.request('GET', '/plans?kind=credits');
    expect(list.body.items.map((i: { planId: string }) => i.planId)).not.toContain(id);
    expect((await t.request('GET', `/plans/${id}`)).body).toMatchObject({
      status: 'retired',
      retiredAt: expect.any(String),
      versions: [{ version: 1 }],
    });
    expect(await t.app.get<PlanCatalog>(PLAN_CATALOG).find(id)).toMatchObject({
      retired: true,
      version: 1,
    });
  });

  describe('the default catalogue (npm run cli -- plans seed)', () => {
    it('defines the default plans once; a second run defines nothing', async () => {
      await t.app
        .get(ServiceTypeCatalogue)
        .seed({ now: new Date().toISOString(), actorId: 'system:test', actorRole: 'system' });
      const first = await runCli(t, ['plans', 'seed']);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toMatch(/Plans: 5 defined, 0 already there, 0 skipped\./);
      expect(first.stdout).toMatch(/\+ Crédits Essentiel +credits-essentiel/);
      // The same seed again (in process: the CLI's start-up alone takes tens of seconds here).
      const second = await t.app
        .get(PlanCatalogueSeed)
        .seed({ now: new Date().toISOString(), actorId: 'system:test', actorRole: 'system' });
      expect(second.created).toEqual([]);
      expect(second.existing).toHaveLength(DEFAULT_PLANS.length);
      await t.settle();
      const items = (await t.request('GET', '/plans')).body.items as {
        planId: string;
        kind: string;
        priceTtcCents: number;
        period: string | null;
        credits: Record<string, number>;
        benefits: string[];
        hourPack: {
          serviceTypeId: string;
          serviceTypeLabel: string | null;
          minutes: number;
        } | null;
      }[];
      const byId = new Map(items.map((i) => [i.planId, i]));
      expect(items[0]).toMatchObject({
        planId: 'pro',
        kind: 'pro',
        priceTtcCents: 1_990,
        period: 'month',
      });
      expect(byId.get('pro')?.benefits).toContain('Profil mis en avant dans les résultats');
      expect(byId.get('credits-essentiel')).toMatchObject({
        priceTtcCents: 2_900,
        period: 'month',
        credits: { consultation: 10, offer: 5, direct_contact: 2 },
      });
      expect(byId.get('credits-intensif')).toMatchObject({
        priceTtcCents: 7_900,
        period: 'quarter',
        credits: { consultation: 40, offer: 20, direct_contact: 8 },
      });
      expect(byId.get('pack-menage-10-h')).toMatchObject({
        kind: 'hour_pack',
        period: null,
        hourPack: {
          serviceTypeId: serviceTypeIdFor('Ménage'),
          serviceTypeLabel: 'Ménage',
          minutes: 600,
        },
      });
      // Cheaper than the usual ~25 € an hour.
      const pack = byId.get('pack-menage-10-h')!;
      expect(pack.priceTtcCents / (pack.hourPack!.minutes / 60)).toBeLessThan(2_500);
      expect(byId.get('pack-jardinage-20-h')?.hourPack?.serviceTypeLabel).toBe('Jardinage');
    }, 240_000);
  });
});
