import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { uploadFile } from '../../support/files';
import { TestApp } from '../../support/test-app';

const REQUIRED_KINDS = ['kbis_or_cfe', 'rib', 'urssaf_vigilance', 'tax_compliance', 'rc_pro'];

/** A provider whose every required document was submitted and approved (seeded in the identity stream). */
export async function seedVerifiedProvider(t: TestApp, providerId: string): Promise<void> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const at = new Date(Date.now() - 86_400_000).toISOString();
  const events = REQUIRED_KINDS.flatMap((kind) => {
    const documentId = randomUUID();
    return [
      {
        id: randomUUID(),
        type: 'DocumentSubmitted',
        data: { providerId, documentId, kind, uploadRef: `uploads/${kind}.pdf`, submittedAt: at },
      },
      {
        id: randomUUID(),
        type: 'DocumentApproved',
        data: {
          providerId,
          documentId,
          kind,
          reviewedBy: 'seed-admin',
          approvedAt: at,
          expiresAt: null,
        },
      },
    ];
  });
  await store.appendToStream(`verification-${providerId}`, events, { expectedRevision: 'any' });
}

export interface Party {
  id: string;
  token: string;
}

export async function party(
  t: TestApp,
  role: 'client' | 'provider' | 'admin' | 'mediator' | 'finance',
  verified = role === 'provider',
): Promise<Party> {
  const id = randomUUID();
  if (verified) await seedVerifiedProvider(t, id);
  return { id, token: await t.tokenFor({ accountId: id, roles: [role] }) };
}

export const GIG_INPUT = {
  kind: 'package',
  title: 'Business plan complet',
  priceCents: 45_000,
  category: 'finance-gestion',
  description: 'Étude de marché et prévisionnel sur 3 ans.',
  deliveryDays: 7,
  openingMessage: 'Merci pour votre commande ! Envoyez-moi vos chiffres clés.',
  extras: [
    { extraId: 'express', name: 'Livraison express', priceCents: 4_900, deltaDays: -2 },
    { extraId: 'slides', name: '5 slides de synthèse', priceCents: 2_501, deltaDays: 1 },
  ],
};

export async function publishedGig(
  t: TestApp,
  seller: Party,
  input: Record<string, unknown> = {},
): Promise<string> {
  // A reference makes each gig distinct, so a seller's fixtures are not refused as near-duplicates.
  const description = `${GIG_INPUT.description} Réf. ${randomUUID()}`;
  const created = await t.request('POST', '/gigs', {
    token: seller.token,
    body: { ...GIG_INPUT, description, ...input },
  });
  if (created.status !== 201) throw new Error(`create gig: ${created.status} ${created.text}`);
  const published = await t.request('POST', `/gigs/${created.body.gigId}/publish`, {
    token: seller.token,
  });
  if (published.status !== 200)
    throw new Error(`publish gig: ${published.status} ${published.text}`);
  return created.body.gigId as string;
}

export async function placedOrder(
  t: TestApp,
  buyer: Party,
  gigId: string,
  extraIds: string[] = [],
): Promise<string> {
  const placed = await t.request('POST', '/orders', {
    token: buyer.token,
    body: { gigId, extraIds, paymentMethod: 'pm_card_visa' },
    idempotencyKey: randomUUID(),
  });
  if (placed.status !== 201) throw new Error(`place order: ${placed.status} ${placed.text}`);
  return placed.body.orderId as string;
}

export async function deliveredOrder(
  t: TestApp,
  buyer: Party,
  seller: Party,
  gigId: string,
): Promise<string> {
  const orderId = await placedOrder(t, buyer, gigId);
  const started = await t.request('POST', `/orders/${orderId}/start`, { token: seller.token });
  if (started.status !== 200) throw new Error(`start: ${started.status} ${started.text}`);
  const delivered = await t.request('POST', `/orders/${orderId}/deliveries`, {
    token: seller.token,
    body: {
      message: 'Voici le livrable',
      fileRefs: [await uploadFile(t, seller.token, 'deliverable')],
    },
  });
  if (delivered.status !== 201) throw new Error(`deliver: ${delivered.status} ${delivered.text}`);
  return orderId;
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
