import { Injectable, Optional } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { GetEscrowQuery } from '../escrow/escrow.query';
import { AccountCommandMessage } from '../identity/account.messages';
import { CloseDueAccountsCommand } from '../identity/close-due-accounts.command';
import { VerificationCommandMessage } from '../identity/verification.messages';
import { CustomRequestCommandMessage } from '../orders/custom-request.messages';
import { OrderCommandMessage } from '../orders/order.messages';
import { DisputeCommandMessage } from '../disputes/dispute.messages';
import { assertNever } from '../../domain/shared';
import { Clock } from '../shared/clock';
import { causationOf, JobRun, jobOptions, notDue, runCommand, systemMeta } from './job-context';
import { DeadlineJob, JobOutcome } from './jobs';

/**
 * Runs a deadline: sends the aggregate's own command as the system, at the job's due time.
 * Each command re-checks the deadline against the aggregate, so a stale or repeated job is harmless.
 */
@Injectable()
export class DeadlineJobs {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    @Optional() private readonly queryBus?: QueryBus,
  ) {}

  async run({ jobId, payload }: JobRun<DeadlineJob>): Promise<JobOutcome> {
    const early = notDue(this.clock, payload);
    if (early) return early;
    const meta = systemMeta(this.clock);
    const causation = causationOf(payload);
    const options = jobOptions(jobId);
    const send = (message: object) => runCommand(() => this.commandBus.execute(message));
    switch (payload.kind) {
      case 'order.delivery-deadline':
        return send(
          new OrderCommandMessage(
            payload.orderId,
            { type: 'MarkOrderLate', data: { orderId: payload.orderId }, meta },
            causation,
            options,
          ),
        );
      case 'order.funds-deadline':
        return send(
          new OrderCommandMessage(
            payload.orderId,
            { type: 'ExpireOrderFunds', data: { orderId: payload.orderId }, meta },
            causation,
            options,
          ),
        );
      case 'order.placement-check': {
        if (!this.queryBus) throw new Error('The placement check needs the query bus');
        const escrow = await this.queryBus.execute(new GetEscrowQuery(payload.escrowId));
        if (!escrow || escrow.heldCents === 0) {
          return { result: 'obsolete', code: 'ESCROW_HOLDS_NOTHING', detail: payload.escrowId };
        }
        return send(
          new OrderCommandMessage(
            payload.orderId,
            {
              type: 'AbandonPlacement',
              data: {
                orderId: payload.orderId,
                escrowId: payload.escrowId,
                buyerId: payload.buyerId,
                refundCents: escrow.heldCents,
              },
              meta,
            },
            causation,
            options,
          ),
        );
      }
      case 'order.auto-complete':
        return send(
          new OrderCommandMessage(
            payload.orderId,
            {
              type: 'AcceptDelivery',
              data: {
                orderId: payload.orderId,
                auto: true,
                autoCompleteAfterDays: payload.autoCompleteAfterDays,
              },
              meta,
            },
            causation,
            options,
          ),
        );
      case 'custom-request.invitation-expiry':
        return send(
          new CustomRequestCommandMessage(
            payload.customRequestId,
            {
              type: 'ExpireInvitation',
              data: {
                customRequestId: payload.customRequestId,
                sellerId: payload.sellerId,
                expiresAt: payload.expiresAt,
              },
              meta,
            },
            causation,
            options,
          ),
        );
      case 'dispute.response-deadline':
        return send(
          new DisputeCommandMessage(
            payload.disputeId,
            { type: 'LapseResponseDeadline', data: {}, meta },
            causation,
            options,
          ),
        );
      case 'verification.document-expiry':
        return send(
          new VerificationCommandMessage(
            payload.providerId,
            { type: 'ExpireDocument', data: { documentId: payload.documentId }, meta },
            causation,
            options,
          ),
        );
      case 'account.closure': {
        const outcome = await send(
          new AccountCommandMessage(
            payload.accountId,
            { type: 'CloseAccount', data: {}, meta },
            causation,
            options,
          ),
        );
        // The identity context then erases closed accounts and ends their sessions.
        if (outcome.result === 'done') await this.commandBus.execute(new CloseDueAccountsCommand());
        return outcome;
      }
      default:
        return assertNever(payload);
    }
  }
}
