import type { CommandBus } from '@nestjs/cqrs';
import { projectFeesDecider, projectFeesStream, projectStream } from '../../domain/tenders';
import { InMemoryEventStore } from '../disputes/disputes.fixtures.spec';
import { PaymentDeclinedError, type PaymentGateway } from '../payments/payment-gateway.port';
import { ManualClock } from '../shared/clock';
import { handleCommand } from '../shared/command-handling';
import { ProjectFeesCommandMessage } from './project-fees.messages';
import { NO_SAVED_PAYMENT_METHOD, ProjectFeesService } from './project-fees.service';

const projectId = 'project-1';
const clientId = 'client-1';
const providerId = 'provider-1';
const causation = { correlationId: 'c-1', causationId: 'e-1' };
const signedFees = { finderFeeCents: 50_000, r0OptionCents: 12_000 };

/** A gateway that keeps its successful answers by key, as the simulated one does. */
function fakeGateway() {
  const done = new Map<string, unknown>();
  const calls: { op: string; key: string; amountCents?: number }[] = [];
  let refuse = false;
  const gateway = {
    async chargeSaved(r: { idempotencyKey: string; amountCents: number }) {
      calls.push({ op: 'charge', key: r.idempotencyKey, amountCents: r.amountCents });
      if (done.has(r.idempotencyKey)) return done.get(r.idempotencyKey);
      if (refuse) throw new PaymentDeclinedError('card_declined');
      const answer = { chargeRef: `pi_${r.idempotencyKey}`, amountCents: r.amountCents };
      done.set(r.idempotencyKey, answer);
      return answer;
    },
    async refundCharge(r: { idempotencyKey: string; amountCents: number }) {
      calls.push({ op: 'refund', key: r.idempotencyKey, amountCents: r.amountCents });
      const answer = { refundRef: `re_${r.idempotencyKey}`, amountCents: r.amountCents };
      done.set(r.idempotencyKey, answer);
      return answer;
    },
    async savePaymentMethod(r: { paymentMethod: string }) {
      if (r.paymentMethod === 'pm_card_declined') throw new PaymentDeclinedError('card_declined');
      return { paymentMethodRef: `pm_saved_${r.paymentMethod}` };
    },
  };
  return {
    gateway: gateway as unknown as PaymentGateway,
    calls,
    refuseCharges: (value: boolean) => (refuse = value),
  };
}

async function setup(card: string | null = 'pm_saved_visa') {
  const store = new InMemoryEventStore();
  const bus = {
    execute(message: ProjectFeesCommandMessage) {
      return handleCommand(
        store,
        projectFeesStream(message.aggregateId),
        projectFeesDecider,
        message.command,
        message.causation,
        message.options,
      );
    },
  } as unknown as CommandBus;
  const g = fakeGateway();
  const service = new ProjectFeesService(
    bus,
    store,
    g.gateway,
    { find: async () => card },
    new ManualClock('2026-12-01T10:00:00.000Z'),
  );
  const terms = { amountCents: 1_000_000, delayDays: 30, formula: 'r0', feePayer: 'client' };
  await store.appendToStream(projectStream(projectId), [
    {
      id: 'posted',
      type: 'ProjectPosted',
      data: {
        projectId,
        clientId,
        title: 'Site',
        description: 'd',
        category: 'web',
        budgetMinCents: 1,
        budgetMaxCents: 2,
        wishedDeadline: '2027-01-01',
        attachmentFileIds: [],
        postedAt: '2026-11-01T10:00:00.000Z',
      },
    },
    {
      id: 'selected',
      type: 'ProjectProviderSelected',
      data: {
        projectId,
        clientId,
        providerId,
        offerId: 'o',
        terms,
        selectedAt: '2026-11-20T10:00:00.000Z',
      },
    },
    {
      id: 'confirmed',
      type: 'ProjectTermsConfirmed',
      data: {
        projectId,
        clientId,
        providerId,
        terms,
        fees: signedFees,
        confirmedAt: '2026-11-21T10:00:00.000Z',
      },
    },
  ]);
  const types = async () =>
    (await store.readStream(projectFeesStream(projectId)).catch(() => [])).map((e) => e.type);
  const revise = (
    revisionId: string,
    fees: typeof signedFees,
    previousFees: typeof signedFees,
  ) => ({
    projectId,
    revisionId,
    fromCents: 1_000_000,
    toCents: 800_000,
    acceptedBy: providerId,
    fees,
    previousFees,
    revisedAt: '2026-12-02T10:00:00.000Z',
  });
  return { store, service, ...g, types, revise };
}

