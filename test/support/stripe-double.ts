import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request the double received, as the Stripe client sent it. */
export interface RecordedStripeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The form-encoded body, flattened (`metadata[escrowId]` stays a key). */
  body: Record<string, string>;
  idempotencyKey: string | undefined;
  stripeAccount: string | undefined;
}

interface Injected {
  method: string;
  path: RegExp;
  status: number;
  error: { type: string; code?: string; decline_code?: string; message: string; param?: string };
}

type Json = Record<string, unknown>;

/**
 * A local HTTP double of the Stripe endpoints the adapter uses (customers, setup intents,
 * payment intents (off-session ones of saved cards included), captures, cancellations, transfers
 * and reversals, charges, refunds bounded by what the charge has left, payouts). It keeps objects in
 * memory, replays an answer for a repeated Idempotency-Key (as Stripe does) and can be told to
 * fail the next call with a Stripe error body.
 */
export class StripeDouble {
  readonly requests: RecordedStripeRequest[] = [];
  private server: Server | null = null;
  private seq = 0;
  private readonly objects = new Map<string, Json>();
  private readonly idempotent = new Map<
    string,
    { fingerprint: string; status: number; body: Json }
  >();
  private readonly failures: Injected[] = [];
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /** Client options pointing the `stripe` package at this double. */
  get clientOptions() {
    return { host: '127.0.0.1', port: this.port, protocol: 'http' as const };
  }

  failNext(method: string, path: RegExp, status: number, error: Injected['error']): void {
    this.failures.push({ method, path, status, error });
  }

  object(id: string): Json | undefined {
    return this.objects.get(id);
  }

  /** Requests other than reads, in order. */
  get writes(): RecordedStripeRequest[] {
    return this.requests.filter((r) => r.method === 'POST');
  }

