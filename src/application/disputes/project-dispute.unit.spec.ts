import { randomUUID } from 'node:crypto';
import { CommandMeta, DomainError } from '../../domain/shared';
import { EscrowCommandMessage } from '../escrow/escrow.messages';
import { projectEscrowId } from '../tenders/tender-ids';
import { disputeEffectIds } from './deterministic-id';
import { DisputeEffects } from './dispute-effects';
import { DisputeEffectsReactor } from './dispute-effects.reactor';
import { commandBusOver, ids, InMemoryEventStore, noUploads } from './disputes.fixtures.spec';
import { OpenProjectDispute, OpenProjectDisputeHandler } from './open-project-dispute.handler';
import { RunDisputeCase, RunDisputeCaseHandler } from './run-dispute-case.handler';

const NOW = '2026-12-01T10:00:00.000Z';
const projectId = '2c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f';
const escrowId = projectEscrowId(projectId);
const client = { now: NOW, actorId: ids.buyer, actorRole: 'client' as const };
const provider = { now: NOW, actorId: ids.seller, actorRole: 'provider' as const };
const outsider = { now: NOW, actorId: ids.outsider, actorRole: 'provider' as const };
const mediator = { now: NOW, actorId: ids.mediator, actorRole: 'mediator' as const };
const causation = { correlationId: 'request-1' };
const disputeId = disputeEffectIds.projectDispute(projectId, 0);

async function setup(formula: 'r0' | 'base' = 'r0', tranches: number[] = [150_000, 200_000]) {
  const store = new InMemoryEventStore();
  const bus = commandBusOver(store);
  const effects = new DisputeEffects(store, bus);
  const terms = { amountCents: 500_000, delayDays: 60, formula, feePayer: 'client' };
  const at = { actorId: ids.buyer, actorRole: 'client', correlationId: 'seed', occurredAt: NOW };
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
      {
        type: 'ProjectProviderSelected',
        data: {
          projectId,
          clientId: ids.buyer,
          providerId: ids.seller,
          offerId: 'o1',
          terms,
          selectedAt: NOW,
        },
      },
      {
        type: 'ProjectTermsConfirmed',
        data: {
          projectId,
          clientId: ids.buyer,
          providerId: ids.seller,
          terms,
          fees: { finderFeeCents: 25_000, r0OptionCents: 9_900 },
          confirmedAt: NOW,
        },
      },
    ].map((e) => ({ id: randomUUID(), ...e, metadata: at })),
  );
  for (const [index, amountCents] of tranches.entries()) {
    const data = { trancheId: `t${index + 1}`, amountCents, paymentRef: `pi_t${index + 1}` };
    await bus.execute(
      new EscrowCommandMessage(
        escrowId,
        index === 0
          ? {
              type: 'OpenEscrow',
              data: {
                ...data,
                escrowId,
                subject: { kind: 'project', id: projectId },
                payerId: ids.buyer,
                payeeId: ids.seller,
                commissionRateBp: 0,
              },
              meta: client,
            }
          : { type: 'FundEscrow', data, meta: client },
        causation,
      ),
    );
  }
  const opener = new OpenProjectDisputeHandler(
    store,
    { responseDeadlineDays: 5 },
    effects,
    noUploads,
  );
  const runner = new RunDisputeCaseHandler(bus, effects);
  const open = (meta: CommandMeta = provider) =>
    opener.execute(
      new OpenProjectDispute(
        projectId,
        { statement: 'Tranche 2 livrée, non payée.' },
        meta,
        causation,
      ),
    );
  const run = (action: Parameters<RunDisputeCaseHandler['execute']>[0]['action']) =>
    runner.execute(new RunDisputeCase(disputeId, action, causation));
  return { store, bus, effects, open, run, reactor: new DisputeEffectsReactor(effects) };
}

const codeOf = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return null;
};

