import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EscrowCommand } from '../../domain/escrow';
import type { MissionCommand } from '../../domain/missions/mission.commands';
import type { OrderCommand, OrderEvent } from '../../domain/orders';
import {
  disputeDecider,
  DisputeEvent,
  DisputeOpened,
  DisputeState,
  DisputeWithdrawn,
  OpenDispute,
} from '../../domain/disputes';
import { CommandMeta, ConcurrencyError, DomainError } from '../../domain/shared';
import { EscrowCommandMessage, escrowStream } from '../escrow/escrow.messages';
import { MissionCommandMessage, missionStream } from '../missions/mission.messages';
import { OrderCommandMessage, orderStream } from '../orders/order.messages';
import { Clock, SystemClock } from '../shared/clock';
import { CausationContext, HandleResult, loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { readStreamOrEmpty } from './case/case-streams';
import { emptyEscrowView, EscrowView, foldEscrowView } from './case/escrow.view';
import { emptyMissionView, foldMissionView, MissionView } from './case/mission.view';
import { emptyOrderView, foldOrderView, OrderView } from './case/order.view';
import { disputeEffectIds } from './deterministic-id';
import {
  causationOf,
  DisputeCause,
  resolver,
  ResolutionOutcome,
  settled,
  SYSTEM,
} from './dispute-effects.support';
import { DisputeCommandMessage, disputeStream } from './dispute.messages';

export type { DisputeCause, ResolutionOutcome } from './dispute-effects.support';

/**
 * Carries a dispute's facts over to the order and its escrow, only ever through their
 * published command messages: freeze on opening, unfreeze on withdrawal, refund / release and
 * resolve on a decision or a settlement. Each step first reads where the other aggregate stands,
 * so running it twice (request path, then reactor) changes nothing.
 */
@Injectable()
export class DisputeEffects {
  private readonly logger = new Logger('DisputeEffects');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
    // Unit specs build the effects by hand and keep real time; the app injects the one Clock.
    private readonly clock: Clock = new SystemClock(),
  ) {}

  async dispute(disputeId: string) {
    return loadAggregate(this.store, disputeStream(disputeId), disputeDecider);
  }

  async orderView(orderId: string): Promise<OrderView> {
    const events = await readStreamOrEmpty(this.store, orderStream(orderId));
    return events.reduce((v, e) => foldOrderView(v, e, Number(e.revision)), emptyOrderView());
  }

  async missionView(missionId: string): Promise<MissionView> {
    const events = await readStreamOrEmpty(this.store, missionStream(missionId));
    return events.reduce((v, e) => foldMissionView(v, e, Number(e.revision)), emptyMissionView());
  }

  /** Where the disputed order (or mission) and its escrow stand now; a project has only its escrow here. */
  async subjectViews(dispute: {
    subject: { kind: string; id: string };
    escrowId: string;
  }): Promise<{ order: OrderView | null; mission: MissionView | null; escrow: EscrowView }> {
    const { subject, escrowId } = dispute;
    const [order, mission, escrow] = await Promise.all([
      subject.kind === 'order' ? this.orderView(subject.id) : null,
      subject.kind === 'mission' ? this.missionView(subject.id) : null,
      this.escrowView(escrowId),
    ]);
    return { order, mission, escrow };
  }

  async escrowView(escrowId: string): Promise<EscrowView> {
    const events = await readStreamOrEmpty(this.store, escrowStream(escrowId));
    return events.reduce((v, e) => foldEscrowView(v, e, Number(e.revision)), emptyEscrowView());
  }

  /**
   * Freezes the order and its escrow for an opened dispute. If either refuses (the order moved on
   * between reading it and contesting it), the dispute is withdrawn on the opener's behalf so no
   * open dispute is ever left without a frozen order; the refusal is then rethrown.
   */
  /**
   * Appends the opening (once the order took the contest), then freezes the escrow; a freeze
   * that fails for any reason but a refusal is left to the dispute reactor, which retries it.
   */
  async openAndFreeze(
    disputeId: string,
    command: OpenDispute,
    causation: CausationContext,
    openedEventId: string,
    cause: DisputeCause,
  ): Promise<HandleResult<DisputeState, DisputeEvent>> {
    const result: HandleResult<DisputeState, DisputeEvent> = await this.commandBus.execute(
      new DisputeCommandMessage(disputeId, command, causation, { eventIds: () => openedEventId }),
    );
    const opened = result.events.find((e): e is DisputeOpened => e.type === 'DisputeOpened');
    if (opened) {
      try {
        await this.freeze(opened.data, cause);
      } catch (error) {
        if (error instanceof DomainError && !(error instanceof ConcurrencyError)) throw error;
        this.logger.warn(`Freezing for dispute ${disputeId} left to the reactor: ${String(error)}`);
      }
    }
    return result;
  }

  async freeze(opened: DisputeOpened['data'], cause: DisputeCause): Promise<void> {
    const { disputeId, subject, escrowId } = opened;
    const { state } = await this.dispute(disputeId);
    if (state.status === 'none' || state.status === 'resolved' || state.status === 'withdrawn')
      return;
    // The order names the contester, and only a party may contest: a chargeback acts for the buyer.
    const opener: CommandMeta = {
      now: cause.occurredAt,
      actorId: opened.openerRole === 'system' ? opened.buyerId : opened.openedBy,
      actorRole: cause.actorRole,
    };
    try {
      if (subject.kind === 'mission') {
        // The mission took the report before the dispute opened; this repeats it only if it is missing.
        await settled(
          async () => (await this.missionView(subject.id)).problem?.disputeId === disputeId,
          () => this.reportProblem(subject.id, disputeId, opened.statement, opener, cause),
        );
      } else if (subject.kind === 'order') {
        await settled(
          async () => (await this.orderView(subject.id)).contest?.disputeId === disputeId,
          () =>
            this.order(subject.id, disputeEffectIds.contest(disputeId), cause, {
              type: 'ContestOrder',
              data: { orderId: subject.id, disputeId, reason: opened.reason },
              meta: opener,
            }),
        );
      }
      await settled(
        async () => (await this.escrowView(escrowId)).frozenBy === disputeId,
        () =>
          this.escrow(escrowId, disputeEffectIds.freeze(disputeId), cause, {
            type: 'FreezeEscrow',
            // A project's dispute distributes what the account held at its opening: exactly that is frozen.
            data:
              subject.kind === 'project'
                ? { disputeId, heldCents: opened.heldCents }
                : { disputeId },
            meta: opener,
          }),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error instanceof ConcurrencyError) throw error;
      this.logger.warn(
        `Dispute ${disputeId} could not freeze its ${subject.kind} (${error.code}); withdrawing it`,
      );
      await this.withdrawUnfrozen(opened, cause);
      throw error;
    }
  }

  /**
   * The order decides first whether it can be contested: its refusal (completed, cancelled,
   * already contested) is the opener's answer and nothing has been written anywhere yet.
   * Answers the status the order was contested from.
   */
  async contest(
    orderId: string,
    disputeId: string,
    reason: string,
    opener: CommandMeta,
    cause: DisputeCause,
  ): Promise<string> {
    const result: { events: OrderEvent[] } = await this.order(
      orderId,
      disputeEffectIds.contestBy(disputeId, opener.actorId),
      cause,
      { type: 'ContestOrder', data: { orderId, disputeId, reason }, meta: opener },
    );
    const contested = result.events.find((e) => e.type === 'OrderContested');
    if (contested?.type !== 'OrderContested') throw new Error(`Order ${orderId} was not contested`);
    return contested.data.previousStatus;
  }

  /**
   * "Signaler un problème": the mission decides first whether it can be disputed (confirmed, a
   * party); its refusal is the reporter's answer and nothing has been written anywhere yet.
   */
  async reportProblem(
    missionId: string,
    disputeId: string,
    statement: string,
    reporter: CommandMeta,
    cause: DisputeCause,
  ): Promise<void> {
    await this.mission(missionId, disputeEffectIds.reportBy(disputeId, reporter.actorId), cause, {
      type: 'ReportMissionProblem',
      data: { missionId, disputeId, reportedBy: reporter.actorId, statement },
      meta: reporter,
    });
  }

  private async withdrawUnfrozen(
    opened: DisputeOpened['data'],
    cause: DisputeCause,
  ): Promise<void> {
    const meta: CommandMeta = {
      now: this.clock.now().toISOString(),
      actorId: opened.openedBy,
      actorRole: opened.openerRole === 'system' ? 'system' : cause.actorRole,
    };
    const id = disputeEffectIds.unfrozenWithdrawal(opened.disputeId);
    const { state } = await this.dispute(opened.disputeId);
    if (state.status === 'resolved' || state.status === 'withdrawn' || state.status === 'none')
      return;
    await this.commandBus.execute(
      new DisputeCommandMessage(
        opened.disputeId,
        { type: 'WithdrawDispute', data: {}, meta },
        causationOf(cause),
        {
          eventIds: () => id,
        },
      ),
    );
    const withdrawn: DisputeWithdrawn['data'] = {
      disputeId: opened.disputeId,
      withdrawnBy: opened.openedBy,
      withdrawnByRole: opened.openerRole,
      subject: opened.subject,
      escrowId: opened.escrowId,
      orderStatusToRestore: opened.orderStatusAtOpening,
    };
    await this.unfreeze(withdrawn, {
      ...cause,
      eventId: id,
      occurredAt: meta.now,
      actorId: meta.actorId,
      actorRole: meta.actorRole,
    });
  }

  /** The opener withdrew: the order resumes where it stood and the escrow holds the money again. */
  async unfreeze(withdrawn: DisputeWithdrawn['data'], cause: DisputeCause): Promise<void> {
    const { disputeId, subject, escrowId } = withdrawn;
    if (subject.kind === 'mission') {
      // Back to the status the mission had at the report; the mission itself keeps it.
      await settled(
        async () => (await this.missionView(subject.id)).problem?.disputeId !== disputeId,
        () =>
          this.mission(subject.id, disputeEffectIds.closeMission(disputeId, 'withdrawn'), cause, {
            type: 'CloseMissionDispute',
            data: {
              missionId: subject.id,
              disputeId,
              outcome: 'withdrawn',
              releasedToProviderCents: 0,
              refundedToClientCents: 0,
            },
            meta: { now: cause.occurredAt, ...SYSTEM },
          }),
      );
    } else if (subject.kind === 'order') {
      await settled(
        async () => (await this.orderView(subject.id)).contest?.disputeId !== disputeId,
        () =>
          this.order(subject.id, disputeEffectIds.withdrawContest(disputeId), cause, {
            type: 'WithdrawContest',
            data: { orderId: subject.id, disputeId },
            meta: { now: cause.occurredAt, actorId: cause.actorId, actorRole: cause.actorRole },
          }),
      );
    }
    // A tender project takes no contest of its own: its R0 account (the escrow) alone is frozen.
    await settled(
      async () => (await this.escrowView(escrowId)).frozenBy !== disputeId,
      () =>
        this.escrow(escrowId, disputeEffectIds.unfreeze(disputeId), cause, {
          type: 'UnfreezeEscrow',
          data: { disputeId },
          meta: { now: cause.occurredAt, ...SYSTEM },
        }),
    );
  }

  /**
   * A decision or an accepted settlement: refund the buyer's share, release the seller's (the
   * escrow computes the commission on it), then mark the order resolved with those amounts.
   */
  async resolve(disputeId: string, cause: DisputeCause): Promise<ResolutionOutcome | null> {
    const snapshot = await this.dispute(disputeId);
    const { state } = snapshot;
    if (state.status !== 'resolved') return null;
    const { resolution } = state;
    const resolutionId =
      resolution.via === 'decision' ? resolution.decisionId : resolution.settlementId;
    const staff = resolver(
      state,
      snapshot.events.map((e) => ({ type: e.type, data: e.data }) as DisputeEvent),
    );
    const now = cause.occurredAt;
    // Only arbitration staff move frozen money; the log records who decided, in their own role.
    const mediation: CommandMeta = {
      now,
      actorId: staff.actorId,
      actorRole: staff.actorRole === 'admin' ? 'admin' : 'mediator',
    };
    const decision = { disputeId, decisionId: resolutionId };
    const refundId = disputeEffectIds.refund(disputeId, resolutionId);
    const releaseId = disputeEffectIds.release(disputeId, resolutionId);

    if (resolution.refundCents > 0) {
      await settled(
        async () => Object.hasOwn((await this.escrowView(state.escrowId)).refunds, refundId),
        () =>
          this.escrow(state.escrowId, refundId, cause, {
            type: 'RefundEscrow',
            data: {
              refundId,
              amountCents: resolution.refundCents,
              reason: 'decision',
              ...decision,
            },
            meta: mediation,
          }),
      );
    }
    if (resolution.releaseCents > 0) {
      await settled(
        async () => Object.hasOwn((await this.escrowView(state.escrowId)).releases, releaseId),
        () =>
          this.escrow(state.escrowId, releaseId, cause, {
            type: 'ReleaseEscrow',
            data: {
              releaseId,
              amountCents: resolution.releaseCents,
              reason: 'decision',
              ...decision,
            },
            meta: mediation,
          }),
      );
    }
    // The money itself moves at the gateway through the escrow context's reactor on these events.
    const released = (await this.escrowView(state.escrowId)).releases[releaseId];
    const outcome: ResolutionOutcome = {
      refundedCents: resolution.refundCents,
      releasedCents: resolution.releaseCents,
      commissionCents: released?.commissionCents ?? 0,
      sellerNetCents: released?.payeeNetCents ?? 0,
    };
    if (state.subject.kind === 'mission') {
      // The mission records the amounts; the money process captures the released part and pays it.
      const missionId = state.subject.id;
      await settled(
        async () => (await this.missionView(missionId)).closure?.disputeId === disputeId,
        () =>
          this.mission(missionId, disputeEffectIds.closeMission(disputeId, resolutionId), cause, {
            type: 'CloseMissionDispute',
            data: {
              missionId,
              disputeId,
              outcome: 'decided',
              releasedToProviderCents: resolution.releaseCents,
              refundedToClientCents: resolution.refundCents,
            },
            meta: mediation,
          }),
      );
      return outcome;
    }
    // A project's decision moves its R0 account only: what the account held, never more.
    if (state.subject.kind === 'project') return outcome;
    await settled(
      async () => (await this.orderView(state.subject.id)).resolution?.disputeId === disputeId,
      () =>
        this.order(state.subject.id, disputeEffectIds.resolve(disputeId, resolutionId), cause, {
          type: 'ResolveOrder',
          data: { orderId: state.subject.id, disputeId, ...outcome },
          meta: { now, actorId: staff.actorId, actorRole: staff.actorRole },
        }),
    );
    return outcome;
  }

  private order(orderId: string, stepId: string, cause: DisputeCause, command: OrderCommand) {
    return this.commandBus.execute(
      new OrderCommandMessage(orderId, command, causationOf(cause), {
        eventIds: (i) => disputeEffectIds.event(stepId, i),
      }),
    );
  }

  private mission(missionId: string, stepId: string, cause: DisputeCause, command: MissionCommand) {
    return this.commandBus.execute(
      new MissionCommandMessage(missionId, command, causationOf(cause), {
        eventIds: (i) => disputeEffectIds.event(stepId, i),
      }),
    );
  }

  private escrow(escrowId: string, stepId: string, cause: DisputeCause, command: EscrowCommand) {
    return this.commandBus.execute(
      new EscrowCommandMessage(escrowId, command, causationOf(cause), {
        eventIds: (i) => disputeEffectIds.event(stepId, i),
      }),
    );
  }
}
