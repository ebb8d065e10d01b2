import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DomainError } from '../../domain/shared';
import { PaymentDeclinedError, PaymentGateway } from '../payments/payment-gateway.port';
import {
  AppendResult,
  categoryOf,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  RecordedEvent,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';

/** The EventStore port in memory: revisions, expected-revision checks, idempotent event ids. */
export class MemoryEventStore implements EventStore {
  readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly ids = new Set<string>();

  async appendToStream(
    streamName: string,
    events: EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length ? BigInt(stream.length - 1) : null;
    // A retried append whose ids are all recorded already writes nothing, as in the real adapters.
    if (events.every((e) => this.ids.has(e.id))) {
      return {
        nextExpectedRevision: current ?? -1n,
        position: this.log[this.log.length - 1].position,
      };
    }
    const expected = options.expectedRevision ?? 'any';
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === null) ||
      (expected === 'stream_exists' && current !== null) ||
      (typeof expected === 'bigint' && expected === current);
    if (!ok) throw new WrongExpectedVersionError(streamName, expected, current);
    for (const e of events) {
      const seq = BigInt(this.log.length + 1);
      const recorded: RecordedEvent = {
        id: e.id,
        streamName,
        revision: BigInt(stream.length),
        position: { commit: seq, prepare: 0n },
        type: e.type,
        schemaVersion: e.schemaVersion ?? 1,
        data: JSON.parse(JSON.stringify(e.data)) as unknown,
        metadata: { ...(e.metadata ?? {}) },
        recordedAt: new Date(),
      };
      stream.push(recorded);
      this.log.push(recorded);
      this.ids.add(e.id);
    }
    this.streams.set(streamName, stream);
    return {
      nextExpectedRevision: BigInt(stream.length - 1),
      position: this.log[this.log.length - 1].position,
    };
  }

  async readStream(streamName: string): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(streamName);
    return [...stream];
  }

  async readAll(): Promise<RecordedEvent[]> {
    return [...this.log];
  }

  async streamRevision(streamName: string): Promise<bigint | null> {
    const stream = this.streams.get(streamName);
    return stream ? BigInt(stream.length - 1) : null;
  }

  subscribeToAll(): never {
    throw new Error('not used: reactors are pumped by the spec');
  }

  async deleteStream(): Promise<void> {
    throw new Error('not used');
  }

  async truncateStream(): Promise<void> {
    throw new Error('not used');
  }

  async close(): Promise<void> {}
}

interface Movement {
  key: string;
  escrowId: string;
  amountCents: number;
  payeeNetCents?: number;
}

/** A gateway ledger that refuses to move any money twice or more than was paid in. */
export class MemoryGateway implements PaymentGateway {
  readonly funds = new Map<string, Movement & { paymentRef: string }>();
  readonly releases = new Map<string, Movement>();
  readonly refunds = new Map<string, Movement>();

  async fundEscrow(request: Parameters<PaymentGateway['fundEscrow']>[0]) {
    const known = this.funds.get(request.idempotencyKey);
    if (known) return { paymentRef: known.paymentRef, mode: 'authorization' as const };
    if (request.paymentMethod === 'pm_card_declined')
      throw new PaymentDeclinedError('card_declined');
    const paymentRef = `pi_${request.idempotencyKey}`;
    this.funds.set(request.idempotencyKey, {
      key: request.idempotencyKey,
      escrowId: request.escrowId,
      amountCents: request.amountCents,
      paymentRef,
    });
    return { paymentRef, mode: 'authorization' as const };
  }

  async savePaymentMethod(request: Parameters<PaymentGateway['savePaymentMethod']>[0]) {
    return { paymentMethodRef: `pm_saved_${request.idempotencyKey}` };
  }

  async chargeSaved(request: Parameters<PaymentGateway['chargeSaved']>[0]) {
    return { chargeRef: `pi_${request.idempotencyKey}`, amountCents: request.amountCents };
  }

