import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { JobHandlers } from '../application/scheduling/job-handlers.port';
import { ReactorRegistry } from '../application/shared/reactor';
import { GatewayNotification } from '../application/payouts/gateway-notification';
import { AppConfig } from '../infrastructure/config/config';
import { PaymentsModule as PaymentGatewayModule } from '../infrastructure/payments/payments.module';
import { GatewayLogCommandHandler } from '../application/payments/gateway-log.handler';
import { GatewayNotifications } from '../application/payments/gateway-notifications.service';
import { PaymentRefsReactor } from '../application/payments/payment-refs.reactor';
import { PlanChargeRefsReactor } from '../application/payments/plan-charge-refs.reactor';
import { StripeWebhookController } from '../interfaces/http/webhooks/stripe-webhook.controller';
import { PayPalWebhookController } from '../interfaces/http/webhooks/paypal-webhook.controller';

/**
 * The payment gateway (Stripe or the simulated one) and what it tells us: the webhook
 * endpoint, the notification handling and the payment references it needs, and the simulated
 * gateway's webhook job it registers with the scheduler. Global, so every context reaches the
 * `PaymentGateway` port.
 */
@Module({})
export class PaymentsModule implements OnModuleInit {
  static forRoot(_config: AppConfig): DynamicModule {
    return {
      module: PaymentsModule,
      global: true,
      imports: [CqrsModule, PaymentGatewayModule],
      controllers: [StripeWebhookController, PayPalWebhookController],
      providers: [
        GatewayLogCommandHandler,
        GatewayNotifications,
        PaymentRefsReactor,
        PlanChargeRefsReactor,
      ],
      exports: [PaymentGatewayModule],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly paymentRefs: PaymentRefsReactor,
    private readonly planChargeRefs: PlanChargeRefsReactor,
    private readonly jobs: JobHandlers,
    private readonly notifications: GatewayNotifications,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.paymentRefs);
    this.reactors.register(this.planChargeRefs);
    // The simulated gateway's webhooks arrive as jobs, so they are handled like signed ones.
    this.jobs.register('gateway.simulated-webhook', async ({ payload }) => {
      const result = await this.notifications.handle(
        payload.notification as unknown as GatewayNotification,
      );
      return {
        result: 'done',
        detail: result.duplicate ? `duplicate: ${result.outcome}` : result.outcome,
      };
    });
  }
}
