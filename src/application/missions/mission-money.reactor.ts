import { Injectable } from '@nestjs/common';
import type {
  ExistingMission,
  MissionCancelled,
  MissionDisputeClosed,
  MissionProblemReported,
  MissionRequested,
  MissionState,
  MissionValidated,
} from '../../domain/missions';
import { MissionJob, scheduled, ScheduledJob } from '../scheduling/jobs';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { Cause, MissionMoneyEffects } from './mission-money.effects';
import { captureBeforeLapseAt, validationReminderAt } from './mission-money.policy';

/** The mission events the money process acts on. */
export const MISSION_MONEY_TRIGGERS = [
  'MissionRequested',
  'MissionRequestChanged',
  'MissionPaymentMethodReplaced',
  'MissionPaymentAuthorised',
  'MissionConfirmed',
  'MissionChangeAccepted',
  'MissionValidated',
  'MissionCancelled',
  'MissionExpired',
  'MissionProblemReported',
  'MissionDisputeClosed',
] as const;
export type MissionMoneyTrigger = (typeof MISSION_MONEY_TRIGGERS)[number];

/** What the process does for one event, given the mission as that event left it (pure, unit-tested). */
export type MissionMoneyStep =
  | {
      kind: 'authorise';
      attempt: number;
      /** The publication's own authorisation (the key, amount and card `secure` used). */
      first?: { amountCents: number; paymentMethod: string };
    }
  | { kind: 'schedule'; jobs: ScheduledJob[] }
  | { kind: 'cancel-superseded' }
  | { kind: 'ensure-escrow' }
  | { kind: 'release'; reason: 'accepted' | 'auto_accepted'; asClient: boolean }
  | { kind: 'cancellation'; feeCents: number }
  | { kind: 'cancel-authorisation' }
  | { kind: 'freeze'; disputeId: string }
  | { kind: 'unfreeze'; disputeId: string }
  | { kind: 'settle' };

const jobBase = (event: RecordedEvent) => ({
  causationId: event.id,
  correlationId: String(event.metadata.correlationId ?? event.id),
});

/** The reminder and the automatic validation of the mission's current `autoValidateAt`. */
function validationJobs(
  event: RecordedEvent,
  mission: ExistingMission,
  reminderHours: number,
  notBefore?: string,
): ScheduledJob[] {
  const base = jobBase(event);
  const autoValidateAt = mission.autoValidateAt;
  const dueAt =
    notBefore && Date.parse(notBefore) > Date.parse(autoValidateAt) ? notBefore : autoValidateAt;
  const jobs: ScheduledJob[] = [
    scheduled<MissionJob>(
      {
        ...base,
        kind: 'mission.auto-validate',
        missionId: mission.missionId,
        autoValidateAt,
        dueAt,
      },
      event.id,
    ),
  ];
  const remindAt = validationReminderAt(autoValidateAt, mission.terms.startsAt, reminderHours);
  if (remindAt && (!notBefore || Date.parse(remindAt) > Date.parse(notBefore)))
    jobs.push(
      scheduled<MissionJob>(
        {
          ...base,
          kind: 'mission.validation-reminder',
          missionId: mission.missionId,
          clientId: mission.clientId,
          autoValidateAt,
          dueAt: remindAt,
        },
        event.id,
      ),
    );
  return jobs;
}

/**
 * The decisions of the missions money process (docs/missions-money.md). `mission` is the state
 * right after `event`; the steps run in order.
 */
