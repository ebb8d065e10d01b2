import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CreditAdminService } from '../application/plans/credit-admin.service';
import { CreditSpendingService } from '../application/plans/credit-spending.service';
import { CreditsCommandHandler } from '../application/plans/credits.handler';
import { CREDIT_SPENDING } from '../application/plans/credits.port';
import { GetCreditLedgerHandler } from '../application/plans/credits.query';
import { CreditsReactor } from '../application/plans/credits.reactor';
import { ReactorRegistry } from '../application/shared/reactor';
import { AppConfig } from '../infrastructure/config/config';
import { CreditsController } from '../interfaces/http/plans/credits.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';
import { CreditLedgerProjection } from '../projections/credits/credits.projection';

const CREDIT_LEDGER = new CreditLedgerProjection().name;

/**
 * The credit ledger (issue 15 point 4, docs/plans-credits.md): one stream per provider account,
 * its command handler, the `plans.credits` reactor (period grants, freezes on a payment incident,
 * forfeit at account closure), the `credit_ledger` read model with the provider's and staff's
 * routes, and `CREDIT_SPENDING`, which the tenders context spends through. Global for that port.
 */
@Module({})
export class CreditsModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: CreditsModule,
      global: true,
      imports: [CqrsModule],
      controllers: [CreditsController],
      providers: [
        CreditsCommandHandler,
        GetCreditLedgerHandler,
        CreditAdminService,
        CreditSpendingService,
        { provide: CREDIT_SPENDING, useExisting: CreditSpendingService },
        CreditsReactor,
      ],
      exports: [CREDIT_SPENDING],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly reactor: CreditsReactor,
  ) {}

  /** Only the credit ledger of the `plans` read models: the other plans modules register theirs. */
  onModuleInit(): void {
    this.reactors.register(this.reactor);
    for (const projection of contextProjections('plans'))
      if (projection.name === CREDIT_LEDGER) this.projections.register(projection);
  }
}
