import { Clock, ManualClock } from '../../../src/application/shared/clock';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { startTestApp, TestApp } from '../../support/test-app';
import { party, publishedGig } from '../orders/marketplace-fixtures';

const DAY = 86_400_000;

/** Every reader of "now" (controllers, identity services, jobs) takes it from the one Clock a test overrides. */
describe('platform: one clock', () => {
  let t: TestApp;
  let store: EventStore;
  // Two days ahead, on a whole second: far enough from real time that a stray system-clock read shows.
  const at = new Date(Math.floor((Date.now() + 2 * DAY) / 1000) * 1000);
  const clock = new ManualClock(at);

  beforeAll(async () => {
    t = await startTestApp({}, [[Clock, clock]]);
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => t.close());

  const dataOf = async (stream: string, type: string) =>
    (await store.readStream(stream)).find((e) => e.type === type)?.data as Record<string, unknown>;

  it('dates a gig and an order placed over HTTP with the overridden clock', async () => {
    const seller = await party(t, 'provider');
    const buyer = await party(t, 'client');
    const gigId = await publishedGig(t, seller);
    expect((await dataOf(`gig-${gigId}`, 'GigCreated')).createdAt).toBe(at.toISOString());
    expect((await dataOf(`gig-${gigId}`, 'GigPublished')).publishedAt).toBe(at.toISOString());

    const placed = await t.request('POST', '/orders', {
      token: buyer.token,
      body: { gigId, paymentMethod: 'pm_card_visa' },
      idempotencyKey: 'one-clock-order',
    });
    expect(placed.status).toBe(201);
    const orderId = placed.body.orderId as string;
    expect((await dataOf(`order-${orderId}`, 'OrderPlaced')).placedAt).toBe(at.toISOString());
  });

  it('dates a registration with the same clock', async () => {
    const reg = await t.request('POST', '/auth/register', {
      body: {
        email: 'one-clock@example.test',
        password: 'Correct-Horse-Battery-9',
        displayName: 'Une Horloge',
        roles: ['client'],
      },
    });
    expect(reg.status).toBe(201);
    const registered = await dataOf(`account-${reg.body.accountId}`, 'AccountRegistered');
    expect(registered.registeredAt).toBe(at.toISOString());
  });
});