export function missionMoneySteps(
  event: RecordedEvent,
  mission: MissionState,
  settings: { validationReminderHours: number },
): MissionMoneyStep[] {
  if (mission.status === 'none') return [];
  if (mission.payment.plan === 'hour_pack') return hourPackMoneySteps(event, mission, settings);
  const attempt = mission.payment.failedAttempts + 1;
  switch (event.type as MissionMoneyTrigger) {
    case 'MissionRequested':
      if (mission.payment.plan === 'authorise_now') {
        const d = event.data as MissionRequested['data'];
        return [
          {
            kind: 'authorise',
            attempt,
            first: { amountCents: d.reservedCents, paymentMethod: d.paymentMethodRef },
          },
        ];
      }
      return [
        {
          kind: 'schedule',
          jobs: [
            scheduled<MissionJob>(
              {
                ...jobBase(event),
                kind: 'mission.authorise',
                missionId: mission.missionId,
                attempt: 1,
                dueAt: mission.payment.authoriseAt,
              },
              event.id,
            ),
          ],
        },
      ];
    case 'MissionRequestChanged': {
      if (mission.status !== 'pending') return [];
      if (mission.payment.plan === 'authorise_now') {
        const authorised = mission.payment.authorised;
        return authorised === null || authorised.amountCents < mission.reservedCents
          ? [{ kind: 'authorise', attempt }]
          : [];
      }
      // Moved further out: the authorisation follows at the new `authoriseAt` (the job checks it is still needed).
      return [
        {
          kind: 'schedule',
          jobs: [
            scheduled<MissionJob>(
              {
                ...jobBase(event),
                kind: 'mission.authorise',
                missionId: mission.missionId,
                attempt,
                dueAt: mission.payment.authoriseAt,
              },
              event.id,
            ),
          ],
        },
      ];
    }
    case 'MissionPaymentMethodReplaced':
      return [{ kind: 'authorise', attempt }];
    case 'MissionPaymentAuthorised':
      return [{ kind: 'cancel-superseded' }, { kind: 'ensure-escrow' }];
    case 'MissionConfirmed':
      return [
        { kind: 'ensure-escrow' },
        {
          kind: 'schedule',
          jobs: validationJobs(event, mission, settings.validationReminderHours),
        },
      ];
    case 'MissionChangeAccepted': {
      const steps: MissionMoneyStep[] = [];
      const authorised = mission.payment.authorised;
      const price = 'provider' in mission && mission.provider ? mission.provider.priceCents : 0;
      // A higher price: a new authorisation of the whole new price (the old one is then cancelled).
      if (authorised !== null && authorised.amountCents < price)
        steps.push({ kind: 'authorise', attempt });
      else steps.push({ kind: 'ensure-escrow' });
      steps.push({
        kind: 'schedule',
        jobs: validationJobs(event, mission, settings.validationReminderHours),
      });
      return steps;
    }
    case 'MissionValidated': {
      const d = event.data as MissionValidated['data'];
      return [
        {
          kind: 'release',
          reason: d.validatedBy === 'client' ? 'accepted' : 'auto_accepted',
          asClient: d.validatedBy === 'client',
        },
        { kind: 'settle' },
      ];
    }
    case 'MissionCancelled': {
      const d = event.data as MissionCancelled['data'];
      return [{ kind: 'cancellation', feeCents: d.feeCents }, { kind: 'settle' }];
    }
    case 'MissionExpired':
      return [{ kind: 'cancel-authorisation' }];
    case 'MissionProblemReported': {
      const d = event.data as MissionProblemReported['data'];
      const steps: MissionMoneyStep[] = [{ kind: 'freeze', disputeId: d.disputeId }];
      const authorised = mission.payment.authorised;
      if (authorised)
        steps.push({
          kind: 'schedule',
          jobs: [
            scheduled<MissionJob>(
              {
                ...jobBase(event),
                kind: 'mission.capture-before-lapse',
                missionId: mission.missionId,
                paymentRef: authorised.paymentRef,
                dueAt: captureBeforeLapseAt(authorised.authorisedAt),
              },
              event.id,
            ),
          ],
        });
      return steps;
    }
    case 'MissionDisputeClosed': {
      const d = event.data as MissionDisputeClosed['data'];
      if (d.outcome === 'withdrawn')
        return [
          { kind: 'unfreeze', disputeId: d.disputeId },
          {
            kind: 'schedule',
            jobs: validationJobs(event, mission, settings.validationReminderHours, d.closedAt),
          },
        ];
      return [{ kind: 'settle' }];
    }
    default:
      return [];
  }
}

/**
 * A mission paid from an hour pack (docs/plans-hour-packs.md): no card, so no authorisation; at
 * confirmation the platform funds the mission's escrow from the pack's money (paymentRef
 * `hour-pack:<packId>`), and from there everything is a card mission's: release at validation,
 * refund on cancellation, freeze in a dispute, instant payout of the provider's net share.
 */
export function hourPackMoneySteps(
  event: RecordedEvent,
  mission: ExistingMission,
  settings: { validationReminderHours: number },
): MissionMoneyStep[] {
  switch (event.type as MissionMoneyTrigger) {
    case 'MissionConfirmed':
    case 'MissionChangeAccepted':
      return [
        { kind: 'ensure-escrow' },
        {
          kind: 'schedule',
          jobs: validationJobs(event, mission, settings.validationReminderHours),
        },
      ];
    case 'MissionRequested':
    case 'MissionRequestChanged':
    case 'MissionPaymentMethodReplaced':
    case 'MissionPaymentAuthorised':
    case 'MissionExpired':
      return [];
    default:
      return missionMoneySteps(
        event,
        { ...mission, payment: { ...mission.payment, plan: 'authorise_now' } },
        settings,
      ).filter((step) => step.kind !== 'authorise' && step.kind !== 'cancel-authorisation');
  }
}

/**
 * The missions money process manager: reacts to the mission's facts with the gateway (authorise,
 * capture, cancel, instant payout), the escrow (open, fund, release, refund, freeze) and the jobs
 * (automatic authorisation, reminder, automatic validation). Idempotent: every id and gateway key
 * derives from the causing event or the mission.
 */
@Injectable()
export class MissionMoneyReactor implements Reactor {
  readonly name = 'missions.money';
  readonly filter = {
    categories: ['mission', 'escrow'],
    eventTypePrefixes: [...MISSION_MONEY_TRIGGERS, 'EscrowReleased', 'EscrowRefunded'],
  };

