import { etagOf } from '../../../client';
import { uploadFile } from '../../support/files';
import { GIG_INPUT } from '../orders/marketplace-fixtures';
import {
  Account,
  ClientTestApp,
  keyed,
  ok,
  okAs,
  pinned,
  refused,
  signUp,
  startClientTestApp,
} from './client-test-app';

/** The shapes this test reads where today's document does not type the answer yet. */
interface GigSearchPage {
  total: number;
  items: { gigId: string; title: string }[];
}
interface DashboardOrder {
  orderId: string;
  status: string;
  statusLabel: string;
  amountCents: number;
}
interface BuyerDashboard {
  orders: DashboardOrder[];
}
interface SellerDashboard {
  toStart: DashboardOrder[];
  earnings: { earnedCents: number; completedOrders: number };
}

/**
 * A front end's whole order, written against the generated client over a real socket: a renamed
 * field, a removed route or a changed body in the document breaks this file's compilation.
 */
describe('the generated client drives an order from sign-up to acceptance', () => {
  let t: ClientTestApp;
  let buyer: Account;
  let seller: Account;
  let gigId: string;
  let orderId: string;

  beforeAll(async () => {
    t = await startClientTestApp();
    buyer = await signUp(t, ['client'], 'Camille Acheteuse');
    seller = await signUp(t, ['provider'], 'Luc Vendeur');
  });
  afterAll(async () => t.close());

  /** The order's ETag as this party reads it. */
  const read = async (account: Account) =>
    etagOf(
      (await account.client.GET('/orders/{orderId}', { params: { path: { orderId } } })).response,
    ) ?? '';

  it('the seller creates and publishes a gig the buyer then finds in the search', async () => {
    const created = ok(
      await seller.client.POST('/gigs', {
        params: { header: keyed() },
        body: { ...GIG_INPUT, kind: 'package', title: 'Business plan pour client typé' },
      }),
    );
    gigId = created.gigId;
    const read = await seller.client.GET('/gigs/{gigId}', { params: { path: { gigId } } });
    const published = ok(
      await seller.client.POST('/gigs/{gigId}/publish', {
        params: { path: { gigId }, header: pinned(etagOf(read.response) ?? '') },
      }),
    );
    expect(published).toMatchObject({ gigId, status: 'published', statusLabel: 'Publié' });

    await t.settle();
    const found = okAs<GigSearchPage>()(
      await buyer.client.GET('/search/gigs', { params: { query: { q: 'client typé' } } }),
    );
    expect(found.items.map((gig) => gig.gigId)).toEqual([gigId]);
  });

  it('the buyer orders; the seller starts and delivers; the buyer accepts', async () => {
    const placed = ok(
      await buyer.client.POST('/orders', {
        params: { header: keyed() },
        body: { gigId, paymentMethod: 'pm_card_visa' },
      }),
    );
    orderId = placed.orderId;
    expect(placed).toMatchObject({
      amountCents: GIG_INPUT.priceCents,
      status: 'awaiting_start',
      statusSubLabel: 'En attente de démarrage',
    });

    const path = { orderId };
    const started = ok(
      await seller.client.POST('/orders/{orderId}/start', {
        params: { path, header: pinned(await read(seller)) },
      }),
    );
    expect([started.status, started.statusLabel]).toEqual(['active', 'Actif']);
    // Files are multipart uploads, outside the JSON client.
    const businessPlan = await uploadFile(t, seller.accessToken, 'deliverable');
    const delivered = ok(
      await seller.client.POST('/orders/{orderId}/deliveries', {
        params: { path, header: pinned(await read(seller)) },
        body: { message: 'Voici le business plan', fileRefs: [businessPlan] },
      }),
    );
    expect(delivered.statusLabel).toBe('Délivré');
    const accepted = ok(
      await buyer.client.POST('/orders/{orderId}/accept', {
        params: { path, header: pinned(await read(buyer)) },
      }),
    );
    expect(accepted).toMatchObject({ orderId, status: 'completed', statusLabel: 'Terminé' });
  });

  it('both dashboards show the completed order', async () => {
    await t.settle();
    const mine = okAs<BuyerDashboard>()(await buyer.client.GET('/dashboard/buyer'));
    expect(mine.orders.map((o) => [o.orderId, o.statusLabel, o.amountCents])).toEqual([
      [orderId, 'Terminé', GIG_INPUT.priceCents],
    ]);
    const theirs = okAs<SellerDashboard>()(await seller.client.GET('/dashboard/seller'));
    expect(theirs.toStart).toEqual([]);
    expect(theirs.earnings.completedOrders).toBe(1);
  });

  it('reads refusals as the Problem type: its code, status and field errors', async () => {
    const path = { orderId };
    const notSeller = refused(
      await buyer.client.POST('/orders/{orderId}/start', {
        params: { path, header: pinned('"1"') },
      }),
    );
    expect([notSeller.status, notSeller.code]).toEqual([403, 'ROLE_REQUIRED']);
    const again = refused(
      await buyer.client.POST('/orders/{orderId}/accept', {
        params: { path, header: pinned(await read(buyer)) },
      }),
    );
    expect([again.status, again.code, again.currentStatus]).toEqual([
      409,
      'ORDER_TERMINAL',
      'completed',
    ]);

    const stranger = await signUp(t, ['client'], 'Nadia Curieuse');
    const hidden = refused(await stranger.client.GET('/orders/{orderId}', { params: { path } }));
    expect([hidden.status, hidden.code]).toEqual([404, 'ORDER_NOT_FOUND']);

    const invalid = refused(
      await seller.client.POST('/gigs', {
        params: { header: keyed() },
        body: { ...GIG_INPUT, kind: 'package', priceCents: 450.5 },
      }),
    );
    expect(invalid.code).toBe('VALIDATION_FAILED');
    expect(invalid.errors?.map((e) => e.field)).toContain('priceCents');
  });
});
