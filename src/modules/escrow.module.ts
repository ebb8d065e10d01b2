import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EscrowGatewayReactor } from '../application/escrow/escrow-gateway.reactor';
import { EscrowCommandHandler } from '../application/escrow/escrow.handler';
import { GetEscrowHandler } from '../application/escrow/escrow.queries';
import { ReactorRegistry } from '../application/shared/reactor';
import { AppConfig } from '../infrastructure/config/config';

/**
 * Escrow: the money an order holds (commands, the `GetEscrowQuery` contract) and the reactor
 * that moves it through the payment gateway. No HTTP of its own: orders and disputes drive it.
 */
@Module({})
export class EscrowModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: EscrowModule,
      imports: [CqrsModule],
      providers: [EscrowCommandHandler, GetEscrowHandler, EscrowGatewayReactor],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly gateway: EscrowGatewayReactor,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.gateway);
  }
}
