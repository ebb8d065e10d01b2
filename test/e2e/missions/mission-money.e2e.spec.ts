import { randomUUID } from 'node:crypto';
import {
  MISSION_PAYMENTS,
  MissionPayments,
} from '../../../src/application/missions/mission-payments.port';
import { startTestApp, TestApp } from '../../support/test-app';

describe('Missions money (secure balance)', () => {
  let t: TestApp;
  let payments: MissionPayments;

  beforeAll(async () => {
    t = await startTestApp();
    payments = t.app.get<MissionPayments>(MISSION_PAYMENTS);
  });
  afterAll(() => t.close());

  const operations = async (missionId: string) =>
    (
      await t.db.pool.query<{
        operation: string;
        request: Record<string, unknown>;
        response: Record<string, unknown>;
      }>(
        `SELECT operation, request, response FROM simulated_gateway_operations
          WHERE request ->> 'missionId' = $1 ORDER BY created_at, idempotency_key`,
        [missionId],
      )
    ).rows;

  describe('securing a request before it is published', () => {
    const secure = (
      missionId: string,
      paymentMethod: string,
      plan: 'authorise_now' | 'authorise_later',
    ) =>
      payments.secure({
        missionId,
        escrowId: randomUUID(),
        clientId: 'client-1',
        amountCents: 9_000,
        paymentMethod,
        plan,
        idempotencyKey: randomUUID(),
      });

    it('authorises the card at once for a mission within the window, once however often it is asked', async () => {
      const missionId = randomUUID();
      const first = await secure(missionId, 'pm_card_visa', 'authorise_now');
      await secure(missionId, 'pm_card_visa', 'authorise_now');
      expect(first.paymentMethodRef).toBe('pm_card_visa');
      const ops = await operations(missionId);
      expect(ops.map((o) => o.operation)).toEqual(['mission_authorise']);
      expect(ops[0].request.amountCents).toBe(9_000);
    });

    it('saves the card for later without authorising anything for a far-out mission', async () => {
      const missionId = randomUUID();
      const { paymentMethodRef } = await secure(missionId, 'pm_card_visa', 'authorise_later');
      expect(paymentMethodRef).toMatch(/^pm_saved_sim_/);
      expect((await operations(missionId)).map((o) => o.operation)).toEqual([
        'mission_save_method',
      ]);
    });

    it.each(['authorise_now', 'authorise_later'] as const)(
      'refuses a declined card (%s) and records nothing',
      async (plan) => {
        const missionId = randomUUID();
        await expect(secure(missionId, 'pm_card_declined', plan)).rejects.toMatchObject({
          code: 'PAYMENT_DECLINED',
        });
        expect(await operations(missionId)).toEqual([]);
      },
    );
  });
});
