import type { FileReferences } from '../files/file-references.contract';
import type { CommandBus } from '@nestjs/cqrs';
import { disputeDecider } from '../../domain/disputes';
import { escrowDecider } from '../../domain/escrow';
import { orderDecider } from '../../domain/orders';
import { EscrowCommandMessage, escrowStream } from '../escrow/escrow.messages';
import { OrderCommandMessage, orderStream } from '../orders/order.messages';
import { AggregateCommandMessage } from '../shared/aggregate-command';
import { handleCommand } from '../shared/command-handling';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadStreamOptions,
  RecordedEvent,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../shared/event-store.port';
import { CaseHistory } from './case/case-history';
import { disputeEffectIds } from './deterministic-id';
import { DisputeEffects } from './dispute-effects';
import { DisputeCommandMessage, disputeStream } from './dispute.messages';
import { OpenOrderDispute, OpenOrderDisputeHandler } from './open-order-dispute.handler';
import { RunDisputeCase, RunDisputeCaseHandler } from './run-dispute-case.handler';

/** Just enough of the EventStore port for application specs: revisions, idempotent ids, a settable clock. */
export class InMemoryEventStore implements EventStore {
  readonly log: RecordedEvent[] = [];
  clock = new Date('2025-03-01T09:00:00.000Z');

  async appendToStream(
    streamName: string,
    events: EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const stream = this.log.filter((e) => e.streamName === streamName);
    const fresh = events.filter((e) => !this.log.some((r) => r.id === e.id));
    const current = stream.length ? stream[stream.length - 1].revision : null;
    const expected = options.expectedRevision ?? 'any';
    if (fresh.length > 0) {
      const ok =
        expected === 'any' ||
        (expected === 'no_stream' && current === null) ||
        (expected === 'stream_exists' && current !== null) ||
        (typeof expected === 'bigint' && expected === current);
      if (!ok) throw new WrongExpectedVersionError(streamName, expected, current);
    }
    let revision = current ?? -1n;
    for (const e of fresh) {
      revision += 1n;
      const seq = BigInt(this.log.length + 1);
      this.log.push({
        id: e.id,
        streamName,
        revision,
        position: { commit: seq, prepare: seq },
        type: e.type,
        schemaVersion: e.schemaVersion ?? 1,
        data: JSON.parse(JSON.stringify(e.data)) as unknown,
        metadata: { ...(e.metadata ?? {}) },
        recordedAt: new Date(this.clock),
      });
      this.clock = new Date(this.clock.getTime() + 1000);
    }
    const last = this.log[this.log.length - 1];
    return {
      nextExpectedRevision: revision,
      position: last ? last.position : { commit: 0n, prepare: 0n },
    };
  }

  readonly deleted = new Set<string>();
  readonly reads: { stream: string; fromRevision?: bigint }[] = [];

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.reads.push({ stream: streamName, fromRevision: options.fromRevision });
    const events = this.log.filter((e) => e.streamName === streamName);
    if (events.length === 0 || this.deleted.has(streamName))
      throw new StreamNotFoundError(streamName);
    return events.filter(
      (e) => options.fromRevision === undefined || e.revision >= options.fromRevision,
    );
  }

  async readAll(): Promise<RecordedEvent[]> {
    return [...this.log];
  }

  subscribeToAll(): never {
    throw new Error('not used in these specs');
  }

  async deleteStream(streamName: string): Promise<void> {
    this.deleted.add(streamName);
  }

  async truncateStream(): Promise<void> {}

  async streamRevision(streamName: string): Promise<bigint | null> {
    const events = this.log.filter((e) => e.streamName === streamName);
    return events.length ? events[events.length - 1].revision : null;
  }

  async close(): Promise<void> {}
}

/** Routes the published command messages to the real deciders, as the Nest handlers do. */
export function commandBusOver(
  store: EventStore,
): CommandBus & { sent: AggregateCommandMessage<any>[] } {
  const sent: AggregateCommandMessage<any>[] = [];
  const bus = {
    sent,
    async execute(message: AggregateCommandMessage<any>) {
      sent.push(message);
      const { command, causation, options } = message;
      if (message instanceof OrderCommandMessage) {
        return handleCommand(
          store,
          orderStream(message.aggregateId),
          orderDecider,
          command,
          causation,
          options,
        );
      }
      if (message instanceof EscrowCommandMessage) {
        return handleCommand(
          store,
          escrowStream(message.aggregateId),
          escrowDecider,
          command,
          causation,
          options,
        );
      }
      if (message instanceof DisputeCommandMessage) {
        return handleCommand(
          store,
          disputeStream(message.aggregateId),
          disputeDecider,
          command,
          causation,
          options,
        );
      }
      throw new Error(`No handler for ${message.constructor.name}`);
    },
  };
  return bus as unknown as CommandBus & { sent: AggregateCommandMessage<any>[] };
}

/** The files contract for handlers built by hand: these cases name no evidence, so none is ever found. */
export const noUploads = {
  async attach<T>(
    _actorId: string,
    fileIds: readonly string[],
    _purpose: string,
    _attachment: unknown,
    _field: string,
    command: () => Promise<T>,
  ): Promise<T> {
    if (fileIds.length > 0) throw new Error('unit cases upload no files');
    return command();
  },
} as unknown as FileReferences;

