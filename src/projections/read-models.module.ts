import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../infrastructure/config/config';
import { CatalogSearchController } from '../interfaces/http/read-models/catalog-search.controller';
import { DashboardsController } from '../interfaces/http/read-models/dashboards.controller';
import { FinanceController } from '../interfaces/http/read-models/finance.controller';
import { InvoicesController } from '../interfaces/http/read-models/invoices.controller';
import { MediationQueueController } from '../interfaces/http/read-models/mediation-queue.controller';
import { ProjectionsController } from '../interfaces/http/read-models/projections.controller';
import { ProjectionsService } from './projections.service';

/** Read models: the projection runner (in `projectors` processes) and the query endpoints (everywhere). */
@Module({})
export class ReadModelsModule {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: ReadModelsModule,
      controllers: [
        DashboardsController,
        CatalogSearchController,
        MediationQueueController,
        FinanceController,
        InvoicesController,
        ProjectionsController,
      ],
      providers: [ProjectionsService],
      exports: [ProjectionsService],
    };
  }
}
