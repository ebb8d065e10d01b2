import { Injectable } from '@nestjs/common';
import { GatewayNotifications } from '../../application/payments/gateway-notifications.service';
import { GatewayNotification } from '../../application/payouts/gateway-notification';
import { SendPayoutJob } from '../../application/payouts/send-payout.job';
import { DeadlineJobs } from '../../application/scheduling/deadline-jobs';
import {
  DeadlineJob,
  JobOutcome,
  JobPayload,
  ReminderJob,
} from '../../application/scheduling/jobs';
import { ReminderJobs } from '../../application/scheduling/reminder-jobs';

/** Routes a job to the application service that runs its kind. */
@Injectable()
export class JobDispatcher {
  constructor(
    private readonly deadlines: DeadlineJobs,
    private readonly reminders: ReminderJobs,
    private readonly payouts: SendPayoutJob,
    private readonly notifications: GatewayNotifications,
  ) {}

  async run(jobId: string, payload: JobPayload): Promise<JobOutcome> {
    switch (payload.kind) {
      case 'payout.send':
        return this.payouts.run({ jobId, payload });
      case 'gateway.simulated-webhook': {
        const result = await this.notifications.handle(
          payload.notification as unknown as GatewayNotification,
        );
        return {
          result: 'done',
          detail: result.duplicate ? `duplicate: ${result.outcome}` : result.outcome,
        };
      }
      case 'order.seller-deadline-reminder':
      case 'order.buyer-delivery-reminder':
      case 'verification.document-expiry-reminder':
        return this.reminders.run({ jobId, payload: payload as ReminderJob });
      default:
        return this.deadlines.run({ jobId, payload: payload as DeadlineJob });
    }
  }
}
