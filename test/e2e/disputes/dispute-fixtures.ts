import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { AccountRole } from '../../../src/interfaces/http/auth/actor';
import { samplePng, uploadFile } from '../../support/files';
import { TestApp } from '../../support/test-app';
import { seedVerifiedProvider } from '../orders/marketplace-fixtures';

export interface Account {
  id: string;
  token: string;
}

export async function account(t: TestApp, role: AccountRole): Promise<Account> {
  const id = randomUUID();
  if (role === 'provider') await seedVerifiedProvider(t, id);
  return { id, token: await t.tokenFor({ accountId: id, roles: [role] }) };
}

function expectStatus(what: string, res: { status: number; text: string }, status: number): void {
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text}`);
}

/** A published gig of €450.00 (10 % commission), ordered, started and delivered through the HTTP API. */
export async function deliveredOrder(
  t: TestApp,
  buyer: Account,
  seller: Account,
  priceCents = 45_000,
): Promise<{ orderId: string; escrowId: string }> {
  const gig = await t.request('POST', '/gigs', {
    token: seller.token,
    body: {
      kind: 'package',
      title: 'Identité visuelle complète',
      priceCents,
      category: 'graphisme-design',
      // A reference makes each fixture gig distinct, so a seller's second one is no near-duplicate.
      description: `Logo, charte et déclinaisons. Réf. ${randomUUID()}`,
      deliveryDays: 5,
      extras: [],
    },
  });
  expectStatus('create gig', gig, 201);
  expectStatus(
    'publish gig',
    await t.request('POST', `/gigs/${gig.body.gigId}/publish`, { token: seller.token }),
    200,
  );
  const placed = await t.request('POST', '/orders', {
    token: buyer.token,
    body: { gigId: gig.body.gigId, extraIds: [], paymentMethod: 'pm_card_visa' },
    idempotencyKey: randomUUID(),
  });
  expectStatus('place order', placed, 201);
  const orderId = placed.body.orderId as string;
  expectStatus(
    'start',
    await t.request('POST', `/orders/${orderId}/start`, { token: seller.token }),
    200,
  );
  const delivered = await t.request('POST', `/orders/${orderId}/deliveries`, {
    token: seller.token,
    body: {
      message: 'Voici le logo et la charte',
      fileRefs: [await uploadFile(t, seller.token, 'deliverable', samplePng(), 'logo.png')],
    },
  });
  expectStatus('deliver', delivered, 201);
  return { orderId, escrowId: placed.body.escrowId as string };
}

/** Every movement the simulated gateway recorded for one escrow. */
export async function gatewayOperations(
  t: TestApp,
  escrowId: string,
): Promise<{ operation: string; request: any; response: any }[]> {
  const { rows } = await t.db.pool.query(
    `SELECT operation, request, response FROM simulated_gateway_operations WHERE request ->> 'escrowId' = $1 ORDER BY created_at`,
    [escrowId],
  );
  return rows;
}

export async function walletCredits(t: TestApp, providerId: string): Promise<number> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const events = await store.readStream(`wallet-${providerId}`).catch(() => []);
  return events
    .filter((e) => e.type === 'WalletCredited')
    .reduce((sum, e) => sum + (e.data as { amountCents: number }).amountCents, 0);
}
