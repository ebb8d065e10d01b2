import { CommandBus } from '@nestjs/cqrs';
import { BusinessRuleError } from '../../domain/shared';
import { PaymentGateway } from '../payments/payment-gateway.port';
import { EventStore, RecordedEvent } from '../shared/event-store.port';
import { ManualClock } from '../shared/clock';
import { PayoutJob } from '../scheduling/jobs';
import { GatewayWebhookEmitter } from './gateway-webhook-emitter.port';
import { PayoutCommandMessage } from './payout.messages';
import { SendPayoutJob } from './send-payout.job';

const account = {
  accountId: 'acc-1',
  kind: 'bank' as const,
  iban: 'FR7630006000011234567890189',
  holderName: 'Camille Martin',
};
const requested = {
  type: 'PayoutRequested',
  data: { payoutId: 'po-1', providerId: 'p-1', amountCents: 4_500, account },
};
const job: PayoutJob = {
  kind: 'payout.send',
  payoutId: 'po-1',
  dueAt: '2026-03-02T10:00:00.000Z',
  causationId: 'evt-1',
  correlationId: 'corr-1',
};

function harness(history: { type: string; data: unknown }[], payout: PaymentGateway['payout']) {
  const store = {
    readStream: async () =>
      history.map((e, i) => ({ ...e, revision: BigInt(i) }) as unknown as RecordedEvent),
  } as unknown as EventStore;
  const sent: PayoutCommandMessage[] = [];
  const bus = {
    execute: jest.fn(async (m: PayoutCommandMessage) => (sent.push(m), { events: [] })),
  } as unknown as CommandBus;
  const gateway = { payout: jest.fn(payout) } as unknown as PaymentGateway & { payout: jest.Mock };
  const webhooks = {
    afterPayout: jest.fn(async () => undefined),
  } as unknown as GatewayWebhookEmitter & { afterPayout: jest.Mock };
  const runner = new SendPayoutJob(
    store,
    gateway,
    bus,
    new ManualClock('2026-03-02T10:00:05.000Z'),
    webhooks,
  );
  return { runner, sent, gateway, webhooks };
}

describe('the payout job', () => {
  it('pays through the gateway keyed by the payout id, then records submitted and sent', async () => {
    const h = harness([requested], async () => ({ gatewayPayoutId: 'po_gw_1', status: 'paid' }));
    const outcome = await h.runner.run({ jobId: 'j-1', payload: job });
    expect(outcome).toEqual({ result: 'done', detail: 'paid po_gw_1' });
    expect(h.gateway.payout).toHaveBeenCalledWith({
      payoutId: 'po-1',
      providerId: 'p-1',
      amountCents: 4_500,
      destination: { kind: 'bank', iban: account.iban, holderName: 'Camille Martin' },
      idempotencyKey: 'po-1',
    });
    expect(h.sent.map((m) => [m.aggregateId, m.command.type, m.command.meta.actorRole])).toEqual([
      ['po-1', 'MarkPayoutSubmitted', 'system'],
      ['po-1', 'MarkPayoutSent', 'system'],
    ]);
    expect(h.webhooks.afterPayout).toHaveBeenCalledWith(
      { payoutId: 'po-1', gatewayPayoutId: 'po_gw_1', status: 'paid' },
      { correlationId: 'corr-1', causationId: 'evt-1' },
    );
  });

  it('a pending payout waits for the webhook: only submitted is recorded', async () => {
    const h = harness([requested], async () => ({ gatewayPayoutId: 'po_gw_2', status: 'pending' }));
    await h.runner.run({ jobId: 'j-1', payload: job });
    expect(h.sent.map((m) => m.command.type)).toEqual(['MarkPayoutSubmitted']);
  });

  it('a refusal by the gateway fails the payout (the wallet then takes the money back); an outage is retried', async () => {
    const refused = harness([requested], async () => {
      throw new BusinessRuleError('PAYEE_NOT_ONBOARDED', 'no account');
    });
    await refused.runner.run({ jobId: 'j-1', payload: job });
    expect(refused.sent.map((m) => [m.command.type, m.command.data])).toEqual([
      ['MarkPayoutFailed', { failureCode: 'PAYEE_NOT_ONBOARDED', failureMessage: 'no account' }],
    ]);
    const outage = harness([requested], async () => {
      throw new Error('ECONNRESET');
    });
    await expect(outage.runner.run({ jobId: 'j-1', payload: job })).rejects.toThrow('ECONNRESET');
    expect(outage.sent).toHaveLength(0);
  });

  it('a payout already settled is not paid again when its job is delivered twice', async () => {
    const h = harness(
      [
        requested,
        { type: 'PayoutSubmitted', data: { payoutId: 'po-1', gatewayPayoutId: 'g' } },
        { type: 'PayoutSent', data: { payoutId: 'po-1', providerId: 'p-1', amountCents: 4_500 } },
      ],
      async () => {
        throw new Error('must not be called');
      },
    );
    expect(await h.runner.run({ jobId: 'j-1', payload: job })).toEqual({
      result: 'done',
      detail: 'already sent',
    });
    expect(h.gateway.payout).not.toHaveBeenCalled();
  });

  it('retried steps carry the same event ids, so a rerun after a crash appends nothing twice', async () => {
    const a = harness([requested], async () => ({ gatewayPayoutId: 'g', status: 'paid' }));
    const b = harness([requested], async () => ({ gatewayPayoutId: 'g', status: 'paid' }));
    await a.runner.run({ jobId: 'j-1', payload: job });
    await b.runner.run({ jobId: 'j-1', payload: job });
    expect(a.sent.map((m) => m.options.eventIds?.(0))).toEqual(
      b.sent.map((m) => m.options.eventIds?.(0)),
    );
  });
});

