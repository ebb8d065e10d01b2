import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { disputeEffectIds } from '../../src/application/disputes/deterministic-id';
import { OpenOrderDispute } from '../../src/application/disputes/open-order-dispute.handler';
import {
  DisputeCaseAction,
  RunDisputeCase,
} from '../../src/application/disputes/run-dispute-case.handler';
import { EscrowCommandMessage } from '../../src/application/escrow/escrow.messages';
import { OrderCommandMessage } from '../../src/application/orders/order.messages';
import { CommandMeta } from '../../src/domain/shared';

export interface BenchCase {
  orderId: string;
  disputeId: string;
  buyerId: string;
  sellerId: string;
  mediatorId: string;
  events: number;
}

const PRICE = 45_000;
/** Events of a case besides the conversation, the statements and the notes. */
const FIXED_EVENTS = 15;
const STATEMENTS = 20;
const NOTES = 10;

/**
 * A long contested case written through the real deciders: placement, a conversation of several
 * hundred messages, a revision, a dispute with statements and internal notes while the parties keep
 * talking, then a partial-refund decision. Exactly `total` events across the order, escrow and dispute.
 */
export async function buildCase(bus: CommandBus, total: number): Promise<BenchCase> {
  const messages = total - FIXED_EVENTS - STATEMENTS - NOTES;
  if (messages - Math.floor(messages * 0.6) < STATEMENTS)
    throw new Error(`a case of ${total} events is too short for ${STATEMENTS} statements`);
  const orderId = randomUUID();
  const escrowId = randomUUID();
  const buyerId = randomUUID();
  const sellerId = randomUUID();
  const mediatorId = randomUUID();
  const causation = { correlationId: `bench-${orderId}` };
  let clock = Date.parse('2025-02-01T08:00:00.000Z');
  const meta = (actorId: string, actorRole: CommandMeta['actorRole']): CommandMeta => {
    clock += 60_000;
    return { now: new Date(clock).toISOString(), actorId, actorRole };
  };
  const order = (command: any) => bus.execute(new OrderCommandMessage(orderId, command, causation));
  const message = (i: number) =>
    order({
      type: 'PostMessage',
      data: {
        orderId,
        messageId: randomUUID(),
        text: `Message ${i}: ${i % 2 ? 'Voici une nouvelle version des maquettes, dites-moi ce que vous en pensez.' : 'Merci, il manque encore la déclinaison en noir et blanc.'}`,
        fileRefs: i % 5 === 0 ? [`files/case/${i}.pdf`] : [],
      },
      meta: meta(i % 2 ? sellerId : buyerId, i % 2 ? 'provider' : 'client'),
    });

  await bus.execute(
    new EscrowCommandMessage(
      escrowId,
      {
        type: 'OpenEscrow',
        data: {
          escrowId,
          subject: { kind: 'order', id: orderId },
          payerId: buyerId,
          payeeId: sellerId,
          commissionRateBp: 1_000,
          trancheId: randomUUID(),
          amountCents: PRICE,
          paymentRef: `pi_bench_${orderId}`,
        },
        meta: meta('system', 'system'),
      },
      causation,
    ),
  );
  await order({
    type: 'PlaceOrder',
    data: {
      orderId,
      escrowId,
      buyerId,
      sellerId,
      source: {
        kind: 'catalog',
        gigId: randomUUID(),
        gigTitle: 'Identité visuelle',
        gigKind: 'package',
        unitPriceCents: PRICE,
        deliveryDays: 10,
        extras: [],
      },
      commissionRateBp: 1_000,
    },
    meta: meta(buyerId, 'client'),
  });
  await order({
    type: 'StartOrder',
    data: { orderId, sellerVerified: true, missingDocuments: [] },
    meta: meta(sellerId, 'provider'),
  });
  const before = Math.floor(messages * 0.6);
  for (let i = 0; i < before; i++) await message(i);
  await order({
    type: 'DeliverOrder',
    data: { orderId, deliveryId: randomUUID(), message: 'Livraison', fileRefs: ['files/v1.zip'] },
    meta: meta(sellerId, 'provider'),
  });
  await order({
    type: 'RequestRevision',
    data: { orderId, instructions: 'Ajouter la version noir et blanc' },
    meta: meta(buyerId, 'client'),
  });
  await order({
    type: 'DeliverOrder',
    data: { orderId, deliveryId: randomUUID(), message: 'Livraison 2', fileRefs: ['files/v2.zip'] },
    meta: meta(sellerId, 'provider'),
  });

  const opened = await bus.execute(
    new OpenOrderDispute(
      orderId,
      { reason: 'not_as_described', statement: 'La version noir et blanc manque toujours.' },
      meta(buyerId, 'client'),
      causation,
    ),
  );
  const disputeId: string = opened.disputeId;
  if (disputeId !== disputeEffectIds.dispute(orderId, 0)) throw new Error('unexpected dispute id');
  const run = (action: DisputeCaseAction) =>
    bus.execute(new RunDisputeCase(disputeId, action, causation));
  await run({ type: 'AssignMediator', data: { mediatorId }, meta: meta(mediatorId, 'mediator') });
  const during = messages - before;
  const spread = (count: number) =>
    new Set(Array.from({ length: count }, (_, k) => Math.floor((k * during) / count)));
  const statementsAt = spread(STATEMENTS);
  const notesAt = spread(NOTES);
  for (let i = 0; i < during; i++) {
    await message(before + i);
    if (statementsAt.has(i)) {
      const party = i % 2 ? sellerId : buyerId;
      await run({
        type: 'AddStatement',
        data: {
          statementId: randomUUID(),
          text: `Déclaration ${i}`,
          evidenceRefs: [`files/evidence/${i}.png`],
        },
        meta: meta(party, i % 2 ? 'provider' : 'client'),
      });
    }
    if (notesAt.has(i)) {
      await run({
        type: 'AddInternalNote',
        data: { noteId: randomUUID(), text: `Note ${i}` },
        meta: meta(mediatorId, 'mediator'),
      });
    }
  }
  await run({
    type: 'DecideDispute',
    data: {
      decisionId: randomUUID(),
      outcome: 'partial_refund',
      refundCents: 15_000,
      reasoning: 'Deux déclinaisons sur trois livrées.',
    },
    meta: meta(mediatorId, 'mediator'),
  });
  return { orderId, disputeId, buyerId, sellerId, mediatorId, events: total };
}
