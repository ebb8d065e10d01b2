import { randomUUID } from 'node:crypto';
import { RegistrationService } from '../../../src/application/identity/registration.service';
import {
  DEFAULT_SERVICE_TYPES,
  ServiceTypeCatalogue,
} from '../../../src/application/missions/service-type.catalogue';
import { runCli } from '../../support/cli';
import { startTestApp, TestApp } from '../../support/test-app';
import { party, Party, seedVerifiedProvider } from '../orders/marketplace-fixtures';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('missions: the service-type catalogue and provider offers', () => {
  let t: TestApp;
  let admin: Party;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await party(t, 'admin');
  });
  afterAll(async () => t.close());

  const createType = async (label: string, category = 'home', key?: string) =>
    t.request('POST', '/admin/service-types', {
      token: admin.token,
      body: { label, description: `${label} à domicile.`, category },
      idempotencyKey: key,
    });

  const typeId = async (label: string, category = 'home'): Promise<string> => {
    const res = await createType(label, category);
    if (res.status !== 201) throw new Error(`create type: ${res.status} ${res.text}`);
    return res.body.serviceTypeId as string;
  };

  describe('service types', () => {
    it('lets an admin create a type, refuses the same label twice (by slug) and lists it publicly', async () => {
      const created = await createType('Ménage');
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        label: 'Ménage',
        category: 'home',
        status: 'active',
        statusLabel: 'Actif',
        revision: '0',
      });
      for (const again of ['Ménage', '  menage ', 'MÉNAGE']) {
        const refused = await createType(again);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.body).toMatchObject({
          status: 409,
          code: 'SERVICE_TYPE_EXISTS',
          currentStatus: 'active',
          serviceTypeId: created.body.serviceTypeId,
        });
      }
      await t.settle();
      const list = await t.request('GET', '/service-types');
      expect(list.status).toBe(200);
      expect(list.body.items).toContainEqual(
        expect.objectContaining({
          serviceTypeId: created.body.serviceTypeId,
          label: 'Ménage',
          status: 'active',
        }),
      );
      const one = await t.request('GET', `/service-types/${created.body.serviceTypeId}`);
      expect(one.body).toMatchObject({ label: 'Ménage', retiredAt: null });
    });

    it('answers a repeated creation with the same Idempotency-Key with the first answer', async () => {
      const key = randomUUID();
      const first = await createType('Repassage', 'home', key);
      const second = await createType('Repassage', 'home', key);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
    });

    it('refuses malformed input with 400 and a stable code', async () => {
      const shape = await t.request('POST', '/admin/service-types', {
        token: admin.token,
        body: { label: 'Sans catégorie', description: '' },
      });
      expect(shape.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      const category = await createType('Vitres', 'Maison & jardin');
      expect(category.body).toMatchObject({ status: 400, code: 'SERVICE_TYPE_INVALID_CATEGORY' });
      const empty = await createType('   ');
      expect(empty.body).toMatchObject({ status: 400, code: 'SERVICE_TYPE_LABEL_REQUIRED' });
      const badId = await t.request('PUT', '/admin/service-types/not-a-uuid', {
        token: admin.token,
        body: { label: 'x', description: '', category: 'home' },
      });
      expect(badId.body).toMatchObject({ status: 400, code: 'INVALID_ID' });
    });

    it('keeps the catalogue to admins (403) and answers unknown ids with 404', async () => {
      const provider = await party(t, 'provider');
      const refused = await t.request('POST', '/admin/service-types', {
        token: provider.token,
        body: { label: 'Piscine', description: '', category: 'home' },
      });
      expect(refused.body).toMatchObject({ status: 403, code: 'ROLE_REQUIRED' });
      for (const [method, url, body] of [
        [
          'PUT',
          `/admin/service-types/${UNKNOWN_ID}`,
          { label: 'X', description: '', category: 'home' },
        ],
        ['POST', `/admin/service-types/${UNKNOWN_ID}/retire`, undefined],
      ] as const) {
        const res = await t.request(method, url, { token: admin.token, body });
        expect(res.body).toMatchObject({ status: 404, code: 'SERVICE_TYPE_NOT_FOUND' });
      }
      expect((await t.request('GET', `/service-types/${UNKNOWN_ID}`)).body).toMatchObject({
        status: 404,
        code: 'SERVICE_TYPE_NOT_FOUND',
      });
    });

    it('renames a type, refuses a rename onto another type’s label, retires it and hides it from the list', async () => {
      const id = await typeId('Jardinage', 'garden');
      await typeId('Bricolage', 'repairs');
      const renamed = await t.request('PUT', `/admin/service-types/${id}`, {
        token: admin.token,
        body: {
          label: 'Jardinage et potager',
          description: 'Tonte, haies, potager.',
          category: 'garden',
        },
      });
      expect(renamed.body).toMatchObject({
        serviceTypeId: id,
        label: 'Jardinage et potager',
        revision: '1',
      });
      const same = await t.request('PUT', `/admin/service-types/${id}`, {
        token: admin.token,
        body: {
          label: 'Jardinage et potager',
          description: 'Tonte, haies, potager.',
          category: 'garden',
        },
      });
      expect(same.body.revision).toBe('1');
      const taken = await t.request('PUT', `/admin/service-types/${id}`, {
        token: admin.token,
        body: { label: 'bricolage', description: '', category: 'garden' },
      });
      expect(taken.body).toMatchObject({
        status: 409,
        code: 'SERVICE_TYPE_LABEL_TAKEN',
        currentStatus: 'active',
      });
      await t.settle();
      // The renamed type holds its new label: creating it again is refused by the read model's check.
      expect((await createType('Jardinage et potager', 'garden')).body).toMatchObject({
        status: 409,
        code: 'SERVICE_TYPE_EXISTS',
        serviceTypeId: id,
      });

      const key = randomUUID();
      const retired = await t.request('POST', `/admin/service-types/${id}/retire`, {
        token: admin.token,
        idempotencyKey: key,
      });
      expect(retired.body).toMatchObject({ status: 'retired', statusLabel: 'Retiré' });
      const replay = await t.request('POST', `/admin/service-types/${id}/retire`, {
        token: admin.token,
        idempotencyKey: key,
      });
      expect(replay.body).toEqual(retired.body);
      const again = await t.request('POST', `/admin/service-types/${id}/retire`, {
        token: admin.token,
      });
      expect(again.body).toMatchObject({
        status: 409,
        code: 'SERVICE_TYPE_RETIRED',
        currentStatus: 'retired',
      });
      const edit = await t.request('PUT', `/admin/service-types/${id}`, {
        token: admin.token,
        body: { label: 'Autre', description: '', category: 'garden' },
      });
      expect(edit.body).toMatchObject({ status: 409, code: 'SERVICE_TYPE_RETIRED' });
      await t.settle();
      const list = await t.request('GET', '/service-types?category=garden');
      expect(list.body.items.map((i: { serviceTypeId: string }) => i.serviceTypeId)).not.toContain(
        id,
      );
      expect((await t.request('GET', `/service-types/${id}`)).body).toMatchObject({
        status: 'retired',
      });
    });
  });

  describe('provider offers', () => {
    let menage: string;
    let retiredType: string;
    beforeAll(async () => {
      menage = await typeId('Soins des animaux', 'pets');
      retiredType = await typeId('Déménagement', 'moving');
      await t.request('POST', `/admin/service-types/${retiredType}/retire`, { token: admin.token });
    });

    it('starts empty, offers a type at an hourly rate, changes it to a fixed price and withdraws it', async () => {
      const provider = await party(t, 'provider');
      const empty = await t.request('GET', '/me/provider-offer', { token: provider.token });
      expect(empty.body).toEqual({
        providerId: provider.id,
        verified: true,
        services: [],
        zone: null,
        weeklyHours: [],
        exceptions: [],
        revision: '-1',
      });
      const url = `/me/provider-offer/services/${menage}`;
      const hourly = await t.request('PUT', url, {
        token: provider.token,
        body: { kind: 'hourly', hourlyRateCents: 2_500 },
      });
      expect(hourly.status).toBe(200);
      expect(hourly.body.services).toEqual([
        expect.objectContaining({
          serviceTypeId: menage,
          label: 'Soins des animaux',
          serviceTypeStatus: 'active',
          pricing: { kind: 'hourly', hourlyRateCents: 2_500 },
        }),
      ]);
      const same = await t.request('PUT', url, {
        token: provider.token,
        body: { kind: 'hourly', hourlyRateCents: 2_500 },
      });
      expect(same.body.revision).toBe(hourly.body.revision);
      const fixed = await t.request('PUT', url, {
        token: provider.token,
        body: { kind: 'fixed', fixedPriceCents: 9_000 },
      });
      expect(fixed.body.services[0].pricing).toEqual({ kind: 'fixed', fixedPriceCents: 9_000 });
      const withdrawn = await t.request('DELETE', url, { token: provider.token });
      expect(withdrawn.body.services).toEqual([]);
      const again = await t.request('DELETE', url, { token: provider.token });
      expect(again.body).toMatchObject({ status: 404, code: 'SERVICE_NOT_OFFERED' });
    });

    it('refuses an unknown or retired type (422) and bad prices (400)', async () => {
      const provider = await party(t, 'provider');
      for (const id of [UNKNOWN_ID, retiredType]) {
        const res = await t.request('PUT', `/me/provider-offer/services/${id}`, {
          token: provider.token,
          body: { kind: 'hourly', hourlyRateCents: 2_000 },
        });
        expect(res.body).toMatchObject({
          status: 422,
          code: 'SERVICE_TYPE_NOT_FOUND',
          serviceTypeId: id,
        });
      }
      const url = `/me/provider-offer/services/${menage}`;
      for (const body of [
        { kind: 'hourly', hourlyRateCents: 99 },
        { kind: 'hourly', hourlyRateCents: 100_001 },
        { kind: 'fixed', fixedPriceCents: 0 },
      ]) {
        const res = await t.request('PUT', url, { token: provider.token, body });
        expect(res.body).toMatchObject({ status: 400, code: 'OFFER_INVALID_PRICING' });
      }
      for (const body of [
        { kind: 'daily' },
        { kind: 'hourly' },
        { kind: 'fixed', fixedPriceCents: '80' },
      ]) {
        const res = await t.request('PUT', url, { token: provider.token, body });
        expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      }
      const badId = await t.request('PUT', '/me/provider-offer/services/menage', {
        token: provider.token,
        body: { kind: 'hourly', hourlyRateCents: 2_000 },
      });
      expect(badId.body).toMatchObject({ status: 400, code: 'INVALID_ID' });
    });

    it('keeps offers to providers (403 for a client)', async () => {
      const client = await party(t, 'client');
      for (const [method, url] of [
        ['GET', '/me/provider-offer'],
        ['PUT', '/me/provider-offer/zone'],
      ] as const) {
        const res = await t.request(method, url, {
          token: client.token,
          ...(method === 'PUT' ? { body: { postalCode: '69003', radiusKm: 10 } } : {}),
        });
        expect(res.body).toMatchObject({ status: 403, code: 'ROLE_REQUIRED' });
      }
    });

    it('sets the zone from the postal code alone, or from given coordinates', async () => {
      const provider = await party(t, 'provider');
      const derived = await t.request('PUT', '/me/provider-offer/zone', {
        token: provider.token,
        body: { postalCode: '69003', radiusKm: 15 },
      });
      expect(derived.status).toBe(200);
      expect(derived.body.zone).toMatchObject({ postalCode: '69003', city: 'Lyon', radiusKm: 15 });
      expect(derived.body.zone.lat).toBeCloseTo(45.76, 0);
      expect(derived.body.zone.lng).toBeCloseTo(4.85, 0);
      const given = await t.request('PUT', '/me/provider-offer/zone', {
        token: provider.token,
        body: { postalCode: '69003', city: 'Lyon 3e', lat: 45.7601, lng: 4.8512, radiusKm: 5 },
      });
      expect(given.body.zone).toEqual({
        postalCode: '69003',
        city: 'Lyon 3e',
        lat: 45.7601,
        lng: 4.8512,
        radiusKm: 5,
      });
      const unknown = await t.request('PUT', '/me/provider-offer/zone', {
        token: provider.token,
        body: { postalCode: '00000', radiusKm: 15 },
      });
      expect(unknown.body).toMatchObject({
        status: 422,
        code: 'POSTAL_CODE_UNKNOWN',
        postalCode: '00000',
      });
      for (const [body, code] of [
        [{ postalCode: '69003', radiusKm: 0 }, 'OFFER_INVALID_RADIUS'],
        [{ postalCode: '69003', radiusKm: 101 }, 'OFFER_INVALID_RADIUS'],
        [{ postalCode: '6900', radiusKm: 10 }, 'OFFER_INVALID_POSTAL_CODE'],
        [{ postalCode: '69003', lat: 45.7, radiusKm: 10 }, 'OFFER_INVALID_COORDINATES'],
        [{ postalCode: '69003' }, 'VALIDATION_FAILED'],
      ] as const) {
        const res = await t.request('PUT', '/me/provider-offer/zone', {
          token: provider.token,
          body,
        });
        expect(res.body).toMatchObject({ status: 400, code });
      }
    });

    it('replaces the weekly hours and refuses overlaps (422) and malformed slots (400)', async () => {
      const provider = await party(t, 'provider');
      const set = await t.request('PUT', '/me/provider-offer/weekly-hours', {
        token: provider.token,
        body: {
          slots: [
            { weekday: 3, from: '14:00', to: '18:00' },
            { weekday: 1, from: '09:00', to: '12:00' },
            { weekday: 1, from: '12:00', to: '13:30' },
          ],
        },
      });
      expect(set.body.weeklyHours).toEqual([
        { weekday: 1, from: '09:00', to: '12:00' },
        { weekday: 1, from: '12:00', to: '13:30' },
        { weekday: 3, from: '14:00', to: '18:00' },
      ]);
      const overlap = await t.request('PUT', '/me/provider-offer/weekly-hours', {
        token: provider.token,
        body: {
          slots: [
            { weekday: 2, from: '09:00', to: '12:00' },
            { weekday: 2, from: '11:00', to: '13:00' },
          ],
        },
      });
      expect(overlap.body).toMatchObject({ status: 422, code: 'OFFER_SLOTS_OVERLAP' });
      const backwards = await t.request('PUT', '/me/provider-offer/weekly-hours', {
        token: provider.token,
        body: { slots: [{ weekday: 8, from: '09:00', to: '12:00' }] },
      });
      expect(backwards.body).toMatchObject({ status: 400, code: 'OFFER_INVALID_SLOT' });
      const shape = await t.request('PUT', '/me/provider-offer/weekly-hours', {
        token: provider.token,
        body: { slots: [{ weekday: 1, from: 9, to: '12:00' }] },
      });
      expect(shape.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      const cleared = await t.request('PUT', '/me/provider-offer/weekly-hours', {
        token: provider.token,
        body: { slots: [] },
      });
      expect(cleared.body.weeklyHours).toEqual([]);
    });

    it('adds exceptions (a repeat with the same Idempotency-Key is the same one) and removes them', async () => {
      const provider = await party(t, 'provider');
      const key = randomUUID();
      const body = {
        kind: 'unavailable',
        from: '2099-08-01T00:00:00+02:00',
        to: '2099-08-15T00:00:00+02:00',
      };
      const added = await t.request('POST', '/me/provider-offer/exceptions', {
        token: provider.token,
        body,
        idempotencyKey: key,
      });
      expect(added.status).toBe(201);
      expect(added.body.exceptions).toEqual([
        {
          exceptionId: added.body.exceptionId,
          kind: 'unavailable',
          from: '2099-07-31T22:00:00.000Z',
          to: '2099-08-14T22:00:00.000Z',
        },
      ]);
      const replay = await t.request('POST', '/me/provider-offer/exceptions', {
        token: provider.token,
        body,
        idempotencyKey: key,
      });
      expect(replay.body).toEqual(added.body);
      for (const [input, status, code] of [
        [{ ...body, kind: 'maybe' }, 400, 'VALIDATION_FAILED'],
        [{ ...body, from: 'demain' }, 400, 'OFFER_INVALID_EXCEPTION'],
        [{ ...body, from: body.to, to: body.from }, 400, 'OFFER_INVALID_EXCEPTION'],
        [
          { kind: 'available', from: '2001-01-01T00:00:00Z', to: '2001-01-02T00:00:00Z' },
          422,
          'OFFER_EXCEPTION_IN_PAST',
        ],
        [
          { kind: 'available', from: '2099-01-01T00:00:00Z', to: '2100-06-01T00:00:00Z' },
          422,
          'OFFER_EXCEPTION_TOO_LONG',
        ],
      ] as const) {
        const res = await t.request('POST', '/me/provider-offer/exceptions', {
          token: provider.token,
          body: input,
        });
        expect(res.body).toMatchObject({ status, code });
      }
      const url = `/me/provider-offer/exceptions/${added.body.exceptionId}`;
      const removed = await t.request('DELETE', url, { token: provider.token });
      expect(removed.body.exceptions).toEqual([]);
      const again = await t.request('DELETE', url, { token: provider.token });
      expect(again.body).toMatchObject({ status: 404, code: 'OFFER_EXCEPTION_NOT_FOUND' });
    });

    it('answers a stale If-Match with 409', async () => {
      const provider = await party(t, 'provider');
      const first = await t.request('PUT', '/me/provider-offer/zone', {
        token: provider.token,
        body: { postalCode: '75011', radiusKm: 10 },
      });
      await t.request('PUT', '/me/provider-offer/weekly-hours', {
        token: provider.token,
        body: { slots: [{ weekday: 1, from: '09:00', to: '12:00' }] },
      });
      const stale = await t.request('PUT', '/me/provider-offer/zone', {
        token: provider.token,
        body: { postalCode: '75011', radiusKm: 20 },
        headers: { 'if-match': `"${first.body.revision}"` },
      });
      expect(stale.body).toMatchObject({ status: 409, code: 'CONCURRENT_MODIFICATION' });
    });

    it('shows a provider found by reference: active services, zone without its coordinates, hours, upcoming exceptions', async () => {
      const { accountId, providerReference } = await t.app
        .get(RegistrationService)
        .registerConfirmed(
          {
            email: `offer-${randomUUID()}@example.fr`,
            password: 'Str0ng!password-offer',
            displayName: 'Camille Durand',
            roles: ['provider'],
          },
          { correlationId: randomUUID() },
        );
      const token = await t.tokenFor({ accountId, roles: ['provider'] });
      const other = await typeId('Informatique à domicile', 'it');
      await t.request('PUT', `/me/provider-offer/services/${menage}`, {
        token,
        body: { kind: 'hourly', hourlyRateCents: 2_200 },
      });
      await t.request('PUT', `/me/provider-offer/services/${other}`, {
        token,
        body: { kind: 'fixed', fixedPriceCents: 6_000 },
      });
      await t.request('POST', `/admin/service-types/${other}/retire`, { token: admin.token });
      await t.request('PUT', '/me/provider-offer/zone', {
        token,
        body: { postalCode: '69003', radiusKm: 12 },
      });
      await t.request('PUT', '/me/provider-offer/weekly-hours', {
        token,
        body: { slots: [{ weekday: 2, from: '08:00', to: '12:00' }] },
      });
      await t.request('POST', '/me/provider-offer/exceptions', {
        token,
        body: { kind: 'available', from: '2099-05-01T08:00:00Z', to: '2099-05-01T12:00:00Z' },
      });
      const client = await party(t, 'client');
      const seen = await t.request('GET', `/providers/${providerReference!.toLowerCase()}/offer`, {
        token: client.token,
      });
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({
        providerId: accountId,
        providerReference,
        verified: false,
        zone: { postalCode: '69003', city: 'Lyon', radiusKm: 12 },
        weeklyHours: [{ weekday: 2, from: '08:00', to: '12:00' }],
        exceptions: [expect.objectContaining({ kind: 'available' })],
      });
      expect(seen.body.zone.lat).toBeUndefined();
      expect(seen.body.services).toEqual([
        expect.objectContaining({
          serviceTypeId: menage,
          pricing: { kind: 'hourly', hourlyRateCents: 2_200 },
        }),
      ]);
      // Verified once every document is approved: only then is the provider dispatched.
      await seedVerifiedProvider(t, accountId);
      const verified = await t.request('GET', `/providers/${providerReference}/offer`, {
        token: client.token,
      });
      expect(verified.body.verified).toBe(true);
      // The provider's own view still lists the retired type, marked as such.
      const own = await t.request('GET', '/me/provider-offer', { token });
      expect(
        own.body.services.map((s: { serviceTypeStatus: string }) => s.serviceTypeStatus).sort(),
      ).toEqual(['active', 'retired']);
    });

    it('answers an unknown reference with 404 and a malformed one with 400', async () => {
      const client = await party(t, 'client');
      const unknown = await t.request('GET', '/providers/PR-ZZZZZ/offer', { token: client.token });
      expect(unknown.body).toMatchObject({ status: 404, code: 'PROVIDER_NOT_FOUND' });
      const malformed = await t.request('GET', '/providers/nobody/offer', { token: client.token });
      expect(malformed.body).toMatchObject({ status: 400, code: 'INVALID_PROVIDER_REFERENCE' });
    });
  });
  describe('the default catalogue (npm run cli -- service-types seed)', () => {
    it('creates the default types once; a second run creates nothing and leaves a retired one retired', async () => {
      // "Ménage" was created and "Jardinage" renamed then retired above: both count as already there.
      const first = await runCli(t, ['service-types', 'seed']);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toMatch(/Service types: \d+ created, \d+ already there\./);
      expect(first.stdout).toMatch(/= Ménage/);
      expect(first.stdout).toMatch(/\+ Plomberie/);
      // The same seed again (in process: the CLI's start-up alone takes tens of seconds here).
      const second = await t.app
        .get(ServiceTypeCatalogue)
        .seed({ now: new Date().toISOString(), actorId: 'system:test', actorRole: 'system' });
      expect(second.created).toEqual([]);
      expect(second.existing).toHaveLength(DEFAULT_SERVICE_TYPES.length);
      await t.settle();
      const labels = (await t.request('GET', '/service-types')).body.items.map(
        (i: { label: string }) => i.label,
      );
      expect(labels).toEqual(
        expect.arrayContaining([
          'Ménage',
          'Plomberie',
          'Électricité',
          "Garde d'enfants",
          'Montage de meubles',
        ]),
      );
      expect(labels).not.toContain('Jardinage');
      expect(new Set(labels).size).toBe(labels.length);
    }, 240_000);
  });
});
