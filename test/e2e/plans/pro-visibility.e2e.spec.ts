import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { GEOCODER, Geocoder } from '../../../src/application/missions/geocoder.port';
import {
  CandidateQuery,
  MISSION_CANDIDATES,
  MissionCandidates,
} from '../../../src/application/missions/mission-candidates.port';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { subscriptionStream, type SubscriptionEvent } from '../../../src/domain/plans';
import { PG_POOL } from '../../../src/infrastructure/database/database.tokens';
import { allProjections } from '../../../src/projections/all-projections';
import { rebuildProjections } from '../../../src/projections/runner/rebuild';
import { startTestApp, TestApp } from '../../support/test-app';
import { party, publishedGig } from '../orders/marketplace-fixtures';

/**
 * What a running Pro subscription changes for everyone else (docs/plans-pro.md): the provider
 * comes first among equals in mission dispatch and in gig search, their gigs and profile are
 * featured; a cancellation (immediate) or a suspension ends it at once, a reinstatement brings
 * it back. The subscription's events are appended as the subscriptions context writes them.
 */
const AT = '2026-12-01T09:00:00.000Z';
const REQUIRED = ['kbis_or_cfe', 'rib', 'urssaf_vigilance', 'tax_compliance', 'rc_pro'];
/** Monday 14 December 2026, 10:00 in Paris. */
const MONDAY_10H = '2026-12-14T09:00:00.000Z';

