import { Client, Environment, OAuthAuthorizationController } from '@paypal/paypal-server-sdk';
import { PaymentGatewayUnavailableError } from '../stripe/stripe-errors';

const ORIGINS: Record<string, Environment> = {
  'https://api-m.paypal.com': Environment.Production,
  'https://api-m.sandbox.paypal.com': Environment.Sandbox,
};

/** PayPal answered a request with a 4xx: `name` is PayPal's error name (e.g. `VALIDATION_ERROR`). */
export class PayPalRequestError extends Error {
  constructor(
    readonly status: number,
    readonly paypalName: string,
    readonly body: unknown,
  ) {
    super(`PayPal refused the request (${status} ${paypalName})`);
    this.name = 'PayPalRequestError';
  }
}

type Json = Record<string, unknown>;

/**
 * An axios adapter (the SDK's HTTP client is axios) that sends the SDK's requests to another
 * origin with fetch, because the SDK only knows PayPal's sandbox and live hosts.
 */
function rebasedAdapter(baseUrl: string) {
  return async (config: {
    url?: string;
    method?: string;
    headers?: { toJSON?: () => Record<string, string> } & Record<string, unknown>;
    data?: unknown;
    auth?: { username: string; password: string };
  }) => {
    const target = new URL(config.url ?? '/');
    const url = new URL(target.pathname + target.search, baseUrl);
    const headers: Record<string, string> = {};
    const raw = config.headers?.toJSON ? config.headers.toJSON() : (config.headers ?? {});
    for (const [k, v] of Object.entries(raw)) if (v != null) headers[k] = String(v);
    if (config.auth)
      headers.authorization = `Basic ${Buffer.from(`${config.auth.username}:${config.auth.password}`).toString('base64')}`;
    const response = await fetch(url, {
      method: (config.method ?? 'get').toUpperCase(),
      headers,
      body: typeof config.data === 'string' ? config.data : undefined,
    });
    return {
      data: await response.text(),
      status: response.status,
      statusText: response.statusText,
      headers: Object.fromEntries(response.headers),
      config,
      request: {},
    };
  };
}

/**
 * PayPal's REST API: the OAuth client-credentials token comes from PayPal's server SDK
 * (`OAuthAuthorizationController`, with its client and environment configuration); the SDK has
 * no Payouts or webhook-verification controller, so those calls are plain fetch on the same
 * base URL with the SDK's token.
 */
export class PayPalApi {
  private readonly oauth: OAuthAuthorizationController;
  private token: { value: string; expiresAt: number } | null = null;

  constructor(
    private readonly options: {
      clientId: string;
      clientSecret: string;
      baseUrl: string;
      now?: () => number;
    },
  ) {
    const origin = new URL(options.baseUrl).origin;
    const environment = ORIGINS[origin];
    const client = new Client({
      environment: environment ?? Environment.Sandbox,
      timeout: 15_000,
      clientCredentialsAuthCredentials: {
        oAuthClientId: options.clientId,
        oAuthClientSecret: options.clientSecret,
      },
      ...(environment ? {} : { unstable_httpClientOptions: { adapter: rebasedAdapter(origin) } }),
    });
    this.oauth = new OAuthAuthorizationController(client);
  }

  get baseUrl(): string {
    return new URL(this.options.baseUrl).origin;
  }

  /** Sends a JSON request with a bearer token; 5xx, 429 and network errors are retried by the caller. */
  async request<T = Json>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const token = await this.accessToken();
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new PaymentGatewayUnavailableError(
        `paypal: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (response.status === 401) this.token = null;
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as T) : ({} as T);
    if (response.status >= 500 || response.status === 429 || response.status === 401)
      throw new PaymentGatewayUnavailableError(`paypal: HTTP ${response.status}`);
    if (response.status >= 400) {
      const name = String((parsed as Json).name ?? 'PAYPAL_REQUEST_REFUSED');
      throw new PayPalRequestError(response.status, name, parsed);
    }
    return { status: response.status, body: parsed };
  }

  private async accessToken(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    if (this.token && this.token.expiresAt > now) return this.token.value;
    const basic = Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString(
      'base64',
    );
    let result;
    try {
      result = await this.oauth.requestToken({ authorization: `Basic ${basic}` });
    } catch (error) {
      throw new PaymentGatewayUnavailableError(
        `paypal oauth: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const expiresIn = Number(result.result.expiresIn ?? 300n);
    // Renew a minute early so a token never expires mid-request.
    this.token = {
      value: result.result.accessToken,
      expiresAt: now + Math.max(expiresIn - 60, 1) * 1000,
    };
    return this.token.value;
  }
}
