import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { ProfilesProjection } from '../profiles/profiles.projection';
import { providerProfile } from '../profiles/profile.queries';
import { Projection } from '../runner/projection';
import { applyEvents, inTransaction } from '../runner/batch';
import { schemaName } from '../runner/generations';
import { CatalogProjection } from './catalog.projection';
import { GigSearch, searchGigs } from './gig-search.queries';

/**
 * Gig search and the provider profile with Pro sellers (docs/plans-pro.md), on real events
 * folded by the catalog and profiles projections.
 */
const NOW = '2026-12-01T09:00:00.000Z';
const catalog = new CatalogProjection();
const profiles = new ProfilesProjection();
const revisions = new Map<string, bigint>();
let position = 0n;
let db: TestDatabase;

function recorded(streamName: string, type: string, data: object): RecordedEvent {
  const revision = revisions.has(streamName) ? (revisions.get(streamName) as bigint) + 1n : 0n;
  revisions.set(streamName, revision);
  position += 1n;
  return {
    id: randomUUID(),
    streamName,
    revision,
    position: { commit: position, prepare: position },
    type,
    schemaVersion: 1,
    data,
    metadata: { occurredAt: NOW },
    recordedAt: new Date(NOW),
  };
}

/** Every event goes to both projections, each taking the types it handles, as the runner would. */
async function given(...events: RecordedEvent[]): Promise<void> {
  const client = await db.pool.connect();
  try {
    for (const projection of [catalog, profiles] as Projection[]) {
      const handled = new Set<string>(projection.handles);
      const mine = events.filter((e) => handled.has(e.type));
      if (mine.length > 0)
        await inTransaction(client, () =>
          applyEvents(client, projection, schemaName(projection, 1), mine),
        );
    }
  } finally {
    client.release();
  }
}

let gigCounter = 0;
/** A published gig; its id orders after every earlier one (the last tie-breaker of every sort). */
async function gig(
  sellerId: string,
  o: {
    category: string;
    title: string;
    keywords?: string[];
    description?: string;
    priceCents?: number;
  },
): Promise<string> {
  gigCounter += 1;
  const gigId = `00000000-0000-4000-a000-${String(gigCounter).padStart(12, '0')}`;
  const priceCents = o.priceCents ?? 12_000;
  await given(
    recorded(`gig-${gigId}`, 'GigCreated', {
      gigId,
      sellerId,
      kind: 'package',
      details: {
        title: o.title,
        priceCents,
        vatCents: Math.round(priceCents / 6),
        category: o.category,
        description: o.description ?? 'Travail soigné, livré dans les délais.',
        galleryRefs: [],
        videoRef: null,
        keywords: o.keywords ?? [],
        deliveryDays: 3,
        openingMessage: '',
        extras: [],
      },
      createdAt: NOW,
    }),
    recorded(`gig-${gigId}`, 'GigPublished', { gigId, sellerId, publishedAt: NOW }),
  );
  return gigId;
}

async function review(gigId: string, sellerId: string, rating: number): Promise<void> {
  const orderId = randomUUID();
  await given(
    recorded(`order-${orderId}`, 'OrderPlaced', {
      orderId,
      source: { kind: 'catalog', gigId },
      sellerId,
    }),
    recorded(`order-${orderId}`, 'OrderReviewed', {
      orderId,
      buyerId: randomUUID(),
      sellerId,
      rating,
      comment: '',
      reviewedAt: NOW,
    }),
  );
}

function subscription(accountId: string, planKind: 'pro' | 'credits' = 'pro') {
  const subscriptionId = randomUUID();
  const stream = `subscription-${subscriptionId}`;
  const period = {
    period: 1,
    planVersion: 1,
    priceTtcCents: 2_990,
    periodStartsAt: NOW,
    periodEndsAt: '2027-01-01T09:00:00.000Z',
    credits: { consultation: 0, offer: 0, direct_contact: 0 },
    chargeRef: 'ch_1',
  };
  return {
    started: () =>
      recorded(stream, 'SubscriptionStarted', {
        ...period,
        subscriptionId,
        accountId,
        planId: 'plan-pro',
        planKind,
        planName: 'Pro',
        billingPeriod: 'month',
        paymentMethodRef: 'pm_card_visa',
        startedAt: NOW,
      }),
    suspended: () =>
      recorded(stream, 'SubscriptionSuspended', {
        subscriptionId,
        accountId,
        period: 2,
        reason: 'payment_incident',
        suspendedAt: NOW,
      }),
    reinstated: () =>
      recorded(stream, 'SubscriptionReinstated', {
        ...period,
        period: 2,
        subscriptionId,
        accountId,
        planId: 'plan-pro',
        reinstatedAt: NOW,
      }),
    cancelled: () =>
      recorded(stream, 'SubscriptionCancelled', {
        subscriptionId,
        accountId,
        planKind,
        reason: 'owner_request',
        cancelledBy: accountId,
        endsAt: NOW,
        cancelledAt: NOW,
      }),
  };
}

const search = async (s: Partial<GigSearch>) =>
  (await searchGigs(db.pool, { sort: 'relevance', limit: 20, offset: 0, ...s })).items;
const order = async (s: Partial<GigSearch>) => (await search(s)).map((g) => g.gigId);

let categoryCounter = 0;
/** A category of the test's own, so other tests' gigs never show in its results. */
const ownCategory = () => `cat-${++categoryCounter}`;

beforeAll(async () => {
  db = await createTestDatabase('mk_gig_search');
});
afterAll(async () => {
  await db.drop();
});

