import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FileAccessPolicies } from '../application/files/file-references.contract';
import { GetAccountContactHandler } from '../application/identity/account-contact.query';
import { ReactorRegistry } from '../application/shared/reactor';
import { BidsReader } from '../application/tenders/bids-reader.port';
import {
  OfferCommandHandler,
  ProjectReportCommandHandler,
} from '../application/tenders/bids.handlers';
import { BidsService } from '../application/tenders/bids.service';
import { ReportFileAccess } from '../application/tenders/report-file-access';
import { SelectionNoticesReactor } from '../application/tenders/selection-notices.reactor';
import { AppConfig } from '../infrastructure/config/config';
import { BidsController } from '../interfaces/http/tenders/bids.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';
import { ReadModelBidsReader } from '../projections/tender-bids/tender-bids.queries';

const TENDER_BIDS_PROJECTION = 'tender_bids';

/**
 * Tenders, bids side (issue 17, docs/tenders-bids.md): the offer aggregate
 * (`project_offer-<offerId>`), the project report (`project_report-<projectId>`), the credits
 * spent through `CREDIT_SPENDING` to consult, bid and reach the client, the `tender_bids` read
 * model, the file policy of report attachments and the selection notices (lost / won).
 */
@Module({})
export class TenderBidsModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: TenderBidsModule,
      imports: [CqrsModule],
      controllers: [BidsController],
      providers: [
        OfferCommandHandler,
        ProjectReportCommandHandler,
        GetAccountContactHandler,
        BidsService,
        { provide: BidsReader, useClass: ReadModelBidsReader },
        ReportFileAccess,
        SelectionNoticesReactor,
      ],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly filePolicies: FileAccessPolicies,
    private readonly fileAccess: ReportFileAccess,
    private readonly reactor: SelectionNoticesReactor,
  ) {}

  /** Only its own read model: the other tenders modules register theirs. */
  onModuleInit(): void {
    this.reactors.register(this.reactor);
    this.filePolicies.register('project_report', this.fileAccess);
    for (const projection of contextProjections('tenders'))
      if (projection.name === TENDER_BIDS_PROJECTION) this.projections.register(projection);
  }
}
