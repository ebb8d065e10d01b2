import { randomBytes, randomUUID } from 'node:crypto';
import {
  EVENT_STORE,
  EventStore,
  LogPosition,
  RecordedEvent,
  START_POSITION,
} from '../../src/application/shared/event-store.port';
import { uploadFile } from '../support/files';
import { startTestApp, TestApp, TestResponse } from '../support/test-app';
import {
  deliveredOrder,
  party,
  Party,
  placedOrder,
  publishedGig,
} from './orders/marketplace-fixtures';

/** Issue 12, point 3: text Postgres cannot hold, or that is no user text, is refused at the boundary. */

const NFD = 'E\u0301lodie ☕ 😀';
const NFC = '\u00C9lodie ☕ 😀';
const BAD_VALUES: [name: string, value: string, reason: string][] = [
  ['a NUL', 'Eve \u0000', 'NUL'],
  ['a lone surrogate', 'Eve \ud800', 'LONE_SURROGATE'],
  ['a BEL control character', 'Eve \u0007', 'CONTROL_CHARACTER'],
];

type Method = 'POST' | 'PATCH';

interface Route {
  name: string;
  method: Method;
  url: () => string;
  token: () => string;
  /** The body carrying `value` in the field under test. */
  body: (value: string) => Record<string, unknown>;
  field: string;
  status: number;
  valid?: { sent: string; stored: string };
  /** A file reference field: a well-formed value naming no upload of the caller is refused with this code. */
  refused?: string;
  idempotent?: boolean;
  /** What the route needs before it can accept anything. */
  setup?: () => Promise<void>;
}

function expectInvalidCharacters(res: TestResponse, field: string, reason: string, where = 'body') {
  expect({ status: res.status, code: res.body?.code }).toEqual({
    status: 400,
    code: 'INVALID_CHARACTERS',
  });
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.body.errors).toEqual([expect.objectContaining({ field, in: where, reason })]);
}

