import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReactorRegistry } from '../application/shared/reactor';
import { ProjectFeesCommandHandler } from '../application/tenders/project-fees.handler';
import { ProjectFeesReactor } from '../application/tenders/project-fees.reactor';
import { ProjectFeesService } from '../application/tenders/project-fees.service';
import { SAVED_PAYMENT_METHODS } from '../application/tenders/saved-payment-methods.port';
import { AppConfig } from '../infrastructure/config/config';
import { ProjectFeesController } from '../interfaces/http/tenders/project-fees.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';
import { TENDER_FEES_PROJECTION } from '../projections/tender-fees/tender-fees.projection';
import { TenderFeesReader } from '../projections/tender-fees/tender-fees.queries';

/**
 * Tenders, money side (seed 003, docs/tenders-fees.md): the `project_fees-<projectId>` stream
 * (finder's fee and R0 option charged at signature, refused charges, refunds after a lower
 * amount), its reactor, the payer's "pay again", the fees page and finance's list, and the
 * `tender_fees` read model. Invoices and ledger postings live in the billing projections.
 */
@Module({})
export class TenderFeesModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: TenderFeesModule,
      imports: [CqrsModule],
      controllers: [ProjectFeesController],
      providers: [
        ProjectFeesCommandHandler,
        ProjectFeesService,
        ProjectFeesReactor,
        TenderFeesReader,
        { provide: SAVED_PAYMENT_METHODS, useExisting: TenderFeesReader },
      ],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly reactor: ProjectFeesReactor,
  ) {}

  /** Only its own read model: the other tenders modules register theirs. */
  onModuleInit(): void {
    this.reactors.register(this.reactor);
    for (const projection of contextProjections('tenders'))
      if (projection.name === TENDER_FEES_PROJECTION) this.projections.register(projection);
  }
}
