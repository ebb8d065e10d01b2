import { GigCommand, SimilarOwnGig } from '../../domain/catalog';
import { MemoryEventStore } from '../orders/marketplace.fixtures.spec';
import { GigCommandHandler } from './gig.handler';
import { GigCommandMessage } from './gig.messages';
import { OwnGigsPort } from './own-gigs.port';
import { ProviderVerificationPort, ProviderVerificationResult } from './provider-verification.port';
import { loadSellerGigSlots, sellerGigsStream } from './seller-gigs.index';

const NOW = '2026-11-23T10:00:00.000Z';
const SELLER = 'seller-1';
const meta = { now: NOW, actorId: SELLER, actorRole: 'provider' as const };

class StubVerification extends ProviderVerificationPort {
  result: ProviderVerificationResult = { verified: true, missingDocuments: [] };
  async check(): Promise<ProviderVerificationResult> {
    return this.result;
  }
}

/** A read model that knows only what a test tells it (it lags the log, like the real one). */
class StubOwnGigs extends OwnGigsPort {
  nonArchived: string[] = [];
  published = 0;
  similar: SimilarOwnGig | null = null;
  asked: Array<{ title: string; description: string; exceptGigId: string }> = [];
  async nonArchivedGigIds(): Promise<string[]> {
    return this.nonArchived;
  }
  async publishedGigCount(): Promise<number> {
    return this.published;
  }
  async mostSimilar(
    _sellerId: string,
    text: { title: string; description: string },
    exceptGigId: string,
  ): Promise<SimilarOwnGig | null> {
    this.asked.push({ ...text, exceptGigId });
    return this.similar;
  }
}

describe('GigCommandHandler: the seller index behind the 5-gig limit', () => {
  let store: MemoryEventStore;
  let verification: StubVerification;
  let ownGigs: StubOwnGigs;
  let handler: GigCommandHandler;
  const slots = async () => (await loadSellerGigSlots(store, SELLER, async () => [])).gigIds;

  beforeEach(() => {
    store = new MemoryEventStore();
    verification = new StubVerification();
    ownGigs = new StubOwnGigs();
    handler = new GigCommandHandler(store, verification, ownGigs);
  });

  const send = (gigId: string, command: GigCommand) =>
    handler.execute(new GigCommandMessage(gigId, command, { correlationId: 'c' }));
  // Whatever count the sender claims, the handler reads its own.
  const create = (gigId: string) =>
    send(gigId, {
      type: 'CreateGig',
      data: {
        gigId,
        kind: 'package',
        title: 'T',
        priceCents: 1_000,
        category: 'c',
        description: 'd',
        deliveryDays: 3,
        gigCountOfSeller: 0,
        similarOwnGig: null,
      },
      meta,
    });
  const publish = (gigId: string) =>
    send(gigId, {
      type: 'PublishGig',
      data: { gigId, publishedGigCountOfSeller: 0, sellerVerified: true, missingDocuments: [] },
      meta,
    });

  it('refuses a sixth gig, drafts included, from the index count', async () => {
    for (let i = 1; i <= 5; i++) await create(`g${i}`);
    await expect(create('g6')).rejects.toMatchObject({
      code: 'GIG_LIMIT_REACHED',
      details: { limit: 5, gigCount: 5 },
    });
    expect((await slots()).size).toBe(5);
  });

  it('gives the slot back on archive only, and takes none for a refused creation', async () => {
    for (let i = 1; i <= 5; i++) await create(`g${i}`);
    await publish('g1');
    await send('g1', { type: 'PauseGig', data: { gigId: 'g1' }, meta });
    expect((await slots()).size).toBe(5);
    await send('g2', { type: 'ArchiveGig', data: { gigId: 'g2' }, meta });
    await create('g6');
    expect([...(await slots())].sort()).toEqual(['g1', 'g3', 'g4', 'g5', 'g6']);
    ownGigs.similar = { gigId: 'g3', title: 'T', similarity: 0.9 };
    await send('g4', { type: 'ArchiveGig', data: { gigId: 'g4' }, meta });
    await expect(create('g7')).rejects.toMatchObject({ code: 'GIG_NEAR_DUPLICATE' });
    expect((await slots()).has('g7')).toBe(false);
  });

  it('counts the drafts of a seller indexed before the rule from the read model, once', async () => {
    // Under the old rule only published gigs took a slot: g1 was published, g2..g6 are drafts.
    await store.appendToStream(
      sellerGigsStream(SELLER),
      [{ id: 'e1', type: 'SellerGigSlotTaken', data: { sellerId: SELLER, gigId: 'g1' } }],
      { expectedRevision: 'no_stream' },
    );
    ownGigs.nonArchived = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'];
    // They keep all six, and create none until they are under five.
    await expect(create('g7')).rejects.toMatchObject({
      code: 'GIG_LIMIT_REACHED',
      details: { gigCount: 6 },
    });
    await store.appendToStream(
      sellerGigsStream(SELLER),
      [{ id: 'e2', type: 'SellerGigSlotReleased', data: { sellerId: SELLER, gigId: 'g1' } }],
      { expectedRevision: 'stream_exists' },
    );
    ownGigs.nonArchived = ['g3', 'g4', 'g5', 'g6'];
    await create('g7');
    // The baseline is recorded with the slot, so the read model is not asked again.
    ownGigs.nonArchived = [];
    expect([...(await slots())].sort()).toEqual(['g3', 'g4', 'g5', 'g6', 'g7']);
  });

  it('asks the read model for the closest own gig on creation and on a title edit, not otherwise', async () => {
    await create('g1');
    expect(ownGigs.asked).toEqual([{ title: 'T', description: 'd', exceptGigId: 'g1' }]);
    await send('g1', {
      type: 'UpdateGig',
      data: { gigId: 'g1', changes: { priceCents: 2_000 } },
      meta,
    });
    expect(ownGigs.asked).toHaveLength(1);
    ownGigs.similar = { gigId: 'g0', title: 'Logo', similarity: 0.75 };
    await expect(
      send('g1', { type: 'UpdateGig', data: { gigId: 'g1', changes: { title: 'Logo!' } }, meta }),
    ).rejects.toMatchObject({
      code: 'GIG_NEAR_DUPLICATE',
      details: { similarGig: { gigId: 'g0', title: 'Logo' }, similarity: 0.75 },
    });
    expect(ownGigs.asked[1]).toEqual({ title: 'Logo!', description: 'd', exceptGigId: 'g1' });
  });

  it('asks the identity port and names the missing documents', async () => {
    await create('g1');
    verification.result = { verified: false, missingDocuments: ['rc_pro', 'urssaf_vigilance'] };
    await expect(publish('g1')).rejects.toMatchObject({
      code: 'PROVIDER_NOT_VERIFIED',
      details: { missingDocuments: ['rc_pro', 'urssaf_vigilance'] },
    });
  });

  it('lets only one of two concurrent creations take the last slot', async () => {
    for (let i = 1; i <= 4; i++) await create(`g${i}`);

    const outcomes = await Promise.allSettled([create('g5'), create('g6')]);

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'GIG_LIMIT_REACHED' });
    expect((await slots()).size).toBe(5);
  });
});
