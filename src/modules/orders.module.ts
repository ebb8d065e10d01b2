import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AcceptCustomOfferHandler } from '../application/orders/accept-custom-offer.handler';
import { CustomRequestCommandHandler } from '../application/orders/custom-request.handler';
import { GetCustomRequestHandler } from '../application/orders/custom-request.queries';
import { OrderFunding } from '../application/orders/order-funding.service';
import { OrderFundsArrivedHandler } from '../application/orders/order-funds-arrived.handler';
import { ORDER_SETTINGS, OrderSettings } from '../application/orders/order-settings';
import { OrderSettlementReactor } from '../application/orders/order-settlement.reactor';
import { OrderFileAccess } from '../application/orders/order-file-access';
import { OrderCommandHandler } from '../application/orders/order.handler';
import { FileAccessPolicies } from '../application/files/file-references.contract';
import {
  GetOrderFundingHandler,
  GetOrderHandler,
  ListOrderMessagesHandler,
} from '../application/orders/order.queries';
import { PlaceGigOrderHandler } from '../application/orders/place-gig-order.handler';
import { ReactorRegistry } from '../application/shared/reactor';
import { AppConfig } from '../infrastructure/config/config';
import { CustomRequestsController } from '../interfaces/http/orders/custom-requests.controller';
import { DashboardsController } from '../interfaces/http/orders/dashboards.controller';
import { OrdersController } from '../interfaces/http/orders/orders.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';

const INVITATION_TTL_DAYS = 7;

/**
 * Orders: gig orders and custom requests (commands, queries, the settlement reactor), their
 * HTTP API, the buyer and seller dashboards and the orders read model. Publishes
 * `order.messages.ts` and `custom-request.messages.ts`.
 */
@Module({})
export class OrdersModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    const settings: OrderSettings = {
      catalogCommissionBp: config.CATALOG_COMMISSION_BP,
      customCommissionBp: config.CUSTOM_COMMISSION_BP,
      invitationTtlDays: INVITATION_TTL_DAYS,
      fundsWindowHours: config.ORDER_FUNDS_WINDOW_HOURS,
    };
    return {
      module: OrdersModule,
      imports: [CqrsModule],
      controllers: [OrdersController, CustomRequestsController, DashboardsController],
      providers: [
        { provide: ORDER_SETTINGS, useValue: settings },
        OrderCommandHandler,
        CustomRequestCommandHandler,
        OrderFunding,
        OrderFundsArrivedHandler,
        PlaceGigOrderHandler,
        AcceptCustomOfferHandler,
        GetOrderHandler,
        GetOrderFundingHandler,
        ListOrderMessagesHandler,
        GetCustomRequestHandler,
        OrderSettlementReactor,
        OrderFileAccess,
      ],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly settlement: OrderSettlementReactor,
    private readonly filePolicies: FileAccessPolicies,
    private readonly fileAccess: OrderFileAccess,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.settlement);
    this.filePolicies.register('order', this.fileAccess);
    for (const projection of contextProjections('orders')) this.projections.register(projection);
  }
}
