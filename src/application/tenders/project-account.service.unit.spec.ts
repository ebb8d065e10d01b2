import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/shared';
import { commandBusOver, ids, InMemoryEventStore } from '../disputes/disputes.fixtures.spec';
import { EscrowCommandMessage } from '../escrow/escrow.messages';
import type { Notifications } from '../notifications/notifications.port';
import type { PaymentGateway } from '../payments/payment-gateway.port';
import { ProjectAccountService } from './project-account.service';
import { projectEscrowId } from './tender-ids';

const NOW = '2026-12-01T10:00:00.000Z';
const projectId = '4d2e9f10-7b6c-4d5e-8f3a-2b1c0d9e8f7a';
const escrowId = projectEscrowId(projectId);
const client = { now: NOW, actorId: ids.buyer, actorRole: 'client' as const };
const causation = { correlationId: 'request-1' };

/** A gateway that answers a repeated key with its first answer, as the real ones do. */
function replayingGateway() {
  const charges = new Map<string, string>();
  const calls: { op: 'fund' | 'refund'; key: string; paymentRef: string; amountCents: number }[] =
    [];
  const gateway = {
    async fundEscrow(request: { idempotencyKey: string; amountCents: number }) {
      const paymentRef = charges.get(request.idempotencyKey) ?? `pi_${charges.size + 1}`;
      charges.set(request.idempotencyKey, paymentRef);
      calls.push({ op: 'fund', key: request.idempotencyKey, paymentRef, ...request });
      return { paymentRef, mode: 'charge' as const };
    },
    async refund(request: { idempotencyKey: string; paymentRef: string; amountCents: number }) {
      calls.push({ op: 'refund', key: request.idempotencyKey, ...request });
      return { refundRef: `re_${request.idempotencyKey}` };
    },
  };
  return { gateway: gateway as unknown as PaymentGateway, calls };
}

async function setup() {
  const store = new InMemoryEventStore();
  const bus = commandBusOver(store);
  const { gateway, calls } = replayingGateway();
  const notifications = { send: async () => ({}) } as unknown as Notifications;
  const terms = { amountCents: 500_000, delayDays: 60, formula: 'r0', feePayer: 'client' };
  const at = { actorId: ids.buyer, actorRole: 'client', correlationId: 'seed', occurredAt: NOW };
  const parties = { projectId, clientId: ids.buyer, providerId: ids.seller, terms };
  await store.appendToStream(
    `project-${projectId}`,
    [
      {
        type: 'ProjectPosted',
        data: {
          projectId,
          clientId: ids.buyer,
          title: 'Site vitrine',
          description: 'Cinq pages',
          category: 'developpement-web',
          budgetMinCents: 300_000,
          budgetMaxCents: 600_000,
          wishedDeadline: '2027-03-01',
          attachmentFileIds: [],
          postedAt: NOW,
        },
      },
      { type: 'ProjectProviderSelected', data: { ...parties, offerId: 'o1', selectedAt: NOW } },
      {
        type: 'ProjectTermsConfirmed',
        data: {
          ...parties,
          fees: { finderFeeCents: 25_000, r0OptionCents: 9_900 },
          confirmedAt: NOW,
        },
      },
    ].map((e) => ({ id: randomUUID(), ...e, metadata: at })),
  );
  const service = new ProjectAccountService(store, gateway, bus, notifications);
  const fund = (trancheId: string, amountCents: number) =>
    service.fund(
      { projectId, trancheId, amountCents, label: trancheId, paymentMethodId: 'pm_card_visa' },
      client,
      causation,
    );
  const escrow = (type: 'FreezeEscrow' | 'UnfreezeEscrow') =>
    bus.execute(
      new EscrowCommandMessage(
        escrowId,
        {
          type,
          data: { disputeId: 'd1' },
          meta:
            type === 'FreezeEscrow' ? client : { now: NOW, actorId: 'system', actorRole: 'system' },
        },
        causation,
      ),
    );
  return { store, gateway, calls, fund, escrow };
}

describe('R0 account funding: a charge the escrow refuses is given back', () => {
  it('given a dispute freezing the account between the charge and its record, the charge is refunded, and a retry of the same tranche is charged anew, never recorded on the refunded payment', async () => {
    const s = await setup();
    await s.fund('t1', 100_000);
    // A dispute freezes the account right after the card is charged for t2.
    const fundEscrow = s.gateway.fundEscrow.bind(s.gateway);
    jest.spyOn(s.gateway, 'fundEscrow').mockImplementationOnce(async (request) => {
      const answer = await fundEscrow(request);
      await s.escrow('FreezeEscrow');
      return answer;
    });
    let code: string | null = null;
    await s.fund('t2', 50_000).catch((error: DomainError) => (code = error.code));
    expect(code).toBe('PROJECT_ACCOUNT_FROZEN');
    const refused = s.calls.filter((c) => c.op === 'fund')[1];
    expect(s.calls.filter((c) => c.op === 'refund')).toEqual([
      expect.objectContaining({ paymentRef: refused.paymentRef, amountCents: 50_000 }),
    ]);

    await s.escrow('UnfreezeEscrow');
    const after = await s.fund('t2', 50_000);
    const t2 = s.store.log
      .map((e) => e.data as { trancheId?: string; paymentRef?: string })
      .find((d) => d.trancheId === 't2' && d.paymentRef);
    expect(t2?.paymentRef).not.toBe(refused.paymentRef);
    expect(after.account.fundedCents).toBe(150_000);
  });
});
