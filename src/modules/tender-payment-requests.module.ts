import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FileAccessPolicies } from '../application/files/file-references.contract';
import { ReactorRegistry } from '../application/shared/reactor';
import { PaymentRequestFileAccess } from '../application/tenders/payment-request-file-access';
import { PaymentRequestNoticesReactor } from '../application/tenders/payment-request-notices.reactor';
import { PaymentRequestPayoutReactor } from '../application/tenders/payment-request-payout.reactor';
import { PaymentRequestCommandHandler } from '../application/tenders/payment-request.handler';
import {
  PAYMENT_REQUEST_FILE_KIND,
  PaymentRequests,
} from '../application/tenders/payment-requests.service';
import { AppConfig } from '../infrastructure/config/config';
import { PaymentRequestsController } from '../interfaces/http/tenders/payment-requests.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';

const TENDER_PAYMENT_REQUESTS_PROJECTION = 'tender_payment_requests';

/**
 * Tenders, payment requests (issue 17, docs/tenders-payment-requests.md): the
 * `payment_request-<requestId>` aggregate (the provider's invoice for a release of a project's
 * internal account, finance's check), the reactor that pays an approved request out to the
 * provider's withdrawal account and records the transfer's outcome, the invoice file access for
 * finance, the dashboards and the `tender_payment_requests` read model.
 */
@Module({})
export class TenderPaymentRequestsModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: TenderPaymentRequestsModule,
      imports: [CqrsModule],
      controllers: [PaymentRequestsController],
      providers: [
        PaymentRequestCommandHandler,
        PaymentRequests,
        PaymentRequestPayoutReactor,
        PaymentRequestNoticesReactor,
        PaymentRequestFileAccess,
      ],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly files: FileAccessPolicies,
    private readonly payout: PaymentRequestPayoutReactor,
    private readonly notices: PaymentRequestNoticesReactor,
    private readonly fileAccess: PaymentRequestFileAccess,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.payout);
    this.reactors.register(this.notices);
    this.files.register(PAYMENT_REQUEST_FILE_KIND, this.fileAccess);
    for (const projection of contextProjections('tenders'))
      if (projection.name === TENDER_PAYMENT_REQUESTS_PROJECTION)
        this.projections.register(projection);
  }
}