describe('Pro visibility: dispatch order, gig search and the public profile', () => {
  let t: TestApp;
  let store: EventStore;
  let candidates: MissionCandidates;
  let geocoder: Geocoder;

  const append = (stream: string, ...events: { type: string; data: object }[]) =>
    store.appendToStream(
      stream,
      events.map((e) => ({ id: randomUUID(), ...e, metadata: { occurredAt: AT } })),
    );

  beforeAll(async () => {
    // Workers stay off: nothing but the read models answers the scripted subscription events.
    t = await startTestApp({ PROCESS_ROLES: 'api,projectors' });
    store = t.app.get(EVENT_STORE);
    candidates = t.app.get(MISSION_CANDIDATES);
    geocoder = t.app.get(GEOCODER);
  });
  afterAll(async () => t?.close());

  /** A Pro subscription of the provider, appended event by event to its stream. */
  function proSubscription(accountId: string) {
    const subscriptionId = randomUUID();
    const stream = subscriptionStream(subscriptionId);
    const terms = (period: number) => ({
      period,
      planVersion: 1,
      priceTtcCents: 2_990,
      periodStartsAt: AT,
      periodEndsAt: '2027-01-01T09:00:00.000Z',
      credits: { consultation: 0, offer: 0, direct_contact: 0 },
      chargeRef: `ch_${subscriptionId}_${period}`,
    });
    const write = (e: Pick<SubscriptionEvent, 'type' | 'data'>) => append(stream, e);
    return {
      start: () =>
        write({
          type: 'SubscriptionStarted',
          data: {
            ...terms(1),
            subscriptionId,
            accountId,
            planId: 'plan-pro',
            planKind: 'pro',
            planName: 'Pro',
            billingPeriod: 'month',
            paymentMethodRef: 'pm_card_visa',
            startedAt: AT,
          },
        }),
      suspend: () =>
        write({
          type: 'SubscriptionSuspended',
          data: {
            subscriptionId,
            accountId,
            period: 2,
            reason: 'payment_incident',
            suspendedAt: AT,
          },
        }),
      reinstate: () =>
        write({
          type: 'SubscriptionReinstated',
          data: { ...terms(2), subscriptionId, accountId, planId: 'plan-pro', reinstatedAt: AT },
        }),
      cancel: () =>
        write({
          type: 'SubscriptionCancelled',
          data: {
            subscriptionId,
            accountId,
            planKind: 'pro',
            reason: 'owner_request',
            cancelledBy: accountId,
            endsAt: AT,
            cancelledAt: AT,
          },
        }),
    };
  }

  async function verifiedProvider(postalCode: string, hourlyRateCents: number): Promise<string> {
    const providerId = randomUUID();
    for (const kind of REQUIRED) {
      const documentId = randomUUID();
      await append(
        `verification-${providerId}`,
        {
          type: 'DocumentSubmitted',
          data: { providerId, documentId, kind, uploadRef: `u-${documentId}`, submittedAt: AT },
        },
        {
          type: 'DocumentApproved',
          data: {
            providerId,
            documentId,
            kind,
            reviewedBy: 'staff',
            approvedAt: AT,
            expiresAt: null,
          },
        },
      );
    }
    const base = await geocoder.locate(postalCode);
    await append(
      `provider-offer-${providerId}`,
      {
        type: 'ProviderServiceOffered',
        data: {
          providerId,
          serviceTypeId: 'cleaning',
          pricing: { kind: 'hourly', hourlyRateCents },
          offeredAt: AT,
        },
      },
      { type: 'ProviderZoneSet', data: { providerId, zone: { ...base, radiusKm: 10 }, setAt: AT } },
      {
        type: 'ProviderWeeklyHoursSet',
        data: { providerId, slots: [{ weekday: 1, from: '08:00', to: '19:00' }], setAt: AT },
      },
    );
    return providerId;
  }

  it('dispatch: a Pro comes first among providers at the same place and price, not before one much nearer; cancelled, suspended and reinstated at once; a rebuild agrees', async () => {
    await append('service-type-cleaning', {
      type: 'ServiceTypeCreated',
      data: {
        serviceTypeId: 'cleaning',
        label: 'Ménage',
        description: 'Ménage et repassage',
        category: 'home',
        createdBy: 'staff',
        createdAt: AT,
      },
    });
    // Two providers of the same postal code (the same point) at the same rate, one in Lyon.
    const a = await verifiedProvider('75011', 2_500);
    const b = await verifiedProvider('75011', 2_500);
    await t.settle();
    const place = (await geocoder.locate('75011', 'Paris'))!;
    const query: CandidateQuery = {
      serviceTypeId: 'cleaning',
      place,
      startsAt: MONDAY_10H,
      durationMinutes: 120,
      limit: 10,
    };
    const order = async () => (await candidates.available(query)).map((c) => c.providerId);
    const [first, second] = await order();
    expect([first, second].sort()).toEqual([a, b].sort());

    const pro = proSubscription(second);
    await pro.start();
    await t.settle();
    expect(await order()).toEqual([second, first]);
    // The price stays the provider's own: Pro changes the order, never the amount.
    expect((await candidates.available(query))[0]).toMatchObject({
      providerId: second,
      rank: 1,
      priceCents: 5_000,
    });

    await pro.suspend();
    await t.settle();
    expect(await order()).toEqual([first, second]);
    await pro.reinstate();
    await t.settle();
    expect(await order()).toEqual([second, first]);

    // Montreuil is about 4.7 km east of the place: a Pro there counts 4 − 2 = 2 km, still behind
    // the two Parisians at 0 km.
    const farther = await verifiedProvider('93100', 2_500);
    await proSubscription(farther).start();
    await t.settle();
    expect(await order()).toEqual([second, first, farther]);

    await pro.cancel();
    await t.settle();
    expect(await order()).toEqual([first, second, farther]);

    const pool = t.app.get<Pool>(PG_POOL);
    await rebuildProjections(
      store,
      pool,
      allProjections().filter((p) => p.name === 'mission_dispatch'),
    );
    expect(await order()).toEqual([first, second, farther]);
  });

  it('search and profile: a Pro seller’s gig comes first among equal matches and is featured, prices sorts unchanged; the profile shows the badge until cancelled', async () => {
    const category = `pro-${randomUUID().slice(0, 8)}`;
    const plain = await party(t, 'provider');
    const seller = await party(t, 'provider');
    const title = 'Nettoyage de vitres professionnel';
    const plainGig = await publishedGig(t, plain, { category, title, priceCents: 8_000 });
    const proGig = await publishedGig(t, seller, { category, title, priceCents: 9_000 });
    await t.settle();
    const search = async (query: string) => {
      const res = await t.request('GET', `/search/gigs?category=${category}&${query}`);
      expect(res.status).toBe(200);
      return (res.body.items as { gigId: string; featured: boolean }[]).map((g) => [
        g.gigId,
        g.featured,
      ]);
    };
    const profile = async () => {
      const res = await t.request('GET', `/profiles/${seller.id}`);
      expect(res.status).toBe(200);
      return { pro: res.body.pro, featured: res.body.featured };
    };
    const [firstBefore] = await search('q=vitres');
    expect(firstBefore[1]).toBe(false);

    const pro = proSubscription(seller.id);
    await pro.start();
    await t.settle();
    expect(await search('q=vitres')).toEqual([
      [proGig, true],
      [plainGig, false],
    ]);
    expect(await search('sort=relevance')).toEqual([
      [proGig, true],
      [plainGig, false],
    ]);
    expect(await search('q=vitres&sort=price_asc')).toEqual([
      [plainGig, false],
      [proGig, true],
    ]);
    expect(await profile()).toEqual({ pro: true, featured: true });

    await pro.cancel();
    await t.settle();
    expect(await profile()).toEqual({ pro: false, featured: false });
    expect((await search('q=vitres')).every(([, featured]) => featured === false)).toBe(true);
  });
});
