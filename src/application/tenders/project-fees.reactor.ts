import { Injectable, Logger } from '@nestjs/common';
import type {
  ProjectAmountRevised,
  ProjectFeeChargeFailed,
  ProjectTermsConfirmed,
} from '../../domain/tenders';
import { NoRecipientError, Notifications } from '../notifications/notifications.port';
import { CausationContext } from '../shared/command-handling';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { feeLabel, NO_SAVED_PAYMENT_METHOD, ProjectFeesService } from './project-fees.service';

export const PROJECT_FEES_TRIGGERS = [
  'ProjectTermsConfirmed',
  'ProjectAmountRevised',
  'ProjectFeeChargeFailed',
] as const;

/**
 * The fees of a signed project (docs/tenders-fees.md):
 * - `ProjectTermsConfirmed` charges the finder's fee and the R0 option to the payer's saved card;
 * - `ProjectAmountRevised` refunds each charged fee down to the fee on the new amount;
 * - `ProjectFeeChargeFailed` tells the payer, who pays again on the project's fees page.
 * Idempotent: gateway keys and event ids derive from the charge or the causing event.
 */
@Injectable()
export class ProjectFeesReactor implements Reactor {
  readonly name = 'tenders.project-fees';
  readonly filter = {
    categories: ['project', 'project_fees'],
    eventTypePrefixes: [...PROJECT_FEES_TRIGGERS],
  };
  private readonly logger = new Logger('ProjectFees');

  constructor(
    private readonly fees: ProjectFeesService,
    private readonly notifications: Notifications,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    const causation: CausationContext = {
      correlationId: String(event.metadata.correlationId ?? event.id),
      causationId: event.id,
    };
    switch (event.type) {
      case 'ProjectTermsConfirmed': {
        const d = event.data as ProjectTermsConfirmed['data'];
        await this.fees.chargeOnSignature(d.projectId, d.fees, causation, event.id);
        return;
      }
      case 'ProjectAmountRevised':
        await this.fees.refundOnRevision(
          event.data as ProjectAmountRevised['data'],
          causation,
          event.id,
        );
        return;
      case 'ProjectFeeChargeFailed':
        await this.tell(event);
        return;
      default:
        return;
    }
  }

  private async tell(event: RecordedEvent): Promise<void> {
    const d = event.data as ProjectFeeChargeFailed['data'];
    const project = await this.fees.project(d.projectId);
    try {
      await this.notifications.send({
        to: { accountId: d.payerId },
        template: 'tenders.fee_charge_failed',
        data: {
          projectId: d.projectId,
          kind: d.kind,
          label: feeLabel(d.kind, project?.title),
          amountCents: d.amountCents,
          code: d.code,
          noSavedCard: d.code === NO_SAVED_PAYMENT_METHOD,
        },
        idempotencyKey: `tenders.fee_charge_failed-${event.id}`,
      });
    } catch (error) {
      if (error instanceof NoRecipientError) this.logger.warn(`no e-mail for ${d.payerId}`);
      else throw error;
    }
  }
}
