import { CommandBus } from '@nestjs/cqrs';
import { randomBytes, randomUUID } from 'node:crypto';
import { OrderCommandMessage } from '../../../../src/application/orders/order.messages';
import { ActorRole } from '../../../../src/domain/shared';
import { EventStore, RecordedEvent } from '../../../../src/application/shared/event-store.port';
import { TestApp } from '../../../support/test-app';

/** Polls until `probe` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A real account (so notifications find its e-mail address), registered through the API. */
export async function registerAccount(t: TestApp, roles: string[] = ['provider']): Promise<string> {
  const res = await t.request('POST', '/auth/register', {
    body: {
      email: `w${randomBytes(5).toString('hex')}@example.fr`,
      password: 'S3cure!pass-w0rd',
      displayName: 'Camille M.',
      roles,
    },
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`register: ${res.status} ${res.text}`);
  return res.body.accountId as string;
}

export const meta = (now: Date | string, actorId: string, actorRole: ActorRole) => ({
  now: new Date(now).toISOString(),
  actorId,
  actorRole,
});

/** A catalog order placed and started at `startedAt` (deliveryDueAt = startedAt + days), through the order's own handler. */
export async function startedOrder(
  bus: CommandBus,
  opts: { startedAt: Date; days?: number; buyerId?: string; sellerId?: string },
): Promise<{
  orderId: string;
  escrowId: string;
  buyerId: string;
  sellerId: string;
  deliveryDueAt: string;
}> {
  const orderId = randomUUID();
  const escrowId = randomUUID();
  const buyerId = opts.buyerId ?? randomUUID();
  const sellerId = opts.sellerId ?? randomUUID();
  const days = opts.days ?? 1;
  const causation = { correlationId: `test-${orderId}` };
  const placedAt = new Date(opts.startedAt.getTime() - 60_000);
  await bus.execute(
    new OrderCommandMessage(
      orderId,
      {
        type: 'PlaceOrder',
        data: {
          orderId,
          escrowId,
          buyerId,
          sellerId,
          source: {
            kind: 'catalog',
            gigId: randomUUID(),
            gigTitle: 'Logo',
            gigKind: 'package',
            unitPriceCents: 12_000,
            deliveryDays: days,
            extras: [],
          },
          commissionRateBp: 1_000,
        },
        meta: meta(placedAt, buyerId, 'client'),
      },
      causation,
    ),
  );
  await bus.execute(
    new OrderCommandMessage(
      orderId,
      {
        type: 'StartOrder',
        data: { orderId, sellerVerified: true, missingDocuments: [] },
        meta: meta(opts.startedAt, sellerId, 'provider'),
      },
      causation,
    ),
  );
  return {
    orderId,
    escrowId,
    buyerId,
    sellerId,
    deliveryDueAt: new Date(opts.startedAt.getTime() + days * 86_400_000).toISOString(),
  };
}

export async function deliver(
  bus: CommandBus,
  order: { orderId: string; sellerId: string },
  at: Date,
): Promise<string> {
  const deliveryId = randomUUID();
  await bus.execute(
    new OrderCommandMessage(
      order.orderId,
      {
        type: 'DeliverOrder',
        data: { orderId: order.orderId, deliveryId, message: 'Voici le livrable', fileRefs: [] },
        meta: meta(at, order.sellerId, 'provider'),
      },
      { correlationId: `test-${order.orderId}` },
    ),
  );
  return deliveryId;
}

/** Check digits for an IBAN body (ISO 13616 mod 97), so tests can build valid IBANs with chosen endings. */
export function ibanWithCheckDigits(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`;
  let remainder = 0;
  for (const char of rearranged) {
    const digits = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

/**
 * Waits for the worker to mark the order late and returns how long after its deadline it did
 * (the event's `markedAt` minus `deliveryDueAt`), with the event.
 */
export async function lateMarking(
  store: EventStore,
  order: { orderId: string; deliveryDueAt: string },
  timeoutMs: number,
): Promise<{ late: RecordedEvent; latenessMs: number }> {
  const [late] = await eventually(
    async () => {
      const events = (await store.readStream(`order-${order.orderId}`)).filter(
        (e) => e.type === 'OrderDeliveryLate',
      );
      return events.length ? events : undefined;
    },
    timeoutMs,
    'OrderDeliveryLate',
  );
  const markedAt = Date.parse((late.data as { markedAt: string }).markedAt);
  return { late, latenessMs: markedAt - Date.parse(order.deliveryDueAt) };
}
