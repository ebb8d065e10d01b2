import { CREDIT_SPENDING, CreditSpending } from '../../../src/application/plans/credits.port';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { projectOfferId } from '../../../src/application/tenders/tender-ids';
import { creditsStream } from '../../../src/domain/plans';
import { projectOfferStream } from '../../../src/domain/tenders';
import { startTestApp, TestApp } from '../../support/test-app';
import { Account, grantCredits, postedProject, registered } from './bids-fixtures';

/**
 * Issue 17 "Done when": 20 providers spend their last "offre" credit on the same project at once,
 * with 10 credits among them → exactly the 10 funded spends succeed, and no offer exists without
 * its spend.
 */
describe('tenders: 20 providers race to bid with 10 credits among them (real app, Postgres)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('exactly the 10 funded offers are made, the 10 others get 409 INSUFFICIENT_CREDITS, every balance ends at 0', async () => {
    const client = await registered(t, 'client');
    const { projectId } = await postedProject(t, client.id);
    const providers: Account[] = [];
    for (let i = 0; i < 20; i++) providers.push(await registered(t, 'provider'));
    const funded = new Set(providers.slice(0, 10).map((p) => p.id));
    for (const p of providers) if (funded.has(p.id)) await grantCredits(t, p.id, { offer: 1 });

    const answers = await Promise.all(
      providers.map((p, i) =>
        t.request('POST', `/projects/${projectId}/offers`, {
          token: p.token,
          body: {
            amountCents: 200_000 + i * 1_000,
            delayDays: 10 + i,
            message: `Offre numéro ${i} : réalisation complète, recette comprise.`,
          },
        }),
      ),
    );

    const store = t.app.get<EventStore>(EVENT_STORE);
    const spending = t.app.get<CreditSpending>(CREDIT_SPENDING);
    const offerEvents = async (p: Account) =>
      store
        .readStream(projectOfferStream(projectOfferId(projectId, p.id)))
        .catch(() => [] as Awaited<ReturnType<EventStore['readStream']>>);
    const spends = async (p: Account) =>
      (await store.readStream(creditsStream(p.id)).catch(() => [])).filter(
        (e) => e.type === 'CreditSpent',
      );

    providers.forEach((p, i) => {
      if (funded.has(p.id)) {
        expect(answers[i].status).toBe(201);
        expect(answers[i].body).toMatchObject({ created: true, spentNow: true });
      } else {
        expect(answers[i].status).toBe(409);
        expect(answers[i].body.code).toBe('INSUFFICIENT_CREDITS');
      }
    });
    for (const p of providers) {
      const made = (await offerEvents(p)).filter((e) => e.type === 'ProjectOfferMade');
      const spent = await spends(p);
      expect(made).toHaveLength(funded.has(p.id) ? 1 : 0);
      // No offer without a spend, and never two spends.
      expect(spent).toHaveLength(made.length);
      expect((await spending.balance(p.id)).offer).toBe(0);
    }

    await t.settle();
    const offers = await t.request('GET', `/projects/${projectId}/offers`, { token: client.token });
    expect(offers.status).toBe(200);
    expect(offers.body.items.map((o: { providerId: string }) => o.providerId).sort()).toEqual(
      [...funded].sort(),
    );
  });
});
