import { Inject, Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type {
  AcceptSettlement,
  AddInternalNote,
  AddStatement,
  AssignMediator,
  DecideDispute,
  DisputeCommand,
  ProposeSettlement,
  RejectSettlement,
  WithdrawDispute,
} from '../../domain/disputes';
import { disputeDecider, DisputeEvent, DisputeState } from '../../domain/disputes';
import { Command, DomainError, isStaff, NotFoundError } from '../../domain/shared';
import { CausationContext, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { caseResult, DisputeCaseResult } from './dispute-case.result';
import { DisputeCause, DisputeEffects } from './dispute-effects';
import { DisputeCommandMessage, disputeStream } from './dispute.messages';

/** The escrow's held amount is read by the application, never trusted from the caller. */
export type DecideCase = Command<'DecideDispute', Omit<DecideDispute['data'], 'heldCents'>>;

export type DisputeCaseAction =
  | AddStatement
  | AssignMediator
  | AddInternalNote
  | ProposeSettlement
  | AcceptSettlement
  | RejectSettlement
  | WithdrawDispute
  | DecideCase;

/** Any command on an opened dispute, followed by what it implies for the order and its escrow. */
export class RunDisputeCase {
  constructor(
    readonly disputeId: string,
    readonly action: DisputeCaseAction,
    readonly causation: CausationContext,
    readonly options: { expectedRevision?: bigint } = {},
  ) {}
}

const disputeNotFound = (disputeId: string) =>
  new NotFoundError('DISPUTE_NOT_FOUND', 'No such dispute', { disputeId });

@CommandHandler(RunDisputeCase)
export class RunDisputeCaseHandler implements ICommandHandler<RunDisputeCase, DisputeCaseResult> {
  private readonly logger = new Logger('RunDisputeCase');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
    private readonly effects: DisputeEffects,
  ) {}

  async execute({
    disputeId,
    action,
    causation,
    options,
  }: RunDisputeCase): Promise<DisputeCaseResult> {
    const { state } = await loadAggregate(this.store, disputeStream(disputeId), disputeDecider);
    // Someone who is neither a party nor staff is told the dispute does not exist.
    if (
      state.status === 'none' ||
      (!isStaff(action.meta.actorRole) &&
        action.meta.actorId !== state.buyerId &&
        action.meta.actorId !== state.sellerId)
    ) {
      throw disputeNotFound(disputeId);
    }
    const command = await this.complete(action, state);
    const ids: string[] = [];
    const result: HandleResult<DisputeState, DisputeEvent> = await this.commandBus.execute(
      new DisputeCommandMessage(disputeId, command, causation, {
        ...options,
        eventIds: (i) => (ids[i] ??= randomUUID()),
      }),
    );
    for (const [index, event] of result.events.entries()) {
      const cause: DisputeCause = {
        disputeId,
        eventId: ids[index],
        occurredAt: command.meta.now,
        actorId: command.meta.actorId,
        actorRole: command.meta.actorRole,
        correlationId: causation.correlationId,
      };
      await this.carryOut(event, cause);
    }
    const subject = result.state.status === 'none' ? null : result.state;
    const [order, escrow] = subject
      ? await Promise.all([
          this.effects.orderView(subject.subject.id),
          this.effects.escrowView(subject.escrowId),
        ])
      : [null, null];
    return caseResult(
      disputeId,
      result.state,
      result.nextExpectedRevision,
      result.events,
      order,
      escrow,
    );
  }

  private async complete(action: DisputeCaseAction, state: DisputeState): Promise<DisputeCommand> {
    if (action.type !== 'DecideDispute' || state.status === 'none') return action as DisputeCommand;
    // Frozen, the escrow holds exactly what the dispute may distribute; for tranches, only what is funded.
    const escrow = await this.effects.escrowView(state.escrowId);
    return { ...action, data: { ...action.data, heldCents: escrow.heldCents } };
  }

  /** The request waits for the consequences; if they fail for any reason but a refusal, the reactor retries them. */
  private async carryOut(event: DisputeEvent, cause: DisputeCause): Promise<void> {
    try {
      if (event.type === 'DisputeWithdrawn') await this.effects.unfreeze(event.data, cause);
      if (event.type === 'DisputeDecided' || event.type === 'DisputeSettled')
        await this.effects.resolve(cause.disputeId, cause);
    } catch (error) {
      const what = error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
      this.logger.error(`Dispute ${cause.disputeId}: ${event.type} not yet carried out (${what})`);
    }
  }
}
