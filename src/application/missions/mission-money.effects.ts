import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { EscrowCommand } from '../../domain/escrow';
import { missionDecider, missionStreamName } from '../../domain/missions';
import type {
  ExistingMission,
  MissionCommand,
  MissionPaymentAuthorised,
  MissionState,
} from '../../domain/missions';
import { hourPackPaymentRef, isHourPackEscrow } from '../plans/hour-pack-escrow.contract';
import { CommandMeta, ConcurrencyError, DomainError } from '../../domain/shared';
import { EscrowCommandMessage, escrowStream } from '../escrow/escrow.messages';
import { EscrowView, GetEscrowQuery } from '../escrow/escrow.query';
import { NoRecipientError, Notifications } from '../notifications/notifications.port';
import { PaymentDeclinedError } from '../payments/payment-gateway.port';
import { WalletCommandMessage } from '../payouts/wallet.messages';
import { JobScheduler } from '../scheduling/job-scheduler.port';
import { MissionJob, scheduled, ScheduledJob } from '../scheduling/jobs';
import { CausationContext, handleCommand } from '../shared/command-handling';
import {
  EVENT_STORE,
  EventStore,
  RecordedEvent,
  StreamNotFoundError,
} from '../shared/event-store.port';
import { MissionCommandMessage } from './mission.messages';
import { missionGatewayKeys, missionMoneyIds } from './mission-money-ids';
import { MissionMoneyEvent, missionMoneyStream } from './mission-money.events';
import { missionMoneyRecord } from './mission-money.record';
import {
  instantPayoutFee,
  isOpenMission,
  neededCents,
  nextAuthorisationAttemptAt,
} from './mission-money.policy';
import { MISSION_PAYMENT_GATEWAY, MissionPaymentGateway } from './mission-payment-gateway.port';

export const MISSION_MONEY_SETTINGS = Symbol('MISSION_MONEY_SETTINGS');
export interface MissionMoneySettings {
  instantPayoutFeeBp: number;
  validationReminderHours: number;
}

/** Why a step runs: the causing event (or job) gives the ids, keys and time of what it sends. */
export interface Cause {
  /** Event id or job id: every id and idempotency key derives from it. */
  id: string;
  now: string;
  causation: CausationContext;
}

export const systemMeta = (now: string): CommandMeta => ({
  now,
  actorId: 'system',
  actorRole: 'system',
});

/**
 * The steps of the missions money process, shared by its reactor and its jobs. Each is
 * idempotent: gateway keys, event ids and command event ids derive from the mission and the
 * cause, and the mission and the escrow answer a repeated command with nothing new.
 */
