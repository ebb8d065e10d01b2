import { randomUUID } from 'node:crypto';
import { MissionMoneyEffects } from '../../../src/application/missions/mission-money.effects';
import { MissionPaymentAuthorisationJob } from '../../../src/application/missions/mission-payment-authorisation.job';
import {
  MISSION_PAYMENTS,
  MissionPayments,
} from '../../../src/application/missions/mission-payments.port';
import { MissionValidationJob } from '../../../src/application/missions/mission-validation.job';
import { Notifications } from '../../../src/application/notifications/notifications.port';
import { MissionJob } from '../../../src/application/scheduling/jobs';
import { ManualClock } from '../../../src/application/shared/clock';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import type { MissionEvent } from '../../../src/domain/missions';
import { percentOf } from '../../../src/domain/shared';
import {
  appendMissionEvents,
  ensureMissionCommandHandler,
  MissionFixture,
  missionConfirmed,
  missionRequested,
  missionValidated,
} from '../../support/mission-events';
import { startTestApp, TestApp } from '../../support/test-app';
import { registerAccount } from '../workers/support/helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('Missions money (secure balance)', () => {
  let t: TestApp;
  let payments: MissionPayments;
  let store: EventStore;

  beforeAll(async () => {
    t = await startTestApp();
    payments = t.app.get<MissionPayments>(MISSION_PAYMENTS);
    store = t.app.get<EventStore>(EVENT_STORE);
    ensureMissionCommandHandler(t);
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
  const opNames = async (missionId: string) =>
    (await operations(missionId)).map((o) => o.operation);

  const types = async (stream: string) => {
    try {
      return (await store.readStream(stream)).map((e) => e.type);
    } catch {
      return [];
    }
  };
  const escrow = (m: MissionFixture) => t.app.get(MissionMoneyEffects).escrow(m.escrowId);

  const jobsOf = async (missionId: string, kind: MissionJob['kind']) =>
    (
      await t.db.pool.query<{ job_id: string; payload: MissionJob }>(
        `SELECT job_id, payload FROM scheduled_jobs WHERE payload ->> 'missionId' = $1 AND kind = $2 ORDER BY due_at`,
        [missionId, kind],
      )
    ).rows.map((r) => ({ jobId: r.job_id, payload: r.payload }));

  /** What the journal says of one escrow, per account (debit − credit). */
  async function journalOf(escrowId: string): Promise<Record<string, number>> {
    const { rows } = await t.db.pool.query<{ account: string; balance: string }>(
      `SELECT l.account, sum(l.debit_cents) - sum(l.credit_cents) AS balance
         FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
        WHERE e.escrow_id = $1 GROUP BY l.account`,
      [escrowId],
    );
    return Object.fromEntries(rows.map((r) => [r.account, Number(r.balance)]));
  }

  /** Publication as the missions context does it: secure first, then the request is recorded. */
  async function publish(m: MissionFixture, card = 'pm_card_visa') {
    const { paymentMethodRef } = await payments.secure({
      missionId: m.missionId,
      escrowId: m.escrowId,
      clientId: m.clientId,
      amountCents: m.requested.data.reservedCents,
      paymentMethod: card,
      plan: m.requested.data.paymentPlan,
      idempotencyKey: randomUUID(),
    });
    m.requested.data.paymentMethodRef = paymentMethodRef;
    await append(m, [m.requested]);
  }
  async function append(m: MissionFixture, events: MissionEvent[]) {
    await appendMissionEvents(t, m.missionId, events);
    await t.settle();
  }

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
      expect(await opNames(missionId)).toEqual(['mission_save_method']);
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

  it('authorise now → confirmed → validated: the card is authorised once, captured once at validation for the price, the provider paid out instantly; escrow and journal balance', async () => {
    const now = new Date();
    const m = missionRequested({ now, startsInDays: 2, priceCents: 8_000, reservedCents: 10_000 });
    await publish(m);
    // The reactor repeated the publication's authorisation under the same key: one authorisation.
    expect(await opNames(m.missionId)).toEqual(['mission_authorise']);
    expect(await types(`mission-${m.missionId}`)).toEqual([
      'MissionRequested',
      'MissionPaymentAuthorised',
    ]);

    await append(m, [missionConfirmed(m, new Date(now.getTime() + HOUR))]);
    const held = await escrow(m);
    // The escrow holds the price; the reservation beyond it is never in escrow.
    expect(held).toMatchObject({ status: 'held', heldCents: 8_000, payeeId: m.providerId });
    expect(await opNames(m.missionId)).toEqual(['mission_authorise']);

    await append(m, [missionValidated(m, new Date(now.getTime() + 2 * DAY + HOUR))]);
    // Delivered twice: nothing moves twice.
    await t.app.get(MissionMoneyEffects).settle(m.missionId, m.escrowId, {
      id: 'again',
      now: new Date().toISOString(),
      causation: { correlationId: 'again' },
    });
    await t.settle();

    const ops = await operations(m.missionId);
    expect(ops.map((o) => o.operation)).toEqual([
      'mission_authorise',
      'mission_capture',
      'mission_instant_payout',
    ]);
    const commission = percentOf(8_000, m.commissionRateBp);
    expect(ops[1].response).toMatchObject({ capturedCents: 8_000, releasedCents: 2_000 });
    expect(ops[2].request).toMatchObject({
      providerId: m.providerId,
      amountCents: 8_000 - commission,
      feeCents: 0,
    });
    expect(ops[2].response).toMatchObject({ method: 'instant', status: 'paid' });
    expect(await escrow(m)).toMatchObject({
      status: 'closed',
      heldCents: 0,
      releasedCents: 8_000,
      payeeNetCents: 8_000 - commission,
    });
    expect(await types(`missionmoney-${m.missionId}`)).toEqual([
      'MissionPaymentCaptured',
      'MissionProviderPaidOut',
    ]);
    // The journal of this escrow: what stays is the platform's commission (net of VAT) and its VAT.
    const journal = await journalOf(m.escrowId);
    expect(Object.values(journal).reduce((s, v) => s + v, 0)).toBe(0);
    expect(journal).toMatchObject({
      psp_clearing: commission,
      buyer_funds_held: 0,
      provider_payable: 0,
    });
    // The mission's release is paid out instantly, not credited to the wallet a second time.
    expect(await types(`wallet-${m.providerId}`)).toEqual([]);
  });

  it('a mission 10 days away: nothing authorised at publication, authorised automatically at authoriseAt, never captured before validation', async () => {
    const now = new Date();
    const clientId = await registerAccount(t, ['client']);
    const m = missionRequested({ now, startsInDays: 10, clientId });
    await publish(m);
    expect(await opNames(m.missionId)).toEqual(['mission_save_method']);
    expect(await types(`mission-${m.missionId}`)).toEqual(['MissionRequested']);
    const [job] = await jobsOf(m.missionId, 'mission.authorise');
    expect(job.payload).toMatchObject({ attempt: 1, dueAt: m.requested.data.authoriseAt });
    // The authorisation outlives the automatic validation.
    expect(
      Date.parse(m.requested.data.authoriseAt) + 7 * DAY >
        Date.parse(m.requested.data.autoValidateAt),
    ).toBe(true);

    await append(m, [missionConfirmed(m, new Date(now.getTime() + HOUR))]);
    expect((await escrow(m)).status).toBe('none');

    const clock = new ManualClock(new Date(Date.parse(job.payload.dueAt) - 1));
    const runner = new MissionPaymentAuthorisationJob(t.app.get(MissionMoneyEffects), clock);
    const run = () => runner.authorise(job as never);
    expect(await run()).toEqual({ result: 'not_due', dueAt: job.payload.dueAt });
    clock.set(job.payload.dueAt);
    expect(await run()).toMatchObject({ result: 'done' });
    await t.settle();
    expect(await run()).toMatchObject({ result: 'obsolete', code: 'MISSION_ALREADY_AUTHORISED' });
    expect(await opNames(m.missionId)).toEqual(['mission_save_method', 'mission_authorise_saved']);
    expect(await escrow(m)).toMatchObject({ status: 'held', heldCents: m.priceCents });

    // The reminder and the automatic validation wait for their time; nothing is captured before.
    const [remind] = await jobsOf(m.missionId, 'mission.validation-reminder');
    const [auto] = await jobsOf(m.missionId, 'mission.auto-validate');
    expect(auto.payload.dueAt).toBe(m.requested.data.autoValidateAt);
    expect(Date.parse(remind.payload.dueAt)).toBe(Date.parse(auto.payload.dueAt) - 24 * HOUR);
    const validation = new MissionValidationJob(t.app.get(MissionMoneyEffects), clock);
    clock.set(remind.payload.dueAt);
    expect(await validation.remind(remind as never)).toEqual({
      result: 'done',
      detail: 'client reminded',
    });
    expect(await validation.autoValidate(auto as never)).toMatchObject({ result: 'not_due' });
    expect(await opNames(m.missionId)).not.toContain('mission_capture');

    clock.set(auto.payload.dueAt);
    expect(await validation.autoValidate(auto as never)).toMatchObject({
      result: 'done',
      detail: 'MissionValidated',
    });
    await t.settle();
    expect(await opNames(m.missionId)).toEqual([
      'mission_save_method',
      'mission_authorise_saved',
      'mission_capture',
      'mission_instant_payout',
    ]);
    expect(await validation.autoValidate(auto as never)).toMatchObject({ result: 'obsolete' });
  });

  it('a failed later authorisation: the failure is recorded and the client told, retried after 6 h and 24 h, then the system cancels; nothing was ever charged', async () => {
    const now = new Date();
    const clientId = await registerAccount(t, ['client']);
    const m = missionRequested({ now, startsInDays: 10, clientId });
    await publish(m, 'pm_card_chargeCustomerFail');
    const clock = new ManualClock(new Date(m.requested.data.authoriseAt));
    const runner = new MissionPaymentAuthorisationJob(t.app.get(MissionMoneyEffects), clock);
    const attempts: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const job = (await jobsOf(m.missionId, 'mission.authorise')).find(
        (j) => (j.payload as { attempt: number }).attempt === attempt,
      )!;
      attempts.push(job.payload.dueAt);
      clock.set(job.payload.dueAt);
      expect(await runner.authorise(job as never)).toMatchObject({ result: 'done' });
      await t.settle();
    }
    const authoriseAt = Date.parse(m.requested.data.authoriseAt);
    expect(attempts.map((a) => Date.parse(a) - authoriseAt)).toEqual([0, 6 * HOUR, 30 * HOUR]);
    const mission = await types(`mission-${m.missionId}`);
    expect(mission.filter((x) => x === 'MissionPaymentAuthorisationFailed')).toHaveLength(3);
    expect(mission.at(-1)).toBe('MissionCancelled');
    const cancelled = (await store.readStream(`mission-${m.missionId}`)).at(-1)!;
    expect(cancelled.data).toMatchObject({ cancelledBy: 'system', feeCents: 0, refundCents: 0 });
    const told = await t.app.get(Notifications).list({
      template: 'missions.authorisation_failed',
      recipientAccountId: m.clientId,
      limit: 10,
    });
    expect(told).toHaveLength(3);
    expect(await opNames(m.missionId)).toEqual(['mission_save_method']);
  });

  it('a late cancellation keeps the fee for the provider: the fee alone is captured and paid out, the rest goes back', async () => {
    const now = new Date();
    const m = missionRequested({ now, startsInDays: 1, priceCents: 10_000 });
    await publish(m);
    await append(m, [missionConfirmed(m, new Date(now.getTime() + HOUR))]);
    await append(m, [
      {
        type: 'MissionCancelled',
        data: {
          missionId: m.missionId,
          cancelledBy: 'client',
          actorId: m.clientId,
          from: 'confirmed',
          late: true,
          feeCents: 3_000,
          refundCents: 7_000,
          cancelledAt: new Date(now.getTime() + 2 * HOUR).toISOString(),
        },
      },
    ]);
    const ops = await operations(m.missionId);
    expect(ops.map((o) => o.operation)).toEqual([
      'mission_authorise',
      'mission_capture',
      'mission_instant_payout',
    ]);
    const commission = percentOf(3_000, m.commissionRateBp);
    expect(ops[1].response).toMatchObject({ capturedCents: 3_000, releasedCents: 7_000 });
    expect(ops[2].request).toMatchObject({ amountCents: 3_000 - commission });
    expect(await escrow(m)).toMatchObject({
      status: 'closed',
      releasedCents: 3_000,
      refundedCents: 7_000,
    });
    const journal = await journalOf(m.escrowId);
    expect(Object.values(journal).reduce((s, v) => s + v, 0)).toBe(0);
  });

  it('a free cancellation gives the whole authorisation back: nothing is captured', async () => {
    const now = new Date();
    const m = missionRequested({ now, startsInDays: 3 });
    await publish(m);
    await append(m, [missionConfirmed(m, new Date(now.getTime() + HOUR))]);
    await append(m, [
      {
        type: 'MissionCancelled',
        data: {
          missionId: m.missionId,
          cancelledBy: 'provider',
          actorId: m.providerId,
          from: 'confirmed',
          late: false,
          feeCents: 0,
          refundCents: m.priceCents,
          cancelledAt: new Date(now.getTime() + 2 * HOUR).toISOString(),
        },
      },
    ]);
    expect(await opNames(m.missionId)).toEqual(['mission_authorise', 'mission_cancel']);
    expect(await escrow(m)).toMatchObject({ status: 'closed', refundedCents: m.priceCents });
  });

  it('an expired request releases the money: the authorisation is cancelled', async () => {
    const now = new Date();
    const m = missionRequested({ now, startsInDays: 2 });
    await publish(m);
    await append(m, [
      {
        type: 'MissionExpired',
        data: {
          missionId: m.missionId,
          respondBy: m.requested.data.respondBy,
          expiredAt: m.requested.data.respondBy,
        },
      },
    ]);
    expect(await opNames(m.missionId)).toEqual(['mission_authorise', 'mission_cancel']);
    expect(await types(`missionmoney-${m.missionId}`)).toEqual(['MissionAuthorisationCancelled']);
  });
});
