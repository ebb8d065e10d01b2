import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  GatewayWebhookEmitter,
  NoWebhookEmitter,
} from '../application/payouts/gateway-webhook-emitter.port';
import { PayoutSettlementReactor } from '../application/payouts/payout-settlement.reactor';
import { PayoutCommandHandler } from '../application/payouts/payout.handler';
import { SendPayoutJob } from '../application/payouts/send-payout.job';
import { WalletCreditingReactor } from '../application/payouts/wallet-crediting.reactor';
import { WalletCommandHandler } from '../application/payouts/wallet.handler';
import { Withdrawals } from '../application/payouts/withdrawals.service';
import { JobHandlers } from '../application/scheduling/job-handlers.port';
import { ReactorRegistry } from '../application/shared/reactor';
import { AppConfig } from '../infrastructure/config/config';
import { PayoutsController } from '../interfaces/http/payouts/payouts.controller';
import { SimulatedWebhookEmitter } from '../interfaces/workers/simulated-webhook.emitter';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';

/**
 * Payouts: the seller's wallet (credited when escrow is released), withdrawal accounts and
 * payouts (commands, the reactors, the `payout.send` job the scheduler runs, the simulated
 * gateway's payout webhooks), the payouts API and the wallets read model. Global, so
 * other contexts reach `Withdrawals`.
 * Publishes `wallet.messages.ts` and `payout.messages.ts`.
 */
@Module({})
export class PayoutsModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PayoutsModule,
      global: true,
      imports: [CqrsModule],
      controllers: [PayoutsController],
      providers: [
        {
          provide: GatewayWebhookEmitter,
          useClass: config.STRIPE_SECRET_KEY ? NoWebhookEmitter : SimulatedWebhookEmitter,
        },
        WalletCommandHandler,
        PayoutCommandHandler,
        Withdrawals,
        SendPayoutJob,
        WalletCreditingReactor,
        PayoutSettlementReactor,
      ],
      exports: [Withdrawals],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly walletCrediting: WalletCreditingReactor,
    private readonly settlement: PayoutSettlementReactor,
    private readonly jobs: JobHandlers,
    private readonly sendPayout: SendPayoutJob,
  ) {}

  onModuleInit(): void {
    for (const reactor of [this.walletCrediting, this.settlement]) this.reactors.register(reactor);
    for (const projection of contextProjections('payouts')) this.projections.register(projection);
    this.jobs.register('payout.send', (job) => this.sendPayout.run(job));
  }
}