describe('text input at the boundary', () => {
  let t: TestApp;
  let store: EventStore;
  let cursor: LogPosition = START_POSITION;
  let buyer: Party;
  let seller: Party;
  let mediator: Party;
  let gigId: string;
  const ids: Record<string, string> = {};

  /** Waits for reactors and projections; a read side stuck on an event it cannot write fails here. */
  async function settled(): Promise<void> {
    const done = await Promise.race([
      t.settle().then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref()),
    ]);
    if (!done) throw new Error('the read side did not catch up within 10 s');
  }

  /** Events appended since the last call (once reactors and projections are quiet). */
  async function newEvents(): Promise<RecordedEvent[]> {
    await settled();
    const events: RecordedEvent[] = [];
    for (;;) {
      const batch = await store.readAll({ after: cursor, maxCount: 500 });
      if (batch.length === 0) return events;
      events.push(...batch);
      cursor = batch[batch.length - 1].position;
    }
  }

  const healthy = async () => {
    await settled();
    const health = await t.request('GET', '/health');
    expect({ status: health.status, projections: health.body?.info?.projections?.status }).toEqual({
      status: 200,
      projections: 'up',
    });
  };

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<EventStore>(EVENT_STORE);
    [buyer, seller, mediator] = await Promise.all([
      party(t, 'client'),
      party(t, 'provider'),
      party(t, 'mediator'),
    ]);
    gigId = await publishedGig(t, seller);
    ids.active = await placedOrder(t, buyer, gigId);
    ids.cancelling = await placedOrder(t, buyer, gigId);
    for (const orderId of [ids.active, ids.cancelling]) {
      const started = await t.request('POST', `/orders/${orderId}/start`, { token: seller.token });
      expect(started.status).toBe(200);
    }
    ids.contested = await deliveredOrder(t, buyer, seller, gigId);
    ids.contestedWithEvidence = await deliveredOrder(t, buyer, seller, gigId);
    await newEvents();
  }, 60_000);
  afterAll(async () => t.close());

  it('refuses a registration whose display name holds a lone surrogate; the read side stays healthy', async () => {
    const register = (displayName: string) =>
      t.request('POST', '/auth/register', {
        body: {
          email: `eve.${randomBytes(4).toString('hex')}@example.fr`,
          password: 'Str0ng!pass',
          displayName,
          roles: ['client'],
        },
      });
    expectInvalidCharacters(await register('Eve \ud800'), 'displayName', 'LONE_SURROGATE');
    expect(await newEvents()).toEqual([]);
    await healthy();

    const accepted = await register(NFD);
    expect(accepted.status).toBe(201);
    const me = await t.request('GET', '/me', {
      token: await t.tokenFor({ accountId: accepted.body.accountId, roles: ['client'] }),
    });
    expect(me.body.displayName).toBe(NFC);
    await healthy();
  });

  const freshSeller = async () => (ids.gigSellerToken = (await party(t, 'provider')).token);
  const gig = (field: string) => (value: string) => ({
    kind: 'package',
    title: 'Business plan complet',
    priceCents: 45_000,
    category: 'finance-gestion',
    description: 'Étude de marché.',
    deliveryDays: 7,
    [field]: value,
  });

  const ROUTES: Route[] = [
    ...(['title', 'description', 'category'] as const).map((field): Route => ({
      name: `gig ${field}`,
      method: 'POST',
      url: () => '/gigs',
      token: () => ids.gigSellerToken,
      body: gig(field),
      field,
      status: 201,
    })),
    {
      name: 'order message text',
      method: 'POST',
      url: () => `/orders/${ids.active}/messages`,
      token: () => buyer.token,
      body: (text) => ({ text }),
      field: 'text',
      status: 201,
    },
    {
      name: 'order message file refs',
      method: 'POST',
      url: () => `/orders/${ids.active}/messages`,
      token: () => buyer.token,
      body: (ref) => ({ fileRefs: [ids.attachment, ref] }),
      field: 'fileRefs.1',
      status: 422,
      refused: 'FILE_NOT_FOUND',
      setup: async () => {
        ids.attachment = await uploadFile(t, buyer.token, 'message_attachment');
      },
    },
    {
      name: 'delivery message',
      method: 'POST',
      url: () => `/orders/${ids.active}/deliveries`,
      token: () => seller.token,
      body: (message) => ({ message, fileRefs: [ids.deliverable] }),
      field: 'message',
      status: 201,
      setup: async () => {
        ids.deliverable = await uploadFile(t, seller.token, 'deliverable');
      },
    },
    {
      name: 'revision instructions',
      method: 'POST',
      url: () => `/orders/${ids.active}/revision-requests`,
      token: () => buyer.token,
      body: (instructions) => ({ instructions }),
      field: 'instructions',
      status: 201,
    },
    {
      name: 'cancellation reason',
      method: 'POST',
      url: () => `/orders/${ids.cancelling}/cancellation-requests`,
      token: () => seller.token,
      body: (reason) => ({ reason }),
      field: 'reason',
      status: 201,
    },
    {
      name: 'dispute statement',
      method: 'POST',
      url: () => `/orders/${ids.contested}/disputes`,
      token: () => buyer.token,
      body: (statement) => ({ reason: 'not_as_described', statement }),
      field: 'statement',
      status: 201,
      idempotent: true,
    },
    {
      name: 'dispute evidence',
      method: 'POST',
      url: () => `/orders/${ids.contestedWithEvidence}/disputes`,
      token: () => buyer.token,
      body: (ref) => ({
        reason: 'not_as_described',
        statement: 'Il manque le fichier.',
        evidenceRefs: [ref],
      }),
      field: 'evidenceRefs.0',
      status: 422,
      refused: 'FILE_NOT_FOUND',
      idempotent: true,
    },
    {
      name: 'dispute statement added',
      method: 'POST',
      url: () => `/disputes/${ids.dispute}/statements`,
      token: () => seller.token,
      body: (text) => ({ text }),
      field: 'text',
      status: 200,
    },
    {
      name: 'dispute statement evidence',
      method: 'POST',
      url: () => `/disputes/${ids.dispute}/statements`,
      token: () => seller.token,
      body: (ref) => ({ text: 'Voir la pièce jointe.', evidenceRefs: [ref] }),
      field: 'evidenceRefs.0',
      status: 422,
      refused: 'FILE_NOT_FOUND',
    },
    {
      name: 'mediation note',
      method: 'POST',
      url: () => `/disputes/${ids.dispute}/notes`,
      token: () => mediator.token,
      body: (text) => ({ text }),
      field: 'text',
      status: 200,
      setup: async () => {
        const take = await t.request('POST', `/disputes/${ids.dispute}/assign`, {
          token: mediator.token,
          body: {},
        });
        expect(take.status).toBe(200);
      },
    },
    {
      name: 'custom-request title',
      method: 'POST',
      url: () => '/custom-requests',
      token: () => buyer.token,
      body: (title) => ({
        title,
        description: 'PME de 40 salariés',
        category: 'rh',
        proposedPriceCents: 80_000,
        deadline: { kind: 'days', days: 10 },
      }),
      field: 'title',
      status: 201,
    },
    {
      name: 'withdrawal holder name',
      method: 'POST',
      url: () => '/wallet/withdrawal-accounts',
      token: () => seller.token,
      body: (holderName) => ({
        kind: 'bank',
        iban: 'FR76 3000 6000 0112 3456 7890 189',
        holderName,
      }),
      field: 'holderName',
      status: 201,
    },
    {
      name: 'withdrawal PayPal e-mail',
      method: 'POST',
      url: () => '/wallet/withdrawal-accounts',
      token: () => seller.token,
      body: (email) => ({ kind: 'paypal', email }),
      field: 'email',
      status: 201,
      valid: { sent: 'e\u0301lodie@example.fr', stored: '\u00E9lodie@example.fr' },
    },
    {
      name: 'verification upload ref',
      method: 'POST',
      url: () => '/me/verification/documents',
      token: () => ids.uploaderToken,
      body: (uploadRef) => ({ kind: 'rib', uploadRef }),
      field: 'uploadRef',
      status: 422,
      refused: 'FILE_NOT_FOUND',
    },
  ];

  describe.each(ROUTES.map((r) => [r.name, r] as const))('%s', (_name, route) => {
    beforeAll(async () => {
      if (route.url() === '/gigs') await freshSeller();
      if (!ids.uploaderToken) ids.uploaderToken = (await party(t, 'provider', false)).token;
      await route.setup?.();
      await newEvents();
    });

    it.each(BAD_VALUES)(
      'answers 400 naming the field for %s and appends nothing',
      async (_what, value, reason) => {
        const res = await t.request(route.method, route.url(), {
          token: route.token(),
          body: route.body(value),
          ...(route.idempotent ? { idempotencyKey: randomUUID() } : {}),
        });
        expectInvalidCharacters(res, route.field, reason);
        expect(await newEvents()).toEqual([]);
      },
    );

    const accepts = route.refused
      ? 'refuses a well-formed reference that names no upload of the caller, and appends nothing'
      : 'accepts non-ASCII text and stores it NFC-normalised';
    it(accepts, async () => {
      const { sent, stored } = route.valid ?? { sent: NFD, stored: NFC };
      const res = await t.request(route.method, route.url(), {
        token: route.token(),
        body: route.body(sent),
        ...(route.idempotent ? { idempotencyKey: randomUUID() } : {}),
      });
      if (route.refused) {
        expect({ status: res.status, code: res.body?.code }).toEqual({
          status: route.status,
          code: route.refused,
        });
        expect(await newEvents()).toEqual([]);
        return;
      }
      expect({ status: res.status, body: res.body }).toEqual({
        status: route.status,
        body: expect.anything(),
      });
      if (route.field === 'statement') ids.dispute = res.body.disputeId;
      const logged = JSON.stringify((await newEvents()).map((e) => e.data));
      expect(logged).toContain(JSON.stringify(stored).slice(1, -1));
      expect(logged).not.toContain(JSON.stringify(sent).slice(1, -1));
    });
  });

  it('names nested fields and array items, and checks object keys', async () => {
    const res = await t.request('PATCH', `/gigs/${gigId}`, {
      token: seller.token,
      body: {
        extras: [{ extraId: 'express', name: 'Express\u0000', priceCents: 4_900, deltaDays: -2 }],
      },
    });
    expectInvalidCharacters(res, 'extras.0.name', 'NUL');
    const key = await t.request('PATCH', '/me', {
      token: buyer.token,
      body: {
        address: {
          line1: '1 rue A',
          postalCode: '69001',
          city: 'Lyon',
          country: 'FR',
          'x\u0000': 1,
        },
      },
    });
    expectInvalidCharacters(key, 'address.x\\u0000', 'NUL');
    expect(await newEvents()).toEqual([]);
  });

  it('checks query strings: /search/gigs?q=%00 answers 400 naming q', async () => {
    const token = buyer.token;
    expectInvalidCharacters(
      await t.request('GET', '/search/gigs?q=%00', { token }),
      'q',
      'NUL',
      'query',
    );
    expectInvalidCharacters(
      await t.request('GET', '/search/gigs?q=a%07b', { token }),
      'q',
      'CONTROL_CHARACTER',
      'query',
    );
    expectInvalidCharacters(
      await t.request('GET', '/search/gigs?category=x&q=%00', { token }),
      'q',
      'NUL',
      'query',
    );
    const ok = await t.request('GET', `/search/gigs?q=${encodeURIComponent('E\u0301tude')}`, {
      token,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.items.map((g: { gigId: string }) => g.gigId)).toContain(gigId);
  });
});