@Injectable()
export class MissionMoneyEffects {
  private readonly logger = new Logger('MissionMoney');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MISSION_PAYMENT_GATEWAY) private readonly gateway: MissionPaymentGateway,
    @Inject(MISSION_MONEY_SETTINGS) readonly settings: MissionMoneySettings,
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly scheduler: JobScheduler,
    private readonly notifications: Notifications,
  ) {}

  releaseId = (causeId: string) => missionMoneyIds.id(causeId, 'release');
  refundId = (causeId: string) => missionMoneyIds.id(causeId, 'refund');

  /** The mission as of `uptoRevision` (the causing event), or now. */
  async mission(missionId: string, uptoRevision?: bigint): Promise<MissionState> {
    const events = await this.read(missionStreamName(missionId));
    let state = missionDecider.initialState();
    for (const e of events) {
      if (uptoRevision !== undefined && e.revision > uptoRevision) break;
      state = missionDecider.evolve(state, { type: e.type, data: e.data } as never);
    }
    return state;
  }

  /** The escrow through its published query, or `none` before it opens. */
  async escrow(escrowId: string): Promise<EscrowView | { status: 'none' }> {
    const view = await this.queryBus.execute(new GetEscrowQuery(escrowId));
    return view ?? { status: 'none' };
  }

  async escrowSubject(escrowId: string): Promise<{ kind: string; id: string } | null> {
    const opened = (await this.read(escrowStream(escrowId))).find((e) => e.type === 'EscrowOpened');
    return (opened?.data as { subject: { kind: string; id: string } } | undefined)?.subject ?? null;
  }

  async moneyEvents(missionId: string): Promise<RecordedEvent[]> {
    return this.read(missionMoneyStream(missionId));
  }

  /** Every authorisation the mission recorded, in order (the last one is current). */
  async authorisations(missionId: string): Promise<MissionPaymentAuthorised['data'][]> {
    return (await this.read(missionStreamName(missionId)))
      .filter((e) => e.type === 'MissionPaymentAuthorised')
      .map((e) => e.data as MissionPaymentAuthorised['data']);
  }

  async sendMission(
    missionId: string,
    command: Omit<MissionCommand, 'meta'> & { meta?: CommandMeta },
    cause: Cause,
    step: string,
  ) {
    return this.commandBus.execute(
      new MissionCommandMessage(
        missionId,
        { meta: systemMeta(cause.now), ...command } as MissionCommand,
        cause.causation,
        { eventIds: missionMoneyIds.events(cause.id, step) },
      ),
    );
  }

  async sendEscrow(
    escrowId: string,
    command: Omit<EscrowCommand, 'meta'> & { meta?: CommandMeta },
    cause: Cause,
    step: string,
  ) {
    return this.commandBus.execute(
      new EscrowCommandMessage(
        escrowId,
        { meta: systemMeta(cause.now), ...command } as EscrowCommand,
        cause.causation,
        { eventIds: missionMoneyIds.events(cause.id, step) },
      ),
    );
  }

  async record(missionId: string, event: MissionMoneyEvent, cause: Cause, step: string) {
    await handleCommand(
      this.store,
      missionMoneyStream(missionId),
      missionMoneyRecord,
      { type: 'RecordMissionMoneyFact', data: event, meta: systemMeta(cause.now) },
      cause.causation,
      { eventIds: missionMoneyIds.events(cause.id, step) },
    );
  }

  async schedule(jobs: ScheduledJob[]): Promise<void> {
    if (jobs.length > 0) await this.scheduler.schedule(jobs);
  }

  /**
   * Authorises the card for what the mission needs now and records it on the mission; a refusal
   * is recorded as a failed attempt (retried on the written schedule, the last one cancels).
   * `firstKey`: the publication's own authorisation (the key `MissionPayments.secure` used).
   */
  async authorise(
    mission: ExistingMission,
    cause: Cause,
    options: {
      attempt: number;
      /** The publication's authorisation, exactly as `secure` asked for it (same key, same amount and card). */
      first?: { amountCents: number; paymentMethod: string };
    },
  ): Promise<'authorised' | 'failed' | 'not_needed'> {
    // The publication's authorisation exists at the gateway whatever became of the mission since.
    if (!isOpenMission(mission) && !options.first) return 'not_needed';
    const amountCents = options.first ? options.first.amountCents : neededCents(mission);
    let answer: { paymentRef: string; amountCents: number };
    try {
      answer = options.first
        ? await this.gateway.authorise({
            missionId: mission.missionId,
            clientId: mission.clientId,
            amountCents,
            paymentMethod: options.first.paymentMethod,
            idempotencyKey: missionGatewayKeys.firstAuthorisation(mission.missionId),
          })
        : await this.gateway.authoriseSaved({
            missionId: mission.missionId,
            clientId: mission.clientId,
            amountCents,
            paymentMethodRef: mission.payment.paymentMethodRef,
            idempotencyKey: missionGatewayKeys.authorisation(mission.missionId, cause.id),
          });
    } catch (error) {
      if (!(error instanceof PaymentDeclinedError)) throw error;
      if (isOpenMission(mission))
        await this.authorisationFailed(mission, cause, options.attempt, error.message);
      return 'failed';
    }
    const recorded = await this.refusedIsObsolete(() =>
      this.sendMission(
        mission.missionId,
        {
          type: 'RecordMissionAuthorisation',
          data: {
            missionId: mission.missionId,
            escrowId: mission.escrowId,
            paymentRef: answer.paymentRef,
            amountCents: answer.amountCents,
          },
        },
        cause,
        'record-authorisation',
      ),
    );
    // The mission ended (cancelled, expired) before it could record this hold: it is given back.
    if (!recorded) {
      const known = (await this.authorisations(mission.missionId)).some(
        (a) => a.paymentRef === answer.paymentRef,
      );
      if (!known) await this.cancelAuthorisation(mission.missionId, answer.paymentRef, cause);
      return 'not_needed';
    }
    return 'authorised';
  }

  private async authorisationFailed(
    mission: ExistingMission,
    cause: Cause,
    attempt: number,
    reason: string,
  ): Promise<void> {
    const nextAttemptAt = nextAuthorisationAttemptAt(
      attempt,
      cause.now,
      mission.terms.startsAt,
      mission.autoValidateAt,
    );
    await this.refusedIsObsolete(() =>
      this.sendMission(
        mission.missionId,
        {
          type: 'RecordMissionAuthorisationFailure',
          data: {
            missionId: mission.missionId,
            reason,
            attempt,
            ...(nextAttemptAt ? { nextAttemptAt } : {}),
          },
        },
        cause,
        'record-failure',
      ),
    );
    // The client is told at once, and may give another card (`MissionPaymentMethodReplaced`).
    await this.tell({
      to: { accountId: mission.clientId },
      template: 'missions.authorisation_failed',
      data: {
        missionId: mission.missionId,
        serviceTypeLabel: mission.serviceTypeLabel,
        startsAt: mission.terms.startsAt,
        attempt,
        reason,
        nextAttemptAt,
        willBeCancelled: nextAttemptAt === null,
      },
      idempotencyKey: `mission-${mission.missionId}-authorisation-failed-${attempt}`,
    });
    if (nextAttemptAt) {
      await this.schedule([
        scheduled<MissionJob>(
          {
            kind: 'mission.authorise',
            missionId: mission.missionId,
            attempt: attempt + 1,
            dueAt: nextAttemptAt,
            causationId: cause.causation.causationId ?? cause.id,
            correlationId: cause.causation.correlationId,
          },
          cause.id,
          `attempt-${attempt + 1}`,
        ),
      ]);
      return;
    }
    // The last attempt failed: the system cancels; nothing was ever charged.
    await this.refusedIsObsolete(() =>
      this.sendMission(
        mission.missionId,
        {
          type: 'CancelMission',
          data: {
            missionId: mission.missionId,
            cancelledBy: 'system',
            reason: 'payment_authorisation_failed',
            lateWindowHours: 0,
            lateFeeBp: 0,
          },
        },
        cause,
        'system-cancel',
      ),
    );
  }

  /**
   * Once a provider confirmed and the card is authorised, the escrow holds exactly the price:
   * opened with it, topped up after a change raised it, the difference given back after a change
   * lowered it. The reservation beyond the price never enters the escrow (it is released at the
   * capture, see docs/missions-money.md).
   */
  async ensureEscrow(mission: MissionState, cause: Cause): Promise<void> {
    if (mission.status !== 'confirmed') return;
    const { provider, payment } = mission;
    // A pack mission's escrow is funded by the platform from the pack (docs/plans-hour-packs.md).
    const fromPack = payment.plan === 'hour_pack' && payment.hourPackId !== null;
    const authorised = fromPack
      ? { paymentRef: hourPackPaymentRef(payment.hourPackId!), amountCents: provider.priceCents }
      : payment.authorised;
    if (authorised === null || authorised.amountCents < provider.priceCents) return;
    const escrow = await this.escrow(mission.escrowId);
    if (escrow.status === 'none') {
      await this.sendEscrow(
        mission.escrowId,
        {
          type: 'OpenEscrow',
          data: {
            escrowId: mission.escrowId,
            subject: { kind: 'mission', id: mission.missionId },
            payerId: mission.clientId,
            payeeId: provider.providerId,
            commissionRateBp: mission.commissionRateBp,
            trancheId: 'price',
            amountCents: provider.priceCents,
            paymentRef: authorised.paymentRef,
          },
        },
        cause,
        'open-escrow',
      );
      return;
    }
    if (escrow.status !== 'held') return;
    const difference = provider.priceCents - escrow.heldCents;
    if (difference > 0)
      await this.sendEscrow(
        mission.escrowId,
        {
          type: 'FundEscrow',
          data: {
            trancheId: `change-${cause.id}`,
            amountCents: difference,
            paymentRef: authorised.paymentRef,
          },
        },
        cause,
        'fund-escrow',
      );
    else if (difference < 0)
      await this.sendEscrow(
        mission.escrowId,
        {
          type: 'RefundEscrow',
          data: {
            refundId: missionMoneyIds.id(cause.id, 'price-reduced'),
            amountCents: -difference,
            reason: 'price_reduced',
          },
        },
        cause,
        'refund-escrow',
      );
  }

  /** Authorisations the mission replaced (a new card, a higher price) are given back whole. */
  async cancelSuperseded(missionId: string, cause: Cause): Promise<void> {
    const all = await this.authorisations(missionId);
    const done = await this.settledRefs(missionId);
    for (const old of all.slice(0, -1)) {
      if (all[all.length - 1].paymentRef === old.paymentRef || done.has(old.paymentRef)) continue;
      await this.cancelAuthorisation(missionId, old.paymentRef, cause);
    }
  }

  async cancelAuthorisation(missionId: string, paymentRef: string, cause: Cause): Promise<void> {
    const { cancelledCents } = await this.gateway.cancelAuthorisation({
      missionId,
      paymentRef,
      idempotencyKey: missionGatewayKeys.cancel(missionId, paymentRef),
    });
    await this.record(
      missionId,
      {
        type: 'MissionAuthorisationCancelled',
        data: { missionId, paymentRef, cancelledCents, cancelledAt: cause.now },
      },
      { ...cause, id: `cancel-${paymentRef}` },
      'cancelled',
    );
  }

  /**
   * Makes the gateway follow the escrow once the mission's money is settled (validated,
   * cancelled, dispute decided): what the escrow released is captured (the rest of the
   * authorisation goes back to the card), the provider's net share is paid out instantly, and an
   * authorisation with nothing released is cancelled. Money captured early (a long dispute) is
   * refunded down to what was released.
   */
  async settle(missionId: string, escrowId: string, cause: Cause): Promise<void> {
    if (isHourPackEscrow(escrowId)) return this.settleFromPack(missionId, escrowId, cause);
    const current = (await this.authorisations(missionId)).at(-1);
    if (!current) return;
    const escrow = await this.escrow(escrowId);
    const releasedCents = escrow.status === 'none' ? 0 : escrow.releasedCents;
    const netCents = escrow.status === 'none' ? 0 : escrow.payeeNetCents;
    if (escrow.status === 'held' || escrow.status === 'frozen') return;
    const money = await this.moneyEvents(missionId);
    const early = money.find(
      (e) =>
        e.type === 'MissionPaymentCaptured' &&
        (e.data as { paymentRef: string }).paymentRef === current.paymentRef,
    );
    if (early) {
      const captured = (early.data as { capturedCents: number }).capturedCents;
      if (captured > releasedCents)
        await this.gateway.refund({
          missionId,
          paymentRef: current.paymentRef,
          amountCents: captured - releasedCents,
          idempotencyKey: `mission-${missionId}-refund-${current.paymentRef}`,
        });
    } else if (releasedCents > 0) {
      await this.capture(missionId, escrowId, current.paymentRef, releasedCents, cause);
    } else if (
      !money.some(
        (e) =>
          e.type === 'MissionAuthorisationCancelled' &&
          (e.data as { paymentRef: string }).paymentRef === current.paymentRef,
      )
    ) {
      await this.cancelAuthorisation(missionId, current.paymentRef, cause);
    }
    if (netCents > 0 && escrow.status !== 'none')
      await this.payOut(missionId, escrowId, escrow.payeeId, netCents, cause);
  }

  /**
   * A pack mission: no card to capture or cancel; what the escrow released pays the provider out
   * instantly exactly as for a card mission, and what it refunded went back to the pack's money.
   */
  private async settleFromPack(missionId: string, escrowId: string, cause: Cause): Promise<void> {
    const escrow = await this.escrow(escrowId);
    if (escrow.status === 'none' || escrow.status === 'held' || escrow.status === 'frozen') return;
    if (escrow.payeeNetCents > 0)
      await this.payOut(missionId, escrowId, escrow.payeeId, escrow.payeeNetCents, cause);
  }

  async capture(
    missionId: string,
    escrowId: string,
    paymentRef: string,
    amountCents: number,
    cause: Cause,
  ): Promise<void> {
    const answer = await this.gateway.capture({
      missionId,
      paymentRef,
      amountCents,
      idempotencyKey: missionGatewayKeys.capture(missionId, paymentRef),
    });
    await this.record(
      missionId,
      {
        type: 'MissionPaymentCaptured',
        data: {
          missionId,
          escrowId,
          paymentRef,
          captureRef: answer.captureRef,
          capturedCents: answer.capturedCents,
          releasedCents: answer.releasedCents,
          capturedAt: cause.now,
        },
      },
      { ...cause, id: `capture-${paymentRef}` },
      'captured',
    );
  }

  private async payOut(
    missionId: string,
    escrowId: string,
    providerId: string,
    netCents: number,
    cause: Cause,
  ): Promise<void> {
    const fee = instantPayoutFee(netCents, this.settings.instantPayoutFeeBp);
    const answer = await this.gateway.instantPayout({
      missionId,
      providerId,
      amountCents: netCents,
      feeCents: fee.feeCents,
      idempotencyKey: missionGatewayKeys.instantPayout(missionId),
    });
    const recordCause = { ...cause, id: `payout-${missionId}` };
    if (answer.status === 'failed') {
      await this.record(
        missionId,
        {
          type: 'MissionProviderPayoutFailed',
          data: {
            missionId,
            escrowId,
            providerId,
            amountCents: netCents,
            failureCode: answer.failureCode ?? 'payout_failed',
            failedAt: cause.now,
          },
        },
        recordCause,
        'payout-failed',
      );
      this.logger.warn(`Mission ${missionId}: instant payout failed (${answer.failureCode})`);
      // The share stays owed: the provider's wallet is credited, withdrawn the usual way.
      await this.commandBus.execute(
        new WalletCommandMessage(
          providerId,
          {
            type: 'CreditWallet',
            data: {
              providerId,
              creditId: missionMoneyIds.id(missionId, 'payout-failed-credit'),
              escrowId,
              amountCents: netCents,
            },
            meta: systemMeta(cause.now),
          },
          cause.causation,
          { eventIds: missionMoneyIds.events(missionId, 'payout-failed-credit') },
        ),
      );
      return;
    }
    await this.record(
      missionId,
      {
        type: 'MissionProviderPaidOut',
        data: {
          missionId,
          escrowId,
          providerId,
          amountCents: netCents,
          feeCents: fee.feeCents,
          vatOnFeeCents: fee.vatOnFeeCents,
          paidCents: fee.paidCents,
          transferRef: answer.transferRef,
          gatewayPayoutId: answer.gatewayPayoutId,
          paidAt: cause.now,
        },
      },
      recordCause,
      'paid-out',
    );
  }

  private async settledRefs(missionId: string): Promise<Set<string>> {
    const refs = new Set<string>();
    for (const e of await this.moneyEvents(missionId))
      if (e.type === 'MissionAuthorisationCancelled' || e.type === 'MissionPaymentCaptured')
        refs.add((e.data as { paymentRef: string }).paymentRef);
    return refs;
  }

  /** An erased or address-less client cannot be told; the money steps go on. */
  async tell(request: Parameters<Notifications['send']>[0]): Promise<boolean> {
    try {
      await this.notifications.send(request);
      return true;
    } catch (error) {
      if (error instanceof NoRecipientError) return false;
      throw error;
    }
  }

  /** A refusal means the step no longer applies (the mission moved on); anything else is retried. */
  async refusedIsObsolete(send: () => Promise<unknown>): Promise<boolean> {
    try {
      await send();
      return true;
    } catch (error) {
      if (error instanceof DomainError && !(error instanceof ConcurrencyError)) {
        this.logger.warn(`Mission money step refused: ${error.code} ${error.message}`);
        return false;
      }
      throw error;
    }
  }

  private async read(stream: string): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(stream);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