  constructor(private readonly effects: MissionMoneyEffects) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type === 'EscrowReleased' || event.type === 'EscrowRefunded')
      return this.afterDecision(event);
    if (!(MISSION_MONEY_TRIGGERS as readonly string[]).includes(event.type)) return;
    const missionId = (event.data as { missionId: string }).missionId;
    const mission = await this.effects.mission(missionId, event.revision);
    if (mission.status === 'none') return;
    const cause: Cause = {
      id: event.id,
      now: String(event.metadata.occurredAt ?? event.recordedAt.toISOString()),
      causation: {
        correlationId: String(event.metadata.correlationId ?? event.id),
        causationId: event.id,
      },
    };
    for (const step of missionMoneySteps(event, mission, this.effects.settings))
      await this.run(step, mission, cause);
  }

  /**
   * The disputes context moves a mission's frozen escrow by the decision and closes the mission's
   * dispute; whichever of the two comes last settles the gateway (capture what was released, pay
   * the provider out, give the rest back).
   */
  private async afterDecision(event: RecordedEvent): Promise<void> {
    const data = event.data as { escrowId: string; reason: string };
    if (data.reason !== 'decision') return;
    const subject = await this.effects.escrowSubject(data.escrowId);
    if (subject?.kind !== 'mission') return;
    const mission = await this.effects.mission(subject.id);
    if (mission.status !== 'resolved') return;
    await this.effects.settle(mission.missionId, mission.escrowId, {
      id: event.id,
      now: String(event.metadata.occurredAt ?? event.recordedAt.toISOString()),
      causation: {
        correlationId: String(event.metadata.correlationId ?? event.id),
        causationId: event.id,
      },
    });
  }

  private async run(step: MissionMoneyStep, mission: ExistingMission, cause: Cause): Promise<void> {
    const fx = this.effects;
    switch (step.kind) {
      case 'authorise':
        // The mission as it is now: a later event may already have made this step moot.
        await fx.authorise((await fx.mission(mission.missionId)) as ExistingMission, cause, {
          attempt: step.attempt,
          ...(step.first ? { first: step.first } : {}),
        });
        return;
      case 'schedule':
        await fx.schedule(step.jobs);
        return;
      case 'cancel-superseded':
        await fx.cancelSuperseded(mission.missionId, cause);
        return;
      case 'ensure-escrow':
        await fx.ensureEscrow(await fx.mission(mission.missionId), cause);
        return;
      case 'release': {
        const escrow = await fx.escrow(mission.escrowId);
        if (escrow.status !== 'held' || escrow.heldCents === 0) return;
        await fx.sendEscrow(
          mission.escrowId,
          {
            type: 'ReleaseEscrow',
            data: {
              releaseId: fx.releaseId(cause.id),
              amountCents: escrow.heldCents,
              reason: step.reason,
            },
            // The client's "Mission terminée ✔" is the acceptance the escrow asks of its payer.
            ...(step.asClient
              ? {
                  meta: { now: cause.now, actorId: mission.clientId, actorRole: 'client' as const },
                }
              : {}),
          },
          cause,
          'release',
        );
        return;
      }
      case 'cancellation': {
        const escrow = await fx.escrow(mission.escrowId);
        if (escrow.status !== 'held') return;
        const fee = Math.min(step.feeCents, escrow.heldCents);
        if (fee > 0)
          await fx.sendEscrow(
            mission.escrowId,
            {
              type: 'ReleaseEscrow',
              data: {
                releaseId: fx.releaseId(cause.id),
                amountCents: fee,
                reason: 'cancellation_fee',
              },
            },
            cause,
            'release-fee',
          );
        if (escrow.heldCents - fee > 0)
          await fx.sendEscrow(
            mission.escrowId,
            {
              type: 'RefundEscrow',
              data: {
                refundId: fx.refundId(cause.id),
                amountCents: escrow.heldCents - fee,
                reason: 'cancelled',
              },
            },
            cause,
            'refund',
          );
        return;
      }
      case 'cancel-authorisation': {
        const current = (await fx.authorisations(mission.missionId)).at(-1);
        if (current) await fx.settle(mission.missionId, mission.escrowId, cause);
        return;
      }
      case 'freeze':
      case 'unfreeze': {
        const escrow = await fx.escrow(mission.escrowId);
        if (escrow.status === 'none') return;
        // Keyed by the dispute: the disputes context freezing the same escrow for it is the same fact.
        await fx.refusedIsObsolete(() =>
          fx.sendEscrow(
            mission.escrowId,
            {
              type: step.kind === 'freeze' ? 'FreezeEscrow' : 'UnfreezeEscrow',
              data: { disputeId: step.disputeId },
            },
            cause,
            step.kind,
          ),
        );
        return;
      }
      case 'settle':
        await fx.settle(mission.missionId, mission.escrowId, cause);
        return;
      default:
        step satisfies never;
    }
  }
}