export const ids = {
  order: '0b6f2d0e-4c8f-4f62-9d1e-5b1f3c7a9e01',
  escrow: '5e1c2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  buyer: '7d1c9a52-3e2b-4a8f-bb61-2f0d6e9c4a17',
  seller: 'c3e8f1a4-6b2d-4e9f-8a7c-1d5b9e0f2a63',
  mediator: 'a9d8c7b6-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  outsider: 'f0e1d2c3-b4a5-4968-8776-655443322110',
};

export const AMOUNT = 10_000;
const T0 = '2025-03-01T09:00:00.000Z';

/** A catalog order of €100.00 at 10 % commission, paid, started and delivered, through the real deciders. */
export async function deliveredOrder(bus: CommandBus): Promise<void> {
  const causation = { correlationId: 'seed' };
  const buyer = { now: T0, actorId: ids.buyer, actorRole: 'client' as const };
  const seller = { now: T0, actorId: ids.seller, actorRole: 'provider' as const };
  await bus.execute(
    new EscrowCommandMessage(
      ids.escrow,
      {
        type: 'OpenEscrow',
        data: {
          escrowId: ids.escrow,
          subject: { kind: 'order', id: ids.order },
          payerId: ids.buyer,
          payeeId: ids.seller,
          commissionRateBp: 1_000,
          trancheId: 'tranche-1',
          amountCents: AMOUNT,
          paymentRef: 'pi_sim_1',
        },
        meta: { ...buyer, actorRole: 'system' },
      },
      causation,
    ),
  );
  await bus.execute(
    new OrderCommandMessage(
      ids.order,
      {
        type: 'PlaceOrder',
        data: {
          orderId: ids.order,
          escrowId: ids.escrow,
          buyerId: ids.buyer,
          sellerId: ids.seller,
          source: {
            kind: 'catalog',
            gigId: 'gig-1',
            gigTitle: 'Logo design',
            gigKind: 'package',
            unitPriceCents: AMOUNT,
            deliveryDays: 3,
            extras: [],
          },
          commissionRateBp: 1_000,
        },
        meta: buyer,
      },
      causation,
    ),
  );
  await bus.execute(
    new OrderCommandMessage(
      ids.order,
      {
        type: 'StartOrder',
        data: { orderId: ids.order, sellerVerified: true, missingDocuments: [] },
        meta: seller,
      },
      causation,
    ),
  );
  await bus.execute(
    new OrderCommandMessage(
      ids.order,
      {
        type: 'PostMessage',
        data: {
          orderId: ids.order,
          messageId: 'msg-1',
          text: 'Here is a first draft, tell me what you think.',
        },
        meta: seller,
      },
      causation,
    ),
  );
  await bus.execute(
    new OrderCommandMessage(
      ids.order,
      {
        type: 'DeliverOrder',
        data: {
          orderId: ids.order,
          deliveryId: 'delivery-1',
          message: 'Final files attached',
          fileRefs: ['file-1'],
        },
        meta: seller,
      },
      causation,
    ),
  );
}

/** A delivered order contested by the buyer, with a mediator's internal note, then decided with a partial refund. */
export async function decidedCase() {
  const causation = { correlationId: 'request-1' };
  const disputeId = disputeEffectIds.dispute(ids.order, 0);
  const buyer = {
    now: '2025-03-02T10:00:00.000Z',
    actorId: ids.buyer,
    actorRole: 'client' as const,
  };
  const mediator = {
    now: '2025-03-03T10:00:00.000Z',
    actorId: ids.mediator,
    actorRole: 'mediator' as const,
  };
  const store = new InMemoryEventStore();
  const bus = commandBusOver(store);
  const effects = new DisputeEffects(store, bus);
  const run = new RunDisputeCaseHandler(bus, effects);
  await deliveredOrder(bus);
  await new OpenOrderDisputeHandler(store, { responseDeadlineDays: 5 }, effects, noUploads).execute(
    new OpenOrderDispute(
      ids.order,
      { reason: 'not_as_described', statement: 'Wrong format.' },
      buyer,
      causation,
    ),
  );
  await run.execute(
    new RunDisputeCase(
      disputeId,
      { type: 'AssignMediator', data: { mediatorId: ids.mediator }, meta: mediator },
      causation,
    ),
  );
  await run.execute(
    new RunDisputeCase(
      disputeId,
      {
        type: 'AddInternalNote',
        data: { noteId: 'n1', text: 'Seller seems right.' },
        meta: mediator,
      },
      causation,
    ),
  );
  const beforeDecision = store.log[store.log.length - 1];
  await run.execute(
    new RunDisputeCase(
      disputeId,
      {
        type: 'DecideDispute',
        data: {
          decisionId: 'dec1',
          outcome: 'partial_refund',
          refundCents: 4_000,
          reasoning: 'Partly delivered.',
        },
        meta: mediator,
      },
      causation,
    ),
  );
  return { store, history: new CaseHistory(store), beforeDecision };
}
