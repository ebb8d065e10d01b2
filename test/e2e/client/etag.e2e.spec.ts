import { etagOf } from '../../../client';
import { party, placedOrder, publishedGig } from '../orders/marketplace-fixtures';
import {
  ClientTestApp,
  ok,
  okAs,
  pinned,
  refused,
  signUp,
  startClientTestApp,
} from './client-test-app';

/** Where today's document does not type the read yet. */
interface Revisioned {
  revision: string;
}

/**
 * Reads answer their `revision` as `ETag: "<revision>"`; writes take that value back in
 * `If-Match`, and a stale one is refused 409 CONCURRENT_MODIFICATION (no write happens).
 */
describe('ETag on reads, If-Match on writes', () => {
  let t: ClientTestApp;
  beforeAll(async () => {
    t = await startClientTestApp();
  });
  afterAll(async () => t.close());

  async function placedOrderOfNewParties() {
    const buyer = await party(t, 'client');
    const seller = await party(t, 'provider');
    const orderId = await placedOrder(t, buyer, await publishedGig(t, seller));
    return { orderId, seller: t.client(seller.token), buyer: t.client(buyer.token) };
  }

  it('a pinned write succeeds with the ETag read; the same ETag after a change is refused 409', async () => {
    const { orderId, seller } = await placedOrderOfNewParties();
    const path = { orderId };
    const read = await seller.GET('/orders/{orderId}', { params: { path } });
    const etag = etagOf(read.response);
    expect(etag).toBe(`"${okAs<Revisioned>()(read).revision}"`);

    const started = ok(
      await seller.POST('/orders/{orderId}/start', { params: { path, header: pinned(etag!) } }),
    );
    expect(started.status).toBe('active');

    const stale = refused(
      await seller.POST('/orders/{orderId}/deliveries', {
        params: { path, header: pinned(etag!) },
        body: { message: 'Livrable', fileRefs: [] },
      }),
    );
    expect([stale.status, stale.code]).toEqual([409, 'CONCURRENT_MODIFICATION']);

    const now = await seller.GET('/orders/{orderId}', { params: { path } });
    expect(etagOf(now.response)).toBe(`"${started.revision}"`);
    expect(okAs<{ status: string }>()(now).status).toBe('active');
    // A proxy that compresses may weaken the tag; the revision still names one exact state.
    const delivered = ok(
      await seller.POST('/orders/{orderId}/deliveries', {
        params: { path, header: pinned(`W/${etagOf(now.response)}`) },
        body: { message: 'Livrable', fileRefs: [] },
      }),
    );
    expect(delivered.status).toBe('delivered');
  });

  it('If-None-Match with the current ETag answers 304 without a body, and 200 once the order moved on', async () => {
    const { orderId, seller, buyer } = await placedOrderOfNewParties();
    const path = { orderId };
    const etag = etagOf((await buyer.GET('/orders/{orderId}', { params: { path } })).response)!;

    const unchanged = await buyer.GET('/orders/{orderId}', {
      params: { path, header: { 'If-None-Match': etag } },
    });
    expect(unchanged.response.status).toBe(304);
    expect(etagOf(unchanged.response)).toBe(etag);
    expect(await unchanged.response.text()).toBe('');

    ok(await seller.POST('/orders/{orderId}/start', { params: { path, header: pinned(etag) } }));
    const changed = await buyer.GET('/orders/{orderId}', {
      params: { path, header: { 'If-None-Match': etag } },
    });
    expect(changed.response.status).toBe(200);
    expect(etagOf(changed.response)).not.toBe(etag);
  });

  it('holds on every read with a revision, e.g. the profile: GET /me, then PATCH /me pinned to it', async () => {
    const account = await signUp(t, ['client'], 'Inès Profil');
    const me = await account.client.GET('/me');
    const etag = etagOf(me.response);
    expect(etag).toBe(`"${okAs<Revisioned>()(me).revision}"`);

    const changed = await account.client.PATCH('/me', {
      params: { header: pinned(etag!) },
      body: { displayName: 'Inès Profil-Modifié' },
    });
    expect(changed.response.status).toBe(200);
    const stale = refused(
      await account.client.PATCH('/me', {
        params: { header: pinned(etag!) },
        body: { displayName: 'Trop tard' },
      }),
    );
    expect(stale.code).toBe('CONCURRENT_MODIFICATION');
  });

  it('gives no ETag to a read whose resource has no stream yet (a new wallet)', async () => {
    const seller = await party(t, 'provider');
    const wallet = await t.client(seller.token).GET('/wallet');
    expect(ok(wallet).revision).toBeNull();
    expect(etagOf(wallet.response)).toBeUndefined();
  });

  it('answers a malformed If-Match 400 INVALID_IF_MATCH', async () => {
    const { orderId, seller } = await placedOrderOfNewParties();
    const problem = refused(
      await seller.POST('/orders/{orderId}/start', {
        params: { path: { orderId }, header: pinned('"three"') },
      }),
    );
    expect([problem.status, problem.code]).toEqual([400, 'INVALID_IF_MATCH']);
  });
});
