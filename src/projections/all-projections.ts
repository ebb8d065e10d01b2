import { CatalogProjection } from './catalog/catalog.projection';
import { InvoicesProjection } from './invoices/invoices.projection';
import { LedgerProjection } from './ledger/ledger.projection';
import { MediationProjection } from './mediation/mediation.projection';
import { OrdersProjection } from './orders/orders.projection';
import { ProfilesProjection } from './profiles/profiles.projection';
import { Projection } from './runner/projection';
import { WalletsProjection } from './wallets/wallets.projection';

/** Every read model, in the order they are listed on /health and rebuilt by `projections rebuild all`. */
export function allProjections(): Projection[] {
  return [
    new OrdersProjection(),
    new CatalogProjection(),
    new ProfilesProjection(),
    new WalletsProjection(),
    new MediationProjection(),
    new LedgerProjection(),
    new InvoicesProjection(),
  ];
}

export function projectionsNamed(name: string): Projection[] {
  const all = allProjections();
  if (name === 'all') return all;
  return all.filter((p) => p.name === name);
}