describe('the payout job with PayPal payouts configured', () => {
  const paypalRequested = {
    type: 'PayoutRequested',
    data: {
      payoutId: 'po-1',
      providerId: 'p-1',
      amountCents: 4_500,
      account: { accountId: 'acc-2', kind: 'paypal' as const, email: 'camille@example.fr' },
    },
  };

  function withPayPal(history: { type: string; data: unknown }[]) {
    const h = harness(history, async () => ({ gatewayPayoutId: 'po_gw', status: 'paid' }));
    const paypal = {
      payout: jest.fn(async () => ({ gatewayPayoutId: 'BATCH1', status: 'pending' as const })),
    };
    const runner = new SendPayoutJob(
      { readStream: async () => history.map((e, i) => ({ ...e, revision: BigInt(i) })) } as never,
      h.gateway,
      { execute: async (m: PayoutCommandMessage) => (h.sent.push(m), { events: [] }) } as never,
      new ManualClock('2026-03-02T10:00:05.000Z'),
      h.webhooks,
      paypal,
    );
    return { ...h, runner, paypal };
  }

  it('a PayPal withdrawal is paid by PayPal, keyed by the payout id, and the gateway is not asked', async () => {
    const h = withPayPal([paypalRequested]);
    expect(await h.runner.run({ jobId: 'j-1', payload: job })).toEqual({
      result: 'done',
      detail: 'pending BATCH1',
    });
    expect(h.paypal.payout).toHaveBeenCalledWith({
      payoutId: 'po-1',
      providerId: 'p-1',
      amountCents: 4_500,
      destination: { kind: 'paypal', email: 'camille@example.fr' },
      idempotencyKey: 'po-1',
    });
    expect(h.gateway.payout).not.toHaveBeenCalled();
    // PayPal's own webhook tells the outcome, not the simulated gateway's emitter.
    expect(h.webhooks.afterPayout).not.toHaveBeenCalled();
    expect(h.sent.map((m) => m.command.type)).toEqual(['MarkPayoutSubmitted']);
  });

  it('a bank withdrawal still goes through the payment gateway', async () => {
    const h = withPayPal([requested]);
    await h.runner.run({ jobId: 'j-1', payload: job });
    expect(h.gateway.payout).toHaveBeenCalled();
    expect(h.paypal.payout).not.toHaveBeenCalled();
  });
});