describe('gig search with Pro sellers', () => {
  it('between gigs matching the words equally, the Pro seller’s comes first and is featured', async () => {
    const category = ownCategory();
    const plain = randomUUID();
    const pro = randomUUID();
    const plainGig = await gig(plain, { category, title: 'Logo vectoriel pour votre marque' });
    const proGig = await gig(pro, { category, title: 'Logo vectoriel pour votre marque' });
    expect(await order({ category, q: 'logo' })).toEqual([plainGig, proGig]);
    await given(subscription(pro).started());
    const items = await search({ category, q: 'logo' });
    expect(items.map((g) => [g.gigId, g.featured])).toEqual([
      [proGig, true],
      [plainGig, false],
    ]);
  });

  it('a clearly better match still comes first: the boost is bounded', async () => {
    const category = ownCategory();
    const plain = randomUUID();
    const pro = randomUUID();
    // The words in the title and the keywords, against once in the description.
    const better = await gig(plain, {
      category,
      title: 'Création de logo',
      keywords: ['logo'],
    });
    const weaker = await gig(pro, {
      category,
      title: 'Identité visuelle',
      description: 'Charte graphique et logo.',
    });
    await given(subscription(pro).started());
    expect(await order({ category, q: 'logo' })).toEqual([better, weaker]);
  });

  it('without words, relevance puts the Pro first among equal ratings, never before a better rating', async () => {
    const category = ownCategory();
    const plain = randomUUID();
    const pro = randomUUID();
    const best = randomUUID();
    const plainGig = await gig(plain, { category, title: 'Montage vidéo' });
    const proGig = await gig(pro, { category, title: 'Montage vidéo' });
    const bestGig = await gig(best, { category, title: 'Montage vidéo' });
    await review(plainGig, plain, 4);
    await review(proGig, pro, 4);
    await review(bestGig, best, 5);
    expect(await order({ category })).toEqual([bestGig, plainGig, proGig]);
    await given(subscription(pro).started());
    expect(await order({ category })).toEqual([bestGig, proGig, plainGig]);
  });

  it('price, rating and newest sorts never look at Pro; `featured` shows in every sort', async () => {
    const category = ownCategory();
    const plain = randomUUID();
    const pro = randomUUID();
    const cheap = await gig(plain, { category, title: 'Traduction', priceCents: 5_000 });
    const dear = await gig(pro, { category, title: 'Traduction', priceCents: 9_000 });
    await given(subscription(pro).started());
    expect(await order({ category, sort: 'price_asc' })).toEqual([cheap, dear]);
    expect(await order({ category, sort: 'price_desc' })).toEqual([dear, cheap]);
    // Equal (no) ratings, same publication: the gig id decides, not Pro.
    expect(await order({ category, sort: 'rating' })).toEqual([cheap, dear]);
    expect(await order({ category, sort: 'newest' })).toEqual([cheap, dear]);
    for (const sort of ['price_asc', 'price_desc', 'rating', 'newest'] as const)
      expect((await search({ category, sort })).map((g) => [g.gigId, g.featured]).sort()).toEqual(
        [
          [cheap, false],
          [dear, true],
        ].sort(),
      );
  });

  it('a cancellation or a suspension ends the boost and the flag at once; a reinstatement restores them', async () => {
    const category = ownCategory();
    const plain = randomUUID();
    const pro = randomUUID();
    const plainGig = await gig(plain, { category, title: 'Site vitrine' });
    const proGig = await gig(pro, { category, title: 'Site vitrine' });
    const s = subscription(pro);
    await given(s.started(), s.suspended());
    expect((await search({ category, q: 'site' })).map((g) => [g.gigId, g.featured])).toEqual([
      [plainGig, false],
      [proGig, false],
    ]);
    await given(s.reinstated());
    expect(await order({ category, q: 'site' })).toEqual([proGig, plainGig]);
    await given(s.cancelled());
    expect((await search({ category, q: 'site' })).map((g) => [g.gigId, g.featured])).toEqual([
      [plainGig, false],
      [proGig, false],
    ]);
  });

  it('a credits plan subscription features nothing', async () => {
    const category = ownCategory();
    const plain = randomUUID();
    const other = randomUUID();
    const plainGig = await gig(plain, { category, title: 'Rédaction web' });
    const otherGig = await gig(other, { category, title: 'Rédaction web' });
    await given(subscription(other, 'credits').started());
    expect((await search({ category, q: 'redaction' })).map((g) => [g.gigId, g.featured])).toEqual([
      [plainGig, false],
      [otherGig, false],
    ]);
  });
});

describe('the provider profile with Pro', () => {
  it('shows `pro` and `featured` while Pro runs, and no longer once cancelled', async () => {
    const provider = randomUUID();
    await review(await gig(provider, { category: ownCategory(), title: 'Coaching' }), provider, 5);
    expect(await providerProfile(db.pool, provider)).toMatchObject({ pro: false, featured: false });
    const s = subscription(provider);
    await given(s.started());
    expect(await providerProfile(db.pool, provider)).toMatchObject({
      accountId: provider,
      pro: true,
      featured: true,
      rating: { average: 5, count: 1 },
    });
    await given(s.cancelled());
    expect(await providerProfile(db.pool, provider)).toMatchObject({ pro: false, featured: false });
  });

  it('a suspended Pro shows no badge until reinstated', async () => {
    const provider = randomUUID();
    const s = subscription(provider);
    await given(s.started(), s.suspended());
    expect(await providerProfile(db.pool, provider)).toMatchObject({ pro: false, featured: false });
    await given(s.reinstated());
    expect(await providerProfile(db.pool, provider)).toMatchObject({ pro: true, featured: true });
  });
});
