/**
 * The orders bench's load generator, run as a child process so autocannon's own CPU does not
 * share the event loop of the application it measures. The parent sends one `LoadRequest`
 * over IPC and receives autocannon's result back.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';

export interface LoadSeller {
  token: string;
  gigId: string;
  /** A file the seller uploaded as `deliverable`, delivered on each of its orders. */
  deliverableId: string;
}

export interface LifecycleLoad {
  base: string;
  buyerToken: string;
  sellers: LoadSeller[];
  seconds: number;
  connections: number;
}

/** Every connection just POSTs to `floorUrl` (see `append-floor.ts`). */
export interface FloorLoad {
  floorUrl: string;
  seconds: number;
  connections: number;
}

export type LoadRequest = LifecycleLoad | FloorLoad;

/** Each connection loops over one order's whole lifecycle; the context carries the order and its seller. */
export function lifecycle(load: LifecycleLoad): Promise<autocannon.Result> {
  const { base, buyerToken, sellers, seconds, connections } = load;
  type Context = { orderId?: string; sellerToken?: string; deliverableId?: string };
  const auth = (token: string, withBody = false) =>
    withBody
      ? { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
      : { authorization: `Bearer ${token}` };
  const bySeller = (path: string, body?: (context: Context) => unknown) => ({
    method: 'POST' as const,
    setupRequest: (req: any, context: Context) =>
      context.orderId
        ? {
            ...req,
            path: `/orders/${context.orderId}/${path}`,
            headers: auth(context.sellerToken!, body !== undefined),
            body: body === undefined ? undefined : JSON.stringify(body(context)),
          }
        : null,
  });
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/orders',
        setupRequest: (req: any, context: Context) => {
          const seller = sellers[Math.floor(Math.random() * sellers.length)];
          context.sellerToken = seller.token;
          context.deliverableId = seller.deliverableId;
          return {
            ...req,
            headers: { ...auth(buyerToken, true), 'idempotency-key': randomUUID() },
            body: JSON.stringify({
              gigId: seller.gigId,
              extraIds: ['express'],
              paymentMethod: 'pm_card_visa',
            }),
          };
        },
        onResponse: (status: number, body: string, context: Context) => {
          context.orderId =
            status === 201 ? (JSON.parse(body) as { orderId: string }).orderId : undefined;
        },
      },
      bySeller('start'),
      bySeller('deliveries', (context) => ({
        message: 'Livrable final',
        fileRefs: [context.deliverableId],
      })),
      {
        method: 'POST',
        setupRequest: (req: any, context: Context) =>
          context.orderId
            ? { ...req, path: `/orders/${context.orderId}/accept`, headers: auth(buyerToken) }
            : null,
      },
    ] as any,
  });
}

/** Every connection POSTs an empty JSON body to one URL, as fast as it is answered. */
export function floor(load: FloorLoad): Promise<autocannon.Result> {
  return autocannon({
    url: load.floorUrl,
    connections: load.connections,
    duration: load.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
}

if (require.main === module && process.send) {
  process.once('message', (load: LoadRequest) => {
    ('floorUrl' in load ? floor(load) : lifecycle(load)).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (error: Error) => process.send!({ error: error.message }, () => process.exit(1)),
    );
  });
}