  async refundCharge(request: Parameters<PaymentGateway['refundCharge']>[0]) {
    return { refundRef: `re_${request.idempotencyKey}`, amountCents: request.amountCents };
  }

  async release(request: Parameters<PaymentGateway['release']>[0]) {
    this.move(this.releases, request);
    return { transferRef: `tr_${request.idempotencyKey}` };
  }

  async refund(request: Parameters<PaymentGateway['refund']>[0]) {
    this.move(this.refunds, request);
    return { refundRef: `re_${request.idempotencyKey}` };
  }

  async payout(): Promise<never> {
    throw new Error('not used');
  }

  total(
    ledger: Map<string, Movement>,
    escrowId: string,
    field: 'amountCents' | 'payeeNetCents' = 'amountCents',
  ): number {
    return [...ledger.values()]
      .filter((m) => m.escrowId === escrowId)
      .reduce((sum, m) => sum + (m[field] ?? 0), 0);
  }

  private move(
    ledger: Map<string, Movement>,
    request: {
      escrowId: string;
      amountCents: number;
      payeeNetCents?: number;
      idempotencyKey: string;
      paymentRef: string;
    },
  ) {
    if (ledger.has(request.idempotencyKey)) return;
    const funded = [...this.funds.values()].find(
      (f) => f.escrowId === request.escrowId && f.paymentRef === request.paymentRef,
    );
    if (!funded) throw new Error(`unknown payment ${request.paymentRef}`);
    const out =
      this.total(this.releases, request.escrowId) + this.total(this.refunds, request.escrowId);
    if (out + request.amountCents > funded.amountCents)
      throw new Error(`escrow ${request.escrowId} would pay out more than it received`);
    ledger.set(request.idempotencyKey, {
      key: request.idempotencyKey,
      escrowId: request.escrowId,
      amountCents: request.amountCents,
      payeeNetCents: request.payeeNetCents,
    });
  }
}

type Handler = { execute(message: unknown): Promise<unknown> };

/** The CommandBus/QueryBus dispatch by message class, without Nest. */
export class MemoryBus {
  private readonly handlers = new Map<Function, Handler>();

  on(messageClass: Function, handler: Handler): this {
    this.handlers.set(messageClass, handler);
    return this;
  }

  execute(message: object): Promise<any> {
    const handler = this.handlers.get(message.constructor);
    if (!handler) throw new Error(`no handler for ${message.constructor.name}`);
    return handler.execute(message);
  }

  asCommandBus(): CommandBus {
    return this as unknown as CommandBus;
  }

  asQueryBus(): QueryBus {
    return this as unknown as QueryBus;
  }
}

/**
 * Feeds the log to reactors as the runner does (domain refusals skipped), until nothing new is written.
 * With `redeliver`, every event is handed over twice, as an at-least-once subscription may.
 */
export class ReactorPump {
  private readonly positions = new Map<string, number>();

  constructor(
    private readonly store: MemoryEventStore,
    private readonly reactors: Reactor[],
  ) {}

  async drain(redeliver = false): Promise<void> {
    for (let moved = true; moved;) {
      moved = false;
      for (const reactor of this.reactors) {
        const from = this.positions.get(reactor.name) ?? 0;
        const batch = this.store.log.slice(from);
        this.positions.set(reactor.name, this.store.log.length);
        for (const event of batch.filter((e) => matches(reactor, e))) {
          moved = true;
          for (let round = 0; round < (redeliver ? 2 : 1); round++) {
            try {
              await reactor.handle(event);
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
            }
          }
        }
      }
    }
  }
}

function matches(reactor: Reactor, event: RecordedEvent): boolean {
  const { categories, eventTypePrefixes } = reactor.filter;
  if (categories && !categories.includes(categoryOf(event.streamName))) return false;
  return !eventTypePrefixes || eventTypePrefixes.some((prefix) => event.type.startsWith(prefix));
}
