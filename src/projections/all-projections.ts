import { CatalogProjection } from './catalog/catalog.projection';
import { CreditLedgerProjection } from './credits/credits.projection';
import { DispatchProjection } from './dispatch/dispatch.projection';
import { HourPacksProjection } from './hour-packs/hour-packs.projection';
import { InvoicesProjection } from './invoices/invoices.projection';
import { LedgerProjection } from './ledger/ledger.projection';
import { MediationProjection } from './mediation/mediation.projection';
import { MissionsProjection } from './missions/missions.projection';
import { OrdersProjection } from './orders/orders.projection';
import { PlanFinanceProjection } from './plan-finance/plan-finance.projection';
import { PlansProjection } from './plans/plans.projection';
import { ProfilesProjection } from './profiles/profiles.projection';
import { Projection } from './runner/projection';
import { ServiceTypesProjection } from './service-types/service-types.projection';
import { SolidarityPartnersProjection } from './solidarity-partners/solidarity-partners.projection';
import { SolidarityMissionsProjection } from './solidarity-missions/solidarity-missions.projection';
import { SolidarityPotProjection } from './solidarity-pot/solidarity-pot.projection';
import { TenderPaymentRequestsProjection } from './tender-payment-requests/tender-payment-requests.projection';
import { SubscriptionsProjection } from './subscriptions/subscriptions.projection';
import { TenderFeesProjection } from './tender-fees/tender-fees.projection';
import { TenderDigestProjection } from './tender-digest/tender-digest.projection';
import { TenderProjectsProjection } from './tender-projects/tender-projects.projection';
import { TenderBidsProjection } from './tender-bids/tender-bids.projection';
import { TenderCertificationProjection } from './tender-certification/tender-certification.projection';
import { WalletsProjection } from './wallets/wallets.projection';
import { TenderAccountsProjection } from './tender-accounts/tender-accounts.projection';

/**
 * The read models each context owns: its module registers them, and the read-model migration,
 * the CLI and the runner's order all read this one table.
 */
const PROJECTIONS_BY_CONTEXT = {
  orders: () => [new OrdersProjection()],
  catalog: () => [new CatalogProjection()],
  identity: () => [new ProfilesProjection()],
  payouts: () => [new WalletsProjection()],
  disputes: () => [new MediationProjection()],
  billing: () => [new LedgerProjection(), new InvoicesProjection(), new PlanFinanceProjection()],
  missions: () => [
    new DispatchProjection(),
    new ServiceTypesProjection(),
    new MissionsProjection(),
  ],
  plans: () => [
    new PlansProjection(),
    new CreditLedgerProjection(),
    new SubscriptionsProjection(),
    new HourPacksProjection(),
  ],
  solidarity: () => [
    new SolidarityPartnersProjection(),
    new SolidarityMissionsProjection(),
    new SolidarityPotProjection(),
  ],
  tenders: () => [
    new TenderFeesProjection(),
    new TenderPaymentRequestsProjection(),
    new TenderDigestProjection(),
    new TenderProjectsProjection(),
    new TenderBidsProjection(),
    new TenderCertificationProjection(),
    new TenderAccountsProjection(),
  ],
} satisfies Record<string, () => Projection[]>;

export type ProjectionContext = keyof typeof PROJECTIONS_BY_CONTEXT;

/** Fresh instances of the projections a context owns. */
export function contextProjections(context: ProjectionContext): Projection[] {
  return PROJECTIONS_BY_CONTEXT[context]();
}

/** Every read model, in the order they are listed on /health and rebuilt by `projections rebuild all`. */
export function allProjections(): Projection[] {
  return Object.values(PROJECTIONS_BY_CONTEXT).flatMap((projections): Projection[] =>
    projections(),
  );
}

export function projectionsNamed(name: string): Projection[] {
  const all = allProjections();
  if (name === 'all') return all;
  return all.filter((p) => p.name === name);
}
