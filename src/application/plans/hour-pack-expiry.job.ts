import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { expiryRefund, type HourPackState } from '../../domain/plans';
import { PAYMENT_GATEWAY, PaymentGateway } from '../payments/payment-gateway.port';
import {
  causationOf,
  JobRun,
  jobOptions,
  notDue,
  runCommand,
  systemMeta,
} from '../scheduling/job-context';
import type { JobOutcome, PlanJob } from '../scheduling/jobs';
import { Clock } from '../shared/clock';
import { CausationContext, HandleOptions } from '../shared/command-handling';
import { hourPackGatewayKeys } from './hour-pack-ids';
import { HourPackCommandMessage } from './hour-pack.messages';

type ExpireJob = Extract<PlanJob, { kind: 'hour-pack.expire' }>;

/**
 * `hour-pack.expire`, at the pack's `expiresAt`: the unused, unreserved minutes are refunded to
 * the card pro rata at the pack's price, then the pack expires (docs/plans-hour-packs.md). Run
 * again (by the hour-pack reactor) when a mission that kept its reservation past the expiry gives
 * its minutes back. The refund is asked inside the command's builder, keyed by the number of
 * refunds the pack recorded so far: a retry gets the same refund, never a second one.
 */
@Injectable()
export class HourPackExpiry {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
  ) {}

  async run({ jobId, payload }: JobRun<ExpireJob>): Promise<JobOutcome> {
    const early = notDue(this.clock, payload);
    if (early) return early;
    return runCommand(() => this.expire(payload.packId, causationOf(payload), jobOptions(jobId)));
  }

  expire(packId: string, causation: CausationContext, options: HandleOptions = {}) {
    return this.commandBus.execute(
      new HourPackCommandMessage(
        packId,
        async (state: HourPackState) => {
          const command = {
            type: 'ExpireHourPack' as const,
            data: { packId },
            meta: systemMeta(this.clock),
          };
          if (state.status === 'none' || state.status === 'withdrawn') return command;
          if (Date.parse(command.meta.now) < Date.parse(state.expiresAt)) return command;
          const refund = expiryRefund(state);
          if (refund.minutes === 0 || refund.refundCents === 0) return command;
          const answer = await this.gateway.refundCharge({
            chargeRef: state.chargeRef,
            amountCents: refund.refundCents,
            idempotencyKey: hourPackGatewayKeys.expiryRefund(packId, state.refunds),
          });
          return {
            ...command,
            data: { packId, refundRef: answer.refundRef, refundCents: answer.amountCents },
          };
        },
        causation,
        options,
      ),
    );
  }
}
