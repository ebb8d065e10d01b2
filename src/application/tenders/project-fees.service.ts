import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  type CommandMeta,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
} from '../../domain/shared';
import {
  evolve as evolveProject,
  initialState as initialProject,
  PROJECT_FEE_KINDS,
  type ProjectAmountRevised,
  type ProjectEvent,
  type ProjectFeeKind,
  type ProjectFees,
  type ProjectFeesCommand,
  type ProjectFeesState,
  type ProjectState,
  projectFeesDecider,
  projectFeesStream,
  projectStream,
  refundableCents,
} from '../../domain/tenders';
import {
  PAYMENT_GATEWAY,
  PaymentDeclinedError,
  PaymentGateway,
} from '../payments/payment-gateway.port';
import { Clock } from '../shared/clock';
import { CausationContext, HandleOptions, loadAggregate } from '../shared/command-handling';
import { eventIdsFrom } from '../shared/deterministic-id';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { ProjectFeesCommandMessage } from './project-fees.messages';
import { SAVED_PAYMENT_METHODS, SavedPaymentMethods } from './saved-payment-methods.port';
import { projectFeeChargeId, projectFeeRefundId } from './tender-ids';

/** Refusal codes of the fees' routes (docs/tenders-fees.md). */
export const ProjectFeesAppErrorCode = {
  NOT_FOUND: 'PROJECT_FEES_NOT_FOUND',
  NOT_PAYER: 'PROJECT_FEES_NOT_PAYER',
  NOT_SIGNED: 'PROJECT_FEES_NOT_SIGNED',
  NOTHING_DUE: 'PROJECT_FEES_NOTHING_DUE',
} as const;

/** The failure code recorded when the payer has no card saved on the platform. */
export const NO_SAVED_PAYMENT_METHOD = 'no_saved_payment_method';

/** Which field of `ProjectFees` each kind is. */
export const FEE_FIELD: Record<ProjectFeeKind, keyof ProjectFees> = {
  finder_fee: 'finderFeeCents',
  r0_option: 'r0OptionCents',
};

/** The invoice's line and the card statement's text for each kind (French: users read them). */
export function feeLabel(kind: ProjectFeeKind, title: string | undefined): string {
  return kind === 'finder_fee'
    ? `Commission de mise en relation — projet ${title ? `« ${title} »` : ''}`.trim()
    : `Option R0 (risque 0)${title ? ` — projet « ${title} »` : ''}`;
}

/** Gateway keys, all derived from the charge (and its attempt) or the refund. */
export const projectFeeGatewayKeys = {
  charge: (chargeId: string, attempt: number) => `project-fee-${chargeId}-${attempt}`,
  saveMethod: (projectId: string, payerId: string, paymentMethod: string) =>
    `project-fees-${projectId}-${payerId}-save-${paymentMethod}`,
  refund: (refundId: string) => `project-fee-refund-${refundId}`,
} as const;

/** A project as the fees need it, folded from its stream (the contract events). */
export interface FeeProject {
  state: ProjectState;
  projectId: string;
  clientId: string;
  providerId: string | null;
  title: string;
  /** Who pays, once terms are proposed. */
  payerId: string | null;
}

class NothingToDo extends Error {}

export type ChargeOutcome = { kind: ProjectFeeKind; charged: boolean; code?: string };

/**
 * The money of the base formula and of the R0 option (docs/tenders-fees.md): each fee charged
 * once to the payer's saved card when the terms are signed, a refused charge recorded (the payer
 * is told and pays again with another card), and a lower signed amount refunding the difference.
 * Every gateway call runs inside the command's builder on the fees' current state, with a key
 * derived from the charge and its attempt, so a retry or a redelivery never charges twice.
 */
