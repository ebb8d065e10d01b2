import { randomUUID } from 'node:crypto';
import {
  MISSION_PAYMENTS,
  MissionPayments,
} from '../../../src/application/missions/mission-payments.port';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import {
  appendMissionEvents,
  missionConfirmed,
  missionRequested,
} from '../../support/mission-events';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually } from '../workers/support/helpers';

const HOUR = 3_600_000;

/**
 * A mission 10 days away through the real workers on the test clock (docs/test-clock.md): nothing
 * is authorised at publication; moving platform time to `authoriseAt` authorises the card; moving
 * it to `autoValidateAt` validates the mission, which is only then captured and paid out.
 */
describe('a far-out mission on the test clock', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ TEST_CLOCK_ENABLED: 'true' });
    admin = await t.tokenFor({ roles: ['admin'] });
  });
  afterAll(() => t.close());

  const operations = async (missionId: string) =>
    (
      await t.db.pool.query<{ operation: string }>(
        `SELECT operation FROM simulated_gateway_operations WHERE request ->> 'missionId' = $1
          ORDER BY created_at, idempotency_key`,
        [missionId],
      )
    ).rows.map((r) => r.operation);
  const types = async (missionId: string) =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(`mission-${missionId}`)).map(
      (e) => e.type,
    );
  const advanceTo = async (to: string) => {
    const res = await t.request('POST', '/admin/test-clock/advance', {
      token: admin,
      body: { to },
    });
    expect(res.status).toBe(200);
  };

  it('is authorised at authoriseAt and charged only at the automatic validation', async () => {
    const now = new Date();
    const m = missionRequested({ now, startsInDays: 10 });
    const { paymentMethodRef } = await t.app.get<MissionPayments>(MISSION_PAYMENTS).secure({
      missionId: m.missionId,
      escrowId: m.escrowId,
      clientId: m.clientId,
      amountCents: m.requested.data.reservedCents,
      paymentMethod: 'pm_card_visa',
      plan: 'authorise_later',
      idempotencyKey: randomUUID(),
    });
    m.requested.data.paymentMethodRef = paymentMethodRef;
    await appendMissionEvents(t, m.missionId, [
      m.requested,
      missionConfirmed(m, new Date(now.getTime() + HOUR)),
    ]);
    await t.settle();
    expect(await operations(m.missionId)).toEqual(['mission_save_method']);

    await advanceTo(m.requested.data.authoriseAt);
    await eventually(
      async () => (await types(m.missionId)).includes('MissionPaymentAuthorised'),
      20_000,
      'the automatic authorisation',
    );
    await t.settle();
    expect(await operations(m.missionId)).toEqual([
      'mission_save_method',
      'mission_authorise_saved',
    ]);

    await advanceTo(m.requested.data.autoValidateAt);
    await eventually(
      async () => (await operations(m.missionId)).includes('mission_instant_payout'),
      20_000,
      'the automatic validation, its capture and the instant payout',
    );
    expect(await operations(m.missionId)).toEqual([
      'mission_save_method',
      'mission_authorise_saved',
      'mission_capture',
      'mission_instant_payout',
    ]);
    expect((await types(m.missionId)).at(-1)).toBe('MissionValidated');
  });
});
