import { DynamicModule } from '@nestjs/common';
import { AppConfig } from './infrastructure/config/config';
import { BillingModule } from './modules/billing.module';
import { CatalogModule } from './modules/catalog.module';
import { CreditsModule } from './modules/credits.module';
import { DisputesModule } from './modules/disputes.module';
import { EscrowModule } from './modules/escrow.module';
import { FilesModule } from './modules/files.module';
import { HourPacksModule } from './modules/hour-packs.module';
import { IdentityModule } from './modules/identity.module';
import { MissionDispatchModule } from './modules/mission-dispatch.module';
import { MissionMoneyModule } from './modules/mission-money.module';
import { MissionOffersModule } from './modules/mission-offers.module';
import { MissionsModule } from './modules/missions.module';
import { MissionReadsModule } from './modules/mission-reads.module';
import { OrdersModule } from './modules/orders.module';
import { PlanCatalogModule } from './modules/plan-catalog.module';
import { PaymentsModule } from './modules/payments.module';
import { PayoutsModule } from './modules/payouts.module';
import { PlatformModule } from './modules/platform.module';
import { SchedulingModule } from './modules/scheduling.module';
import { SolidarityPartnersModule } from './modules/solidarity-partners.module';
import { SolidarityMissionsModule } from './modules/solidarity-missions.module';
import { SolidarityPotModule } from './modules/solidarity-pot.module';
import { SubscriptionsModule } from './modules/subscriptions.module';
import { TenderFeesModule } from './modules/tender-fees.module';
import { TenderPaymentRequestsModule } from './modules/tender-payment-requests.module';
import { TenderDigestModule } from './modules/tender-digest.module';
import { TenderProjectsModule } from './modules/tender-projects.module';
import { TenderBidsModule } from './modules/tender-bids.module';
import { TenderCertificationModule } from './modules/tender-certification.module';
import { TenderAccountModule } from './modules/tender-account.module';

/** Each bounded context's Nest module; every one is given the validated configuration. */
export interface ContextModule {
  forRoot(config: AppConfig): DynamicModule;
}

/** The bounded contexts, each wiring everything it owns (see docs/architecture.md). */
export const BUSINESS_CONTEXTS: ContextModule[] = [
  IdentityModule,
  CatalogModule,
  OrdersModule,
  EscrowModule,
  DisputesModule,
  PayoutsModule,
  BillingModule,
  MissionDispatchModule,
  MissionOffersModule,
  MissionMoneyModule,
  MissionsModule,
  MissionReadsModule,
  PlanCatalogModule,
  CreditsModule,
  SubscriptionsModule,
  HourPacksModule,
  SolidarityPartnersModule,
  SolidarityMissionsModule,
  SolidarityPotModule,
  TenderFeesModule,
  TenderPaymentRequestsModule,
  TenderDigestModule,
  TenderProjectsModule,
  TenderBidsModule,
  TenderCertificationModule,
  TenderAccountModule,
];

/** What the contexts run on: jobs and queues, the payment gateway, uploaded files, health and the read-model runner. */
export const PLATFORM_MODULES: ContextModule[] = [
  SchedulingModule,
  PaymentsModule,
  FilesModule,
  PlatformModule,
];

export const CONTEXT_MODULES: ContextModule[] = [...BUSINESS_CONTEXTS, ...PLATFORM_MODULES];