describe('SMA on a tender project (R0 account)', () => {
  it('given a funded R0 account, when the provider opens a dispute, then the account freezes on what it holds', async () => {
    const s = await setup();
    const opened = await s.open();
    expect(opened).toMatchObject({
      disputeId,
      status: 'open',
      subject: { kind: 'project', id: projectId },
      orderId: null,
      escrow: { status: 'frozen', heldCents: 350_000 },
      effects: 'done',
    });
    expect(await codeOf(() => s.open(client))).toBe('DISPUTE_ALREADY_OPENED');
  });

  it('refuses an outsider (404), a base-formula project (422) and an empty account (409)', async () => {
    expect(await codeOf(async () => (await setup()).open(outsider))).toBe('PROJECT_NOT_FOUND');
    expect(await codeOf(async () => (await setup('base')).open())).toBe('PROJECT_ACCOUNT_NOT_R0');
    expect(await codeOf(async () => (await setup('r0', [])).open())).toBe('PROJECT_ACCOUNT_EMPTY');
  });

  it('given a frozen account, a decision distributes exactly what it held, no commission, and ends the freeze', async () => {
    const s = await setup();
    await s.open();
    await s.run({ type: 'AssignMediator', data: { mediatorId: ids.mediator }, meta: mediator });
    const decide = (refundCents: number, releaseCents: number) =>
      s.run({
        type: 'DecideDispute',
        data: {
          decisionId: 'dec-1',
          outcome: 'split',
          refundCents,
          releaseCents,
          reasoning: 'Partage',
        },
        meta: mediator,
      });
    expect(await codeOf(() => decide(100_000, 300_000))).toBe('DECISION_EXCEEDS_HELD');
    const decided = await decide(100_000, 250_000);
    expect(decided).toMatchObject({
      status: 'resolved',
      escrow: { status: 'closed', heldCents: 0 },
      effects: 'done',
    });
    const released = s.store.log.filter((e) => e.type === 'EscrowReleased').map((e) => e.data);
    expect(released).toEqual([
      expect.objectContaining({ amountCents: 250_000, commissionCents: 0, reason: 'decision' }),
    ]);
    // Re-delivered to the reactor, the decision moves nothing more.
    const before = s.store.log.length;
    for (const e of s.store.log.filter((x) => x.streamName.startsWith('dispute-')))
      await s.reactor.handle(e);
    expect(s.store.log.length).toBe(before);
  });

  it('given a tranche released while the dispute opens, then the account is not frozen on a stale amount and a new dispute takes what it holds', async () => {
    const s = await setup();
    const openAndFreeze = s.effects.openAndFreeze.bind(s.effects);
    jest.spyOn(s.effects, 'openAndFreeze').mockImplementationOnce(async (...args) => {
      // The client releases tranche 1 between the dispute's reading of the account and its freeze.
      await s.bus.execute(
        new EscrowCommandMessage(
          escrowId,
          {
            type: 'ReleaseEscrow',
            data: {
              releaseId: 'r-t1',
              amountCents: 150_000,
              reason: 'tranche_released',
              trancheId: 't1',
            },
            meta: client,
          },
          causation,
        ),
      );
      return openAndFreeze(...args);
    });
    expect(await codeOf(() => s.open())).toBe('ESCROW_HELD_CHANGED');
    const first = s.store.log.filter((e) => e.streamName === `dispute-${disputeId}`);
    expect(first.map((e) => e.type)).toEqual(['DisputeOpened', 'DisputeWithdrawn']);
    expect(s.store.log.some((e) => e.type === 'EscrowFrozen')).toBe(false);
    expect(await s.open()).toMatchObject({
      status: 'open',
      escrow: { status: 'frozen', heldCents: 200_000 },
    });
  });

  it('given a withdrawal by the opener, then the account is unfrozen and holds the money again', async () => {
    const s = await setup();
    await s.open();
    const withdrawn = await s.run({ type: 'WithdrawDispute', data: {}, meta: provider });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      escrow: { status: 'held', heldCents: 350_000 },
      effects: 'done',
    });
  });
});