@Injectable()
export class ProjectFeesService {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    @Inject(SAVED_PAYMENT_METHODS) private readonly saved: SavedPaymentMethods,
    private readonly clock: Clock,
  ) {}

  async project(projectId: string): Promise<FeeProject | null> {
    const { state } = await loadAggregate<ProjectState, ProjectEvent>(
      this.store,
      projectStream(projectId),
      { evolve: evolveProject, initialState: initialProject },
    );
    if (state.status === 'none' || !state.brief) return null;
    const payerId =
      state.terms === null
        ? null
        : state.terms.feePayer === 'provider'
          ? state.providerId
          : state.brief.clientId;
    return {
      state,
      projectId: state.brief.projectId,
      clientId: state.brief.clientId,
      providerId: state.providerId,
      title: state.brief.title,
      payerId,
    };
  }

  async fees(projectId: string): Promise<ProjectFeesState> {
    return (await loadAggregate(this.store, projectFeesStream(projectId), projectFeesDecider))
      .state;
  }

  /** At signature: every fee above zero charged to the payer's saved card (or its failure recorded). */
  async chargeOnSignature(
    projectId: string,
    signedFees: ProjectFees,
    causation: CausationContext,
    causeId: string,
  ): Promise<ChargeOutcome[]> {
    const project = await this.project(projectId);
    if (!project?.payerId) return [];
    // The fees of the amount agreed now (a revision may already be in the log).
    const fees = project.state.fees ?? signedFees;
    const method = await this.saved.find(project.payerId);
    const outcomes: ChargeOutcome[] = [];
    for (const kind of PROJECT_FEE_KINDS) {
      const amount = fees[FEE_FIELD[kind]];
      if (!(amount > 0)) continue;
      outcomes.push(
        await this.attempt(
          project,
          kind,
          amount,
          method,
          causation,
          { eventIds: eventIdsFrom(causeId, 'project-fee', kind) },
          true,
        ),
      );
    }
    return outcomes;
  }

  /**
   * "Payer à nouveau": the payer saves a card and every fee still unpaid is charged to it. A
   * refused card is recorded too (then `PAYMENT_DECLINED`). Answers the project it paid for.
   */
  async pay(
    projectId: string,
    actorId: string,
    paymentMethod: string,
    causation: CausationContext,
  ): Promise<FeeProject> {
    const project = await this.project(projectId);
    if (!project || (actorId !== project.clientId && actorId !== project.providerId))
      throw new NotFoundError(ProjectFeesAppErrorCode.NOT_FOUND, 'No such project', {
        projectId,
      });
    if (project.state.status !== 'signed' && project.state.status !== 'finished')
      throw new IllegalStateError(
        ProjectFeesAppErrorCode.NOT_SIGNED,
        'The fees are due once the terms are signed',
        { projectId, currentStatus: project.state.status },
      );
    if (actorId !== project.payerId)
      throw new ForbiddenError(
        ProjectFeesAppErrorCode.NOT_PAYER,
        'Only the party who pays the fees may pay them',
        { projectId, feePayer: project.state.terms?.feePayer },
      );
    const fees = await this.fees(projectId);
    const due = PROJECT_FEE_KINDS.filter(
      (kind) =>
        (project.state.fees?.[FEE_FIELD[kind]] ?? 0) > 0 && fees.lines[kind]?.status !== 'charged',
    );
    if (due.length === 0)
      throw new IllegalStateError(
        ProjectFeesAppErrorCode.NOTHING_DUE,
        'Every fee of this project is paid',
        { projectId },
      );
    let methodRef: string;
    try {
      ({ paymentMethodRef: methodRef } = await this.gateway.savePaymentMethod({
        accountId: actorId,
        paymentMethod,
        idempotencyKey: projectFeeGatewayKeys.saveMethod(projectId, actorId, paymentMethod),
      }));
    } catch (error) {
      if (!(error instanceof PaymentDeclinedError)) throw error;
      const code = String(error.details.reason ?? 'card_declined');
      for (const kind of due)
        await this.record(projectId, causation, () =>
          this.failure(project, kind, project.state.fees![FEE_FIELD[kind]], code),
        );
      throw error;
    }
    const outcomes: ChargeOutcome[] = [];
    for (const kind of due)
      outcomes.push(
        await this.attempt(
          project,
          kind,
          project.state.fees![FEE_FIELD[kind]],
          methodRef,
          causation,
        ),
      );
    const refused = outcomes.find((o) => !o.charged);
    if (refused) throw new PaymentDeclinedError(refused.code ?? 'card_declined');
    return project;
  }

  /**
   * A lower amount agreed after signature: each charged fee is brought down to the fee on the new
   * amount (`previousFees − fees` when it was charged at the previous one), the difference refunded.
   */
  async refundOnRevision(
    revised: ProjectAmountRevised['data'],
    causation: CausationContext,
    causeId: string,
  ): Promise<void> {
    const { projectId, revisionId } = revised;
    for (const kind of PROJECT_FEE_KINDS) {
      const target = revised.fees[FEE_FIELD[kind]];
      const refundId = projectFeeRefundId(projectId, revisionId, kind);
      await this.record(
        projectId,
        causation,
        async (state): Promise<ProjectFeesCommand> => {
          const line = state.lines[kind];
          if (line?.status !== 'charged' || line.refundIds.includes(refundId))
            throw new NothingToDo();
          const amountCents = refundableCents(line) - target;
          if (amountCents <= 0) throw new NothingToDo();
          const { refundRef } = await this.gateway.refundCharge({
            chargeRef: line.paymentRef!,
            amountCents,
            idempotencyKey: projectFeeGatewayKeys.refund(refundId),
          });
          return {
            type: 'RecordProjectFeeRefund',
            data: {
              projectId,
              refundId,
              kind,
              amountCents,
              paymentRef: refundRef,
              reason: 'amount_revised',
            },
            meta: this.system(),
          };
        },
        { eventIds: eventIdsFrom(causeId, 'project-fee-refund', kind) },
      );
    }
  }

  private system(): CommandMeta {
    return { now: this.clock.now().toISOString(), actorId: 'system', actorRole: 'system' };
  }

  private failure(
    project: FeeProject,
    kind: ProjectFeeKind,
    amountCents: number,
    code: string,
  ): ProjectFeesCommand {
    return {
      type: 'RecordProjectFeeChargeFailure',
      data: {
        projectId: project.projectId,
        chargeId: projectFeeChargeId(project.projectId, kind),
        kind,
        payerId: project.payerId!,
        amountCents,
        code,
      },
      meta: this.system(),
    };
  }

  private async record(
    projectId: string,
    causation: CausationContext,
    build: (state: ProjectFeesState) => ProjectFeesCommand | Promise<ProjectFeesCommand>,
    options: HandleOptions = {},
  ): Promise<void> {
    try {
      await this.commandBus.execute(
        new ProjectFeesCommandMessage(projectId, build, causation, options),
      );
    } catch (error) {
      if (!(error instanceof NothingToDo)) throw error;
    }
  }

  /** One charge attempt of one kind, its outcome recorded on the fees' stream. */
  private async attempt(
    project: FeeProject,
    kind: ProjectFeeKind,
    amountCents: number,
    methodRef: string | null,
    causation: CausationContext,
    options: HandleOptions = {},
    /** The signature's attempt: a redelivery after a recorded refusal tries nothing again. */
    firstOnly = false,
  ): Promise<ChargeOutcome> {
    const chargeId = projectFeeChargeId(project.projectId, kind);
    let outcome: ChargeOutcome = { kind, charged: true };
    await this.record(
      project.projectId,
      causation,
      async (state) => {
        const line = state.lines[kind];
        if (line?.status === 'charged') {
          outcome = { kind, charged: true };
          throw new NothingToDo();
        }
        if (firstOnly && line) {
          outcome = { kind, charged: false, code: line.lastFailureCode ?? undefined };
          throw new NothingToDo();
        }
        if (!methodRef) {
          outcome = { kind, charged: false, code: NO_SAVED_PAYMENT_METHOD };
          return this.failure(project, kind, amountCents, NO_SAVED_PAYMENT_METHOD);
        }
        try {
          const charge = await this.gateway.chargeSaved({
            accountId: project.payerId!,
            paymentMethodRef: methodRef,
            amountCents,
            description: feeLabel(kind, project.title),
            metadata: { projectId: project.projectId, chargeId, kind },
            idempotencyKey: projectFeeGatewayKeys.charge(chargeId, line?.failures ?? 0),
          });
          outcome = { kind, charged: true };
          return {
            type: 'RecordProjectFeeCharge',
            data: {
              projectId: project.projectId,
              chargeId,
              kind,
              payerId: project.payerId!,
              amountCents: charge.amountCents,
              paymentRef: charge.chargeRef,
              projectTitle: project.title,
              paymentMethodRef: methodRef,
            },
            meta: this.system(),
          };
        } catch (error) {
          if (!(error instanceof PaymentDeclinedError)) throw error;
          const code = String(error.details.reason ?? 'card_declined');
          outcome = { kind, charged: false, code };
          return this.failure(project, kind, amountCents, code);
        }
      },
      options,
    );
    return outcome;
  }
}
