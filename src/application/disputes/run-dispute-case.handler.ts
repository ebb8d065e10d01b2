import { Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
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
import type { DisputeEvent, DisputeState } from '../../domain/disputes';
import { Command, DomainError, isStaff, NotFoundError } from '../../domain/shared';
import { CausationContext, HandleResult } from '../shared/command-handling';
import { caseResult, DisputeCaseResult } from './dispute-case.result';
import { DisputeCause, DisputeEffects } from './dispute-effects';
import { DisputeCommandMessage } from './dispute.messages';

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
    private readonly commandBus: CommandBus,
    private readonly effects: DisputeEffects,
  ) {}

  async execute({
    disputeId,
    action,
    causation,
    options,
  }: RunDisputeCase): Promise<DisputeCaseResult> {
    const result: HandleResult<DisputeState, DisputeEvent> = await this.commandBus.execute(
      new DisputeCommandMessage(
        disputeId,
        (state) => this.complete(disputeId, action, state),
        causation,
        options,
      ),
    );
    for (const [index, event] of result.events.entries()) {
      const cause: DisputeCause = {
        disputeId,
        eventId: result.eventIds[index],
        occurredAt: action.meta.now,
        actorId: action.meta.actorId,
        actorRole: action.meta.actorRole,
        correlationId: causation.correlationId,
      };
      await this.carryOut(event, cause);
    }
    const subject = result.state.status === 'none' ? null : result.state;
    const views = subject ? await this.effects.subjectViews(subject) : null;
    return caseResult(
      disputeId,
      result.state,
      result.nextExpectedRevision,
      result.events,
      views?.order ?? null,
      views?.escrow ?? null,
      views?.mission ?? null,
    );
  }

  /** Run on the state the command is decided on, so the access check and the held amount match it. */
  private async complete(
    disputeId: string,
    action: DisputeCaseAction,
    state: DisputeState,
  ): Promise<DisputeCommand> {
    // Someone who is neither a party nor staff is told the dispute does not exist.
    if (
      state.status === 'none' ||
      (!isStaff(action.meta.actorRole) &&
        action.meta.actorId !== state.buyerId &&
        action.meta.actorId !== state.sellerId)
    ) {
      throw disputeNotFound(disputeId);
    }
    if (action.type !== 'DecideDispute') return action as DisputeCommand;
    // Frozen, the escrow holds exactly what the dispute may distribute; for tranches, only what is funded.
    const escrow = await this.effects.escrowView(state.escrowId);
    // SMA (seed 003): a project's decision distributes at most what its account held when the
    // dispute opened, never an unfunded part (funding is refused while frozen, so this only binds).
    const heldCents =
      state.subject.kind === 'project'
        ? Math.min(escrow.heldCents, state.heldCents)
        : escrow.heldCents;
    return { ...action, data: { ...action.data, heldCents } };
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
