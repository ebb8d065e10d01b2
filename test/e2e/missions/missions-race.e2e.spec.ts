import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../../support/test-app';
import {
  missionEvents,
  PLACE,
  seedOfferingProvider,
  seedServiceType,
  tenOClock,
} from './mission-request-fixtures';

/** Issue 14 "Concurrency": the first acceptance wins, exactly once. */
describe('missions: 20 providers accept the same request at once', () => {
  let t: TestApp;
  let serviceTypeId: string;
  const providers: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    serviceTypeId = await seedServiceType(t);
    for (let i = 0; i < 20; i++)
      providers.push(await seedOfferingProvider(t, serviceTypeId, 2_000 + i * 100));
    await t.settle();
  });
  afterAll(async () => t?.close());

  it('confirms exactly one, refuses the 19 others with MISSION_ALREADY_CONFIRMED, and reserves the money once', async () => {
    const clientId = randomUUID();
    const published = await t.request('POST', '/missions', {
      token: await t.tokenFor({ accountId: clientId, roles: ['client'] }),
      body: {
        serviceTypeId,
        place: PLACE,
        startsAt: tenOClock(new Date(), 2),
        durationMinutes: 120,
        paymentMethod: 'pm_card_visa',
      },
    });
    expect(published.body).toMatchObject({
      status: 'pending',
      candidates: 20,
      reservedCents: 7_800,
    });
    const { missionId } = published.body;
    const tokens = await Promise.all(
      providers.map((accountId) => t.tokenFor({ accountId, roles: ['provider'] })),
    );

    const answers = await Promise.all(
      tokens.map((token) => t.request('POST', `/missions/${missionId}/accept`, { token })),
    );

    const won = answers.filter((a) => a.status === 200);
    const lost = answers.filter((a) => a.status !== 200);
    expect(won).toHaveLength(1);
    expect(won[0].body).toMatchObject({ status: 'confirmed' });
    expect(lost.map((a) => [a.status, a.body.code, a.body.currentStatus])).toEqual(
      Array.from({ length: 19 }, () => [409, 'MISSION_ALREADY_CONFIRMED', 'confirmed']),
    );
    await t.settle();
    const events = await missionEvents(t, missionId);
    expect(events.filter((e) => e.type === 'MissionConfirmed')).toHaveLength(1);
    const { rows } = await t.db.pool.query<{ operation: string }>(
      `SELECT operation FROM simulated_gateway_operations
        WHERE request ->> 'missionId' = $1 AND operation LIKE 'mission_authorise%'`,
      [missionId],
    );
    expect(rows).toHaveLength(1);
  });
});
