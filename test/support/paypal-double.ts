import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request the double received. */
export interface RecordedPayPalRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: unknown;
}

type Json = Record<string, any>;

/**
 * A local HTTP double of the PayPal endpoints the adapter uses: the OAuth token, Payouts
 * (create, read) and webhook-signature verification. Batches are kept in memory by
 * sender_batch_id, and a repeated sender_batch_id answers the first batch (no second one).
 * Item outcomes follow `itemStatus`; a receiver whose address starts with `unregistered`
 * fails with RECEIVER_UNREGISTERED.
 */
export class PayPalDouble {
  readonly requests: RecordedPayPalRequest[] = [];
  /** Batches by sender_batch_id, in creation order. */
  readonly batches = new Map<string, Json>();
  itemStatus: 'SUCCESS' | 'PENDING' = 'SUCCESS';
  readonly clientId = 'paypal-double-client';
  readonly clientSecret = 'paypal-double-secret';
  readonly webhookId = 'WH-DOUBLE-1';
  private server: Server | null = null;
  private seq = 0;
  private readonly issuedTokens = new Set<string>();
  private dropNext = 0;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The PAYPAL_* settings pointing the application at this double. */
  get env(): Record<string, string> {
    return {
      PAYPAL_CLIENT_ID: this.clientId,
      PAYPAL_CLIENT_SECRET: this.clientSecret,
      PAYPAL_BASE_URL: this.baseUrl,
      PAYPAL_WEBHOOK_ID: this.webhookId,
    };
  }

  /** The next payout creation is carried out, then the connection is cut before the answer (a lost acknowledgement). */
  dropNextPayoutAnswer(): void {
    this.dropNext += 1;
  }

  /** Transmission headers PayPal would sign this exact event with (the double accepts only these). */
  sign(event: Json): Record<string, string> {
    const transmissionId = `tx-${++this.seq}`;
    return {
      'paypal-auth-algo': 'SHA256withRSA',
      'paypal-cert-url': `${this.baseUrl}/certs/double.pem`,
      'paypal-transmission-id': transmissionId,
      'paypal-transmission-time': new Date().toISOString(),
      'paypal-transmission-sig': this.signatureOf(transmissionId, event),
    };
  }

  /** Sets an item's outcome, as PayPal would later, and returns the webhook event announcing it. */
  settleItem(senderBatchId: string, outcome: 'SUCCEEDED' | 'FAILED'): Json {
    const batch = this.batches.get(senderBatchId);
    if (!batch) throw new Error(`no batch ${senderBatchId}`);
    const item = batch.items[0];
    item.transaction_status = outcome === 'SUCCEEDED' ? 'SUCCESS' : 'FAILED';
    if (outcome === 'FAILED')
      item.errors = { name: 'RECEIVER_UNREGISTERED', message: 'Receiver is unregistered' };
    return {
      id: `WH-EVT-${++this.seq}`,
      event_type: `PAYMENT.PAYOUTS-ITEM.${outcome}`,
      create_time: new Date().toISOString(),
      resource: item,
    };
  }

  private signatureOf(transmissionId: string, event: unknown): string {
    return createHash('sha256')
      .update(`${transmissionId}|${this.webhookId}|${JSON.stringify(event)}`)
      .digest('base64');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://double');
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
    );
    let body: unknown = text;
    try {
      body = text && headers['content-type']?.includes('json') ? JSON.parse(text) : text;
    } catch {
      // kept as text
    }
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, headers, body });
    const send = (status: number, payload: Json) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'paypal-debug-id': `dbg${this.seq}`,
      });
      res.end(JSON.stringify(payload));
    };

    if (method === 'POST' && url.pathname === '/v1/oauth2/token') {
      const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
      if (headers.authorization !== expected)
        return send(401, {
          error: 'invalid_client',
          error_description: 'Client Authentication failed',
        });
      const token = `A21AA-double-${++this.seq}`;
      this.issuedTokens.add(token);
      return send(200, {
        scope: 'https://uri.paypal.com/services/payouts',
        access_token: token,
        token_type: 'Bearer',
        expires_in: 32400,
      });
    }
    const bearer = headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!this.issuedTokens.has(bearer))
      return send(401, {
        name: 'AUTHENTICATION_FAILURE',
        message: 'Authentication failed due to invalid authentication credentials',
      });

    if (method === 'POST' && url.pathname === '/v1/payments/payouts') {
      const request = body as Json;
      const senderBatchId = request?.sender_batch_header?.sender_batch_id as string | undefined;
      const item = request?.items?.[0];
      if (!senderBatchId || !item?.receiver || !item?.amount?.value)
        return send(400, { name: 'VALIDATION_ERROR', message: 'Invalid request - see details' });
      let batch = this.batches.get(senderBatchId);
      if (!batch) {
        const batchId = `BATCH${++this.seq}`;
        const unregistered = String(item.receiver).startsWith('unregistered');
        batch = {
          batch_header: {
            payout_batch_id: batchId,
            batch_status: unregistered || this.itemStatus === 'SUCCESS' ? 'SUCCESS' : 'PENDING',
            sender_batch_header: request.sender_batch_header,
            amount: item.amount,
          },
          items: [
            {
              payout_item_id: `ITEM${this.seq}`,
              payout_batch_id: batchId,
              transaction_status: unregistered ? 'FAILED' : this.itemStatus,
              payout_item: { ...item },
              ...(unregistered
                ? { errors: { name: 'RECEIVER_UNREGISTERED', message: 'Receiver is unregistered' } }
                : {}),
            },
          ],
        };
        this.batches.set(senderBatchId, batch);
      }
      if (this.dropNext > 0) {
        this.dropNext -= 1;
        req.socket.destroy();
        return;
      }
      return send(201, { batch_header: { ...batch.batch_header, batch_status: 'PENDING' } });
    }
    const read = /^\/v1\/payments\/payouts\/([^/]+)$/.exec(url.pathname);
    if (method === 'GET' && read) {
      const batch = [...this.batches.values()].find(
        (b) => b.batch_header.payout_batch_id === read[1],
      );
      return batch
        ? send(200, batch)
        : send(404, {
            name: 'INVALID_RESOURCE_ID',
            message: 'Requested resource ID was not found.',
          });
    }
    if (method === 'POST' && url.pathname === '/v1/notifications/verify-webhook-signature') {
      const request = body as Json;
      const ok =
        request?.webhook_id === this.webhookId &&
        typeof request.transmission_id === 'string' &&
        request.transmission_sig ===
          this.signatureOf(request.transmission_id, request.webhook_event);
      return send(200, { verification_status: ok ? 'SUCCESS' : 'FAILURE' });
    }
    return send(404, { name: 'RESOURCE_NOT_FOUND', message: `No route ${method} ${url.pathname}` });
  }
}
