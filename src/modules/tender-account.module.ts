import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectAccountService } from '../application/tenders/project-account.service';
import { AppConfig } from '../infrastructure/config/config';
import { TenderAccountController } from '../interfaces/http/tenders/tender-account.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';

const TENDER_ACCOUNTS_PROJECTION = 'tender_accounts';

/**
 * Tenders, R0 account (issue 17, docs/tenders-r0.md): funding a signed R0 project's account by
 * tranches (a card charge, then the project's escrow with no commission), "gestion paiements"
 * (the `tender_accounts` read model), releasing a tranche, and opening a dispute with the SMA
 * (the disputes context's `OpenProjectDispute`).
 */
@Module({})
export class TenderAccountModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: TenderAccountModule,
      imports: [CqrsModule],
      controllers: [TenderAccountController],
      providers: [ProjectAccountService],
    };
  }

  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  /** Only its own read model: the other tenders modules register theirs. */
  onModuleInit(): void {
    for (const projection of contextProjections('tenders'))
      if (projection.name === TENDER_ACCOUNTS_PROJECTION) this.projections.register(projection);
  }
}
