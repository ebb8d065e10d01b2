import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReactorRegistry } from '../application/shared/reactor';
import { AppConfig } from '../infrastructure/config/config';
import { PaymentsModule as PaymentGatewayModule } from '../infrastructure/payments/payments.module';
import { GatewayLogCommandHandler } from '../application/payments/gateway-log.handler';
import { GatewayNotifications } from '../application/payments/gateway-notifications.service';
import { PaymentRefsReactor } from '../application/payments/payment-refs.reactor';
import { StripeWebhookController } from '../interfaces/http/webhooks/stripe-webhook.controller';

/**
 * The payment gateway (Stripe or the simulated one) and what it tells us: the webhook
 * endpoint, the notification handling and the payment references it needs. Global, so every
 * context reaches the `PaymentGateway` port and the job dispatcher the notifications.
 */
@Module({})
export class PaymentsModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: PaymentsModule,
      global: true,
      imports: [CqrsModule, PaymentGatewayModule],
      controllers: [StripeWebhookController],
      providers: [GatewayLogCommandHandler, GatewayNotifications, PaymentRefsReactor],
      exports: [PaymentGatewayModule, GatewayNotifications],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly paymentRefs: PaymentRefsReactor,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.paymentRefs);
  }
}