describe('ProjectFeesService', () => {
  it('charges both fees once, even when the signature is delivered again', async () => {
    const s = await setup();
    await s.service.chargeOnSignature(projectId, signedFees, causation, 'confirmed');
    await s.service.chargeOnSignature(projectId, signedFees, causation, 'confirmed');
    expect(await s.types()).toEqual(['ProjectFeeCharged', 'ProjectFeeCharged']);
    expect(s.calls.filter((c) => c.op === 'charge')).toHaveLength(2);
  });

  it('records no saved card as a failure, and a redelivery tries nothing again', async () => {
    const s = await setup(null);
    const outcomes = await s.service.chargeOnSignature(
      projectId,
      signedFees,
      causation,
      'confirmed',
    );
    expect(outcomes.map((o) => o.code)).toEqual([NO_SAVED_PAYMENT_METHOD, NO_SAVED_PAYMENT_METHOD]);
    await s.service.chargeOnSignature(projectId, signedFees, causation, 'confirmed');
    expect(await s.types()).toEqual(['ProjectFeeChargeFailed', 'ProjectFeeChargeFailed']);
  });

  it('pays again on a new attempt key after a refusal, for the payer only', async () => {
    const s = await setup();
    s.refuseCharges(true);
    await s.service.chargeOnSignature(projectId, signedFees, causation, 'confirmed');
    await expect(
      s.service.pay(projectId, providerId, 'pm_card_visa', causation),
    ).rejects.toMatchObject({
      code: 'PROJECT_FEES_NOT_PAYER',
    });
    s.refuseCharges(false);
    await s.service.pay(projectId, clientId, 'pm_card_visa', causation);
    const keys = s.calls.filter((c) => c.op === 'charge').map((c) => c.key.slice(-2));
    expect(keys).toEqual(['-0', '-0', '-1', '-1']);
    const state = (await s.service.fees(projectId)).lines;
    expect(state.finder_fee).toMatchObject({
      status: 'charged',
      failures: 1,
      chargedCents: 50_000,
    });
    await expect(
      s.service.pay(projectId, clientId, 'pm_card_visa', causation),
    ).rejects.toMatchObject({
      code: 'PROJECT_FEES_NOTHING_DUE',
    });
  });

  it('refunds each kind down to the new fee, once per revision', async () => {
    const s = await setup();
    await s.service.chargeOnSignature(projectId, signedFees, causation, 'confirmed');
    const revised = s.revise('rev-1', { finderFeeCents: 40_000, r0OptionCents: 9_600 }, signedFees);
    await s.service.refundOnRevision(revised, causation, 'revised-1');
    await s.service.refundOnRevision(revised, causation, 'revised-1');
    const lines = (await s.service.fees(projectId)).lines;
    expect([lines.finder_fee?.refundedCents, lines.r0_option?.refundedCents]).toEqual([
      10_000, 2_400,
    ]);
    expect(s.calls.filter((c) => c.op === 'refund').map((c) => c.amountCents)).toEqual([
      10_000, 2_400,
    ]);
  });

  it('refunds nothing for a fee not paid yet: it is due at the new amount', async () => {
    const s = await setup(null);
    await s.service.chargeOnSignature(projectId, signedFees, causation, 'confirmed');
    await s.service.refundOnRevision(
      s.revise('rev-1', { finderFeeCents: 40_000, r0OptionCents: 9_600 }, signedFees),
      causation,
      'revised-1',
    );
    expect((await s.types()).filter((t) => t === 'ProjectFeeRefunded')).toEqual([]);
  });
});
