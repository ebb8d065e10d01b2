import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { projectNotOpen } from '../../domain/tenders/offer.errors';
import { projectStream } from '../../domain/tenders';
import { InMemoryEventStore } from '../disputes/disputes.fixtures.spec';
import type { CreditSpending } from '../plans/credits.port';
import { ManualClock } from '../shared/clock';
import type { BidsReader } from './bids-reader.port';
import { BidsService } from './bids.service';

const PROJECT = '0c6a4d2e-1f0b-4c7e-9d3a-5b8e2f1a7c90';
const CLIENT = 'c7d5b2a1-3e4f-4a6b-8c9d-0e1f2a3b4c5d';
const PROVIDER = 'a1b2c3d4-e5f6-4a7b-8c9d-e0f1a2b3c4d5';
const NOW = '2026-12-04T09:00:00.000Z';

/**
 * A selection can land between a provider's "offre" spend and their offer: the offer is then
 * refused with PROJECT_NOT_OPEN, and the credit just spent must come back to them.
 */
describe('making an offer while the project stops taking offers', () => {
  async function setup(spentNow: boolean) {
    const store = new InMemoryEventStore();
    await store.appendToStream(projectStream(PROJECT), [
      {
        id: 'e1',
        type: 'ProjectPosted',
        data: {
          projectId: PROJECT,
          clientId: CLIENT,
          title: 'Site vitrine',
          description: 'Cinq pages, une galerie et un formulaire de contact.',
          category: 'web-development',
          budgetMinCents: 100_000,
          budgetMaxCents: 300_000,
          wishedDeadline: '2026-12-31',
          attachmentFileIds: [],
          postedAt: NOW,
        },
        metadata: { actorId: CLIENT, actorRole: 'client', occurredAt: NOW },
      },
    ]);
    const givenBack: string[] = [];
    let spends = 0;
    const credits = {
      hasSpent: async () => !spentNow,
      spend: async () => {
        spends += 1;
        return {
          spendId: 'spend-1',
          spentNow,
          balance: { consultation: 0, offer: 0, direct_contact: 0 },
        };
      },
      giveBack: async ({ spendId }: { spendId: string }) => {
        givenBack.push(spendId);
        return { consultation: 0, offer: 1, direct_contact: 0 };
      },
      balance: async () => ({ consultation: 0, offer: 0, direct_contact: 0 }),
    } as unknown as CreditSpending;
    // The offer's handler reads the project again and finds it selected meanwhile.
    const commands = {
      execute: async () => {
        throw projectNotOpen(PROJECT, 'selected');
      },
    } as unknown as CommandBus;
    const service = new BidsService(
      store,
      credits,
      commands,
      {} as QueryBus,
      {} as BidsReader,
      new ManualClock(NOW),
    );
    const provider = {
      accountId: PROVIDER,
      role: 'provider' as const,
      causation: { correlationId: 'c1' },
    };
    const offer = () =>
      service.makeOffer(provider, PROJECT, {
        amountCents: 200_000,
        delayDays: 30,
        message: 'Je peux livrer en un mois.',
      });
    const ask = (text: string) => service.ask(provider, PROJECT, { text, fileIds: [] });
    return { offer, ask, givenBack, spends: () => spends };
  }

  it('gives the credit just spent back and answers PROJECT_NOT_OPEN', async () => {
    const { offer, givenBack } = await setup(true);
    await expect(offer()).rejects.toMatchObject({ code: 'PROJECT_NOT_OPEN' });
    expect(givenBack).toEqual(['spend-1']);
  });

  it('gives nothing back when the credit was spent earlier (a question already paid for it)', async () => {
    const { offer, givenBack } = await setup(false);
    await expect(offer()).rejects.toMatchObject({ code: 'PROJECT_NOT_OPEN' });
    expect(givenBack).toEqual([]);
  });

  it('a question refused that way gives its credit back too', async () => {
    const { ask, givenBack } = await setup(true);
    await expect(ask('La version anglaise est-elle comprise ?')).rejects.toMatchObject({
      code: 'PROJECT_NOT_OPEN',
    });
    expect(givenBack).toEqual(['spend-1']);
  });

  it('a blank question is refused before any spend', async () => {
    const { ask, spends } = await setup(true);
    await expect(ask('   ')).rejects.toMatchObject({ code: 'REPORT_INVALID_TEXT' });
    expect(spends()).toBe(0);
  });
});
