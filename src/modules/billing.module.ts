import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../infrastructure/config/config';
import { FinanceController } from '../interfaces/http/billing/finance.controller';
import { InvoicesController } from '../interfaces/http/billing/invoices.controller';
import { PlanFinanceController } from '../interfaces/http/billing/plan-finance.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';

/**
 * Billing: the double-entry ledger, the invoices (orders', missions' and the platform's own sales)
 * and the plans' finance view (docs/plans-billing.md), read models built from the other contexts'
 * events, and the finance and invoice endpoints that read them. No commands.
 */
@Module({})
export class BillingModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: BillingModule,
      controllers: [FinanceController, InvoicesController, PlanFinanceController],
    };
  }

  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    for (const projection of contextProjections('billing')) this.projections.register(projection);
  }
}