  reset(): void {
    this.requests.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://double');
    const body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const request: RecordedStripeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      idempotencyKey: header(req, 'idempotency-key'),
      stripeAccount: header(req, 'stripe-account'),
    };
    this.requests.push(request);
    const send = (status: number, payload: Json, extra: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'request-id': `req_${this.seq}`,
        ...extra,
      });
      res.end(JSON.stringify(payload));
    };
    const failure = this.failures.findIndex(
      (f) => f.method === request.method && f.path.test(request.path),
    );
    if (failure >= 0) {
      const [f] = this.failures.splice(failure, 1);
      return send(f.status, { error: f.error }, { 'stripe-should-retry': 'false' });
    }
    const key =
      request.idempotencyKey && request.method === 'POST'
        ? `${request.stripeAccount ?? ''}|${request.idempotencyKey}`
        : null;
    const fingerprint = `${request.path}|${JSON.stringify(body)}`;
    if (key && this.idempotent.has(key)) {
      const earlier = this.idempotent.get(key)!;
      if (earlier.fingerprint !== fingerprint) {
        return send(400, {
          error: {
            type: 'idempotency_error',
            message:
              'Keys for idempotent requests can only be used with the same parameters they were first used with.',
          },
        });
      }
      return send(earlier.status, earlier.body, { 'idempotent-replayed': 'true' });
    }
    const [status, payload] = this.route(request);
    if (key && status < 500) this.idempotent.set(key, { fingerprint, status, body: payload });
    send(status, payload);
  }

  private id(prefix: string): string {
    return `${prefix}_double${++this.seq}`;
  }

  private save(object: Json): Json {
    this.objects.set(String(object.id), object);
    return object;
  }

  private route(r: RecordedStripeRequest): [number, Json] {
    const b = r.body;
    const metadata = Object.fromEntries(
      Object.entries(b)
        .filter(([k]) => k.startsWith('metadata['))
        .map(([k, v]) => [k.slice(9, -1), v]),
    );
    let m: RegExpExecArray | null;
    if (r.method === 'POST' && r.path === '/v1/customers') {
      return [200, this.save({ id: this.id('cus'), object: 'customer', metadata })];
    }
    const deferredType = b['payment_method_types[0]'];
    if (
      r.method === 'POST' &&
      r.path === '/v1/payment_intents' &&
      (deferredType === 'customer_balance' || deferredType === 'paypal')
    ) {
      // Bank transfers and PayPal wait for the buyer: the intent asks for an action, funds come later.
      const amount = Number(b.amount);
      const id = this.id('pi');
      const nextAction =
        deferredType === 'customer_balance'
          ? {
              type: 'display_bank_transfer_instructions',
              display_bank_transfer_instructions: {
                type: 'eu_bank_transfer',
                reference: `REF${this.seq}`,
                amount_remaining: amount,
                currency: b.currency,
                financial_addresses: [
                  {
                    type: 'iban',
                    supported_networks: ['sepa'],
                    iban: {
                      iban: 'FR1420041010050500013M02606',
                      bic: 'STRIFRPPXXX',
                      account_holder_name: 'Stripe Double',
                      country: 'FR',
                    },
                  },
                ],
              },
            }
          : {
              type: 'redirect_to_url',
              redirect_to_url: {
                url: `https://pm-redirects.stripe.com/authorize/${id}`,
                return_url: b.return_url,
              },
            };
      return [
        200,
        this.save({
          id,
          object: 'payment_intent',
          amount,
          currency: b.currency,
          amount_capturable: 0,
          amount_received: 0,
          status: 'requires_action',
          customer: b.customer ?? null,
          payment_method_types: [deferredType],
          next_action: nextAction,
          latest_charge: null,
          transfer_group: b.transfer_group ?? null,
          metadata,
        }),
      ];
    }
    if (r.method === 'POST' && r.path === '/v1/payment_intents') {
      // `pm_card_chargeCustomerFail` is saved fine and refused off-session, as at Stripe.
      const offSessionFails =
        b.off_session === 'true' && b.payment_method?.includes('CustomerFail');
      if (b.payment_method?.includes('Declined') || offSessionFails) {
        return [
          402,
          {
            error: {
              type: 'card_error',
              code: 'card_declined',
              decline_code: 'insufficient_funds',
              message: 'Your card has insufficient funds.',
            },
          },
        ];
      }
      const amount = Number(b.amount);
      const manual = b.capture_method === 'manual';
      const charge = this.save({
        id: this.id('ch'),
        object: 'charge',
        amount,
        amount_refunded: 0,
        metadata,
      });
      return [
        200,
        this.save({
          id: this.id('pi'),
          object: 'payment_intent',
          amount,
          currency: b.currency,
          amount_capturable: manual ? amount : 0,
          amount_received: manual ? 0 : amount,
          status: manual ? 'requires_capture' : 'succeeded',
          capture_method: b.capture_method,
          customer: b.customer ?? null,
          payment_method: b.payment_method ?? null,
          off_session: b.off_session ?? null,
          latest_charge: charge.id,
          transfer_group: b.transfer_group ?? null,
          metadata,
        }),
      ];
    }
    if (r.method === 'GET' && r.path === '/v1/payment_intents') {
      // Newest first, as Stripe lists them.
      const data = [...this.objects.values()]
        .filter(
          (o) =>
            o.object === 'payment_intent' &&
            (r.query.customer === undefined || o.customer === r.query.customer),
        )
        .reverse()
        .slice(0, Number(r.query.limit ?? 10));
      return [200, { object: 'list', data, has_more: false, url: '/v1/payment_intents' }];
    }
    if ((m = /^\/v1\/payment_intents\/([^/]+)$/.exec(r.path)) && r.method === 'GET') {
      const pi = this.objects.get(m[1]);
      return pi
        ? [200, pi]
        : [
            404,
            {
              error: {
                type: 'invalid_request_error',
                code: 'resource_missing',
                message: `No such payment_intent: '${m[1]}'`,
                param: 'intent',
              },
            },
          ];
    }
    if ((m = /^\/v1\/payment_intents\/([^/]+)\/capture$/.exec(r.path))) {
      const pi = this.objects.get(m[1])!;
      // A partial capture (`amount_to_capture`) releases the rest of the authorisation.
      const captured =
        b.amount_to_capture !== undefined
          ? Math.min(Number(b.amount_to_capture), Number(pi.amount_capturable))
          : pi.amount_capturable;
      return [
        200,
        this.save({
          ...pi,
          status: 'succeeded',
          amount_received: captured,
          amount_capturable: 0,
        }),
      ];
    }
    if (r.method === 'POST' && r.path === '/v1/setup_intents') {
      if (b.payment_method?.includes('Declined')) {
        return [
          402,
          {
            error: {
              type: 'card_error',
              code: 'card_declined',
              message: 'Your card was declined.',
            },
          },
        ];
      }
      return [
        200,
        this.save({
          id: this.id('seti'),
          object: 'setup_intent',
          status: 'succeeded',
          customer: b.customer ?? null,
          payment_method: b.payment_method,
          usage: b.usage ?? 'off_session',
          metadata,
        }),
      ];
    }
    if ((m = /^\/v1\/payment_methods\/([^/]+)$/.exec(r.path)) && r.method === 'GET') {
      const attachedTo = [...this.objects.values()].find(
        (o) => o.object === 'payment_intent' && o.payment_method === m![1] && o.customer,
      );
      return [200, { id: m[1], object: 'payment_method', customer: attachedTo?.customer ?? null }];
    }
    if ((m = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(r.path))) {
      const pi = this.objects.get(m[1])!;
      return [
        200,
        this.save({
          ...pi,
          status: 'canceled',
          amount_capturable: 0,
          cancellation_reason: b.cancellation_reason ?? null,
        }),
      ];
    }
    if (r.method === 'POST' && r.path === '/v1/transfers') {
      return [
        200,
        this.save({
          id: this.id('tr'),
          object: 'transfer',
          amount: Number(b.amount),
          amount_reversed: 0,
          destination: b.destination,
          transfer_group: b.transfer_group,
          metadata,
        }),
      ];
    }
    if (r.method === 'GET' && r.path === '/v1/transfers') {
      const data = [...this.objects.values()].filter(
        (o) => o.object === 'transfer' && o.transfer_group === r.query.transfer_group,
      );
      return [200, { object: 'list', data, has_more: false, url: '/v1/transfers' }];
    }
    if ((m = /^\/v1\/transfers\/([^/]+)\/reversals$/.exec(r.path))) {
      const transfer = this.objects.get(m[1])!;
      this.save({
        ...transfer,
        amount_reversed: Number(transfer.amount_reversed) + Number(b.amount),
      });
      return [
        200,
        this.save({
          id: this.id('trr'),
          object: 'transfer_reversal',
          amount: Number(b.amount),
          transfer: m[1],
        }),
      ];
    }
    if ((m = /^\/v1\/charges\/([^/]+)$/.exec(r.path))) {
      const charge = this.objects.get(m[1]);
      return charge
        ? [200, charge]
        : [404, { error: { type: 'invalid_request_error', message: 'No such charge' } }];
    }
    if (r.method === 'POST' && r.path === '/v1/refunds') {
      const pi = this.objects.get(b.payment_intent);
      if (!pi || pi.object !== 'payment_intent') {
        return [
          404,
          {
            error: {
              type: 'invalid_request_error',
              code: 'resource_missing',
              message: `No such payment_intent: '${b.payment_intent}'`,
              param: 'payment_intent',
            },
          },
        ];
      }
      const charge = this.objects.get(String(pi.latest_charge))!;
      // As at Stripe: no amount refunds what is left; more than what is left is refused.
      const left = Number(charge.amount) - Number(charge.amount_refunded);
      const amount = b.amount === undefined ? left : Number(b.amount);
      if (left <= 0 || amount > left) {
        return [
          400,
          {
            error: {
              type: 'invalid_request_error',
              code: left <= 0 ? 'charge_already_refunded' : 'amount_too_large',
              message: `Refund amount (${amount}) is greater than the unrefunded amount on the charge (${left}).`,
              param: 'amount',
            },
          },
        ];
      }
      this.save({ ...charge, amount_refunded: Number(charge.amount_refunded) + amount });
      return [
        200,
        this.save({
          id: this.id('re'),
          object: 'refund',
          amount,
          payment_intent: pi.id,
          status: 'succeeded',
          metadata,
        }),
      ];
    }
    if (r.method === 'POST' && r.path === '/v1/payouts') {
      return [
        200,
        this.save({
          id: this.id('po'),
          object: 'payout',
          amount: Number(b.amount),
          currency: b.currency,
          method: b.method ?? 'standard',
          // An instant payout is paid at once.
          status: b.method === 'instant' ? 'paid' : 'pending',
          metadata,
        }),
      ];
    }
    return [
      404,
      {
        error: {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${r.method}: ${r.path})`,
        },
      },
    ];
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
