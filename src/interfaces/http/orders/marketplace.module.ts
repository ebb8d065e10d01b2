import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GigCommandHandler } from '../../../application/catalog/gig.handler';
import { GetGigHandler } from '../../../application/catalog/gig.query';
import { ProviderVerificationPort } from '../../../application/catalog/provider-verification.port';
import { QueryBusProviderVerification } from '../../../application/catalog/query-bus-provider-verification';
import { EscrowGatewayReactor } from '../../../application/escrow/escrow-gateway.reactor';
import { EscrowCommandHandler } from '../../../application/escrow/escrow.handler';
import { GetEscrowHandler } from '../../../application/escrow/escrow.queries';
import { AcceptCustomOfferHandler } from '../../../application/orders/accept-custom-offer.handler';
import { CustomRequestCommandHandler } from '../../../application/orders/custom-request.handler';
import { GetCustomRequestHandler } from '../../../application/orders/custom-request.queries';
import { OrderFunding } from '../../../application/orders/order-funding.service';
import { ORDER_SETTINGS, OrderSettings } from '../../../application/orders/order-settings';
import { OrderSettlementReactor } from '../../../application/orders/order-settlement.reactor';
import { OrderCommandHandler } from '../../../application/orders/order.handler';
import {
  GetOrderHandler,
  ListOrderMessagesHandler,
} from '../../../application/orders/order.queries';
import { PlaceGigOrderHandler } from '../../../application/orders/place-gig-order.handler';
import { WalletCreditingReactor } from '../../../application/payouts/wallet-crediting.reactor';
import { WalletCommandHandler } from '../../../application/payouts/wallet.handler';
import { ReactorRegistry } from '../../../application/shared/reactor';
import { AppConfig } from '../../../infrastructure/config/config';
import { PaymentsModule } from '../../../infrastructure/payments/payments.module';
import { CustomRequestsController } from './custom-requests.controller';
import { GigsController } from './gigs.controller';
import { OrdersController } from './orders.controller';

const INVITATION_TTL_DAYS = 7;

/** The expert marketplace: gigs (catalog), orders and custom requests, their escrow and the wallet credits. */
@Module({})
export class MarketplaceModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    const settings: OrderSettings = {
      catalogCommissionBp: config.CATALOG_COMMISSION_BP,
      customCommissionBp: config.CUSTOM_COMMISSION_BP,
      invitationTtlDays: INVITATION_TTL_DAYS,
    };
    return {
      module: MarketplaceModule,
      imports: [CqrsModule, PaymentsModule],
      controllers: [GigsController, OrdersController, CustomRequestsController],
      providers: [
        { provide: ORDER_SETTINGS, useValue: settings },
        { provide: ProviderVerificationPort, useClass: QueryBusProviderVerification },
        GigCommandHandler,
        GetGigHandler,
        OrderCommandHandler,
        CustomRequestCommandHandler,
        EscrowCommandHandler,
        WalletCommandHandler,
        OrderFunding,
        PlaceGigOrderHandler,
        AcceptCustomOfferHandler,
        GetOrderHandler,
        ListOrderMessagesHandler,
        GetCustomRequestHandler,
        GetEscrowHandler,
        OrderSettlementReactor,
        EscrowGatewayReactor,
        WalletCreditingReactor,
      ],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly settlement: OrderSettlementReactor,
    private readonly gateway: EscrowGatewayReactor,
    private readonly walletCrediting: WalletCreditingReactor,
  ) {}

  onModuleInit(): void {
    for (const reactor of [this.settlement, this.gateway, this.walletCrediting])
      this.reactors.register(reactor);
  }
}
