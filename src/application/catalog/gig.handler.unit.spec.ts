import { GigCommand } from '../../domain/catalog';
import { MemoryEventStore } from '../orders/marketplace.fixtures.spec';
import { GigCommandHandler } from './gig.handler';
import { GigCommandMessage } from './gig.messages';
import { ProviderVerificationPort, ProviderVerificationResult } from './provider-verification.port';
import { loadSellerGigSlots } from './seller-gigs.index';

const NOW = '2026-11-23T10:00:00.000Z';
const SELLER = 'seller-1';
const meta = { now: NOW, actorId: SELLER, actorRole: 'provider' as const };

class StubVerification extends ProviderVerificationPort {
  result: ProviderVerificationResult = { verified: true, missingDocuments: [] };
  async check(): Promise<ProviderVerificationResult> {
    return this.result;
  }
}

describe('GigCommandHandler: the seller index behind the 5-gig limit', () => {
  let store: MemoryEventStore;
  let verification: StubVerification;
  let handler: GigCommandHandler;

  beforeEach(() => {
    store = new MemoryEventStore();
    verification = new StubVerification();
    handler = new GigCommandHandler(store, verification);
  });

  const send = (gigId: string, command: GigCommand) =>
    handler.execute(new GigCommandMessage(gigId, command, { correlationId: 'c' }));
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
      },
      meta,
    });
  // Whatever count and verification the sender claims, the handler reads its own.
  const publish = (gigId: string) =>
    send(gigId, {
      type: 'PublishGig',
      data: { gigId, publishedGigCountOfSeller: 0, sellerVerified: true, missingDocuments: [] },
      meta,
    });

  it('refuses the sixth publication from the index count, ignoring the count the sender claimed', async () => {
    for (let i = 1; i <= 6; i++) await create(`g${i}`);
    for (let i = 1; i <= 5; i++) await publish(`g${i}`);
    await expect(publish('g6')).rejects.toMatchObject({
      code: 'GIG_LIMIT_REACHED',
      details: { currentStatus: 'draft', publishedGigCount: 5 },
    });
    expect((await loadSellerGigSlots(store, SELLER)).gigIds.size).toBe(5);
  });

  it('gives the slot back on pause and archive, and takes none for a refused publication', async () => {
    for (let i = 1; i <= 3; i++) await create(`g${i}`);
    await publish('g1');
    await publish('g2');
    await send('g1', { type: 'PauseGig', data: { gigId: 'g1' }, meta });
    await send('g2', { type: 'ArchiveGig', data: { gigId: 'g2' }, meta });
    await expect(publish('g2')).rejects.toMatchObject({ code: 'GIG_ARCHIVED' });
    expect([...(await loadSellerGigSlots(store, SELLER)).gigIds]).toEqual([]);
  });

  it('asks the identity port and names the missing documents', async () => {
    await create('g1');
    verification.result = { verified: false, missingDocuments: ['rc_pro', 'urssaf_vigilance'] };
    await expect(publish('g1')).rejects.toMatchObject({
      code: 'PROVIDER_NOT_VERIFIED',
      details: { missingDocuments: ['rc_pro', 'urssaf_vigilance'] },
    });
    expect((await loadSellerGigSlots(store, SELLER)).gigIds.size).toBe(0);
  });

  it('lets only one of two concurrent publications take the last slot', async () => {
    for (let i = 1; i <= 6; i++) await create(`g${i}`);
    for (let i = 1; i <= 4; i++) await publish(`g${i}`);

    const outcomes = await Promise.allSettled([publish('g5'), publish('g6')]);

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'GIG_LIMIT_REACHED' });
    expect((await loadSellerGigSlots(store, SELLER)).gigIds.size).toBe(5);
  });
});
