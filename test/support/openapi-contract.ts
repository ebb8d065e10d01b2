import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks an answer against the OpenAPI document: the operation (method + path template) must
 * document the status, the media type it was sent with, and the body must match the schema.
 * Built once per app; one compiled validator per operation, status and media type.
 */

type Json = Record<string, any>;

export interface CheckedResponse {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The raw body; parsed here when the media type is JSON. */
  text: string;
}

interface Route {
  template: string;
  pattern: RegExp;
  /** Literal characters, so `/gigs/mine` wins over `/gigs/{gigId}`. */
  specificity: number;
  operations: Record<string, Json>;
}

const DOC_ID = 'openapi';
/**
 * Paths served beside the API, outside the document: bull-board's queue dashboard (its HTML and
 * its own JSON API, mounted on Fastify by src/interfaces/workers/queue-dashboard.ts), and the PayPal
 * webhook, which PayPal calls (not a front end) and the document leaves out like Stripe's.
 */
const OUTSIDE_THE_DOCUMENT = [/^\/admin\/queues(\/|$)/, /^\/webhooks\/paypal$/];

/** OpenAPI 3.0 schema -> JSON Schema ajv reads: `nullable` becomes a `null` type, refs point into the document. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'example' || key === 'examples' || key === 'discriminator' || key === 'xml')
      continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/'))
      out.$ref = `${DOC_ID}${value}`;
    else out[key] = toJsonSchema(value);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string' && !out.allOf && !out.$ref) {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    } else return { anyOf: [out, { type: 'null' }] };
  } else delete out.nullable;
  return out;
}

function routeOf(template: string, operations: Record<string, Json>): Route {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) =>
      /^\{[^}]+\}$/.test(part) ? '([^/]+?)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return {
    template,
    pattern: new RegExp(`^${source}/?$`),
    specificity: template.replace(/\{[^}]+\}/g, '').length,
    operations,
  };
}

function mediaTypeOf(headers: CheckedResponse['headers']): string | undefined {
  const value = headers['content-type'];
  return typeof value === 'string' ? value.split(';')[0].trim().toLowerCase() : undefined;
}

const isJson = (mediaType: string) =>
  mediaType === 'application/json' || mediaType.endsWith('+json');

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 8)
    .map(
      (e) =>
        `  at ${e.instancePath || '(root)'}: ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
    )
    .join('\n');
}

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: Json) {
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(
      { $id: DOC_ID, components: toJsonSchema(document.components ?? {}) },
      DOC_ID,
    );
    this.routes = Object.entries(document.paths as Record<string, Record<string, Json>>)
      .map(([template, item]) => routeOf(template, item))
      .sort((a, b) => b.specificity - a.specificity);
  }

  /** The operation documented for a method and a concrete URL, with its path template. */
  operationFor(method: string, url: string): { template: string; operation: Json } | undefined {
    const path = url.split('?')[0];
    for (const route of this.routes) {
      const operation = route.operations[method.toLowerCase()];
      if (operation && route.pattern.test(path)) return { template: route.template, operation };
    }
    return undefined;
  }

  /** Throws a `ContractViolation` naming method, path, status and each schema error. */
  check(response: CheckedResponse): void {
    if (OUTSIDE_THE_DOCUMENT.some((pattern) => pattern.test(response.url.split('?')[0]))) return;
    const method = response.method.toUpperCase();
    const found = this.operationFor(method, response.url);
    const where = `${method} ${found?.template ?? response.url.split('?')[0]} -> ${response.status}`;
    const fail = (reason: string): never => {
      throw new ContractViolation(
        `OpenAPI contract: ${where}: ${reason}\nbody: ${response.text.slice(0, 600)}`,
      );
    };
    if (!found) {
      // An unknown route is the router's 404 (or 405); anything else must be documented.
      if (response.status === 404 || response.status === 405) return;
      return fail('no operation in the document for this method and path');
    }
    const { responses } = found.operation as { responses: Record<string, Json> };
    const statusKey = String(response.status);
    const classKey = `${statusKey[0]}XX`;
    const documented = responses[statusKey] ?? responses[classKey] ?? responses.default;
    if (!documented)
      return fail(`status not documented (documented: ${Object.keys(responses).join(', ')})`);
    const content = (documented.content ?? {}) as Record<string, Json>;
    const mediaType = mediaTypeOf(response.headers);
    const hasBody = response.text.length > 0 && method !== 'HEAD';
    if (!hasBody) {
      if (Object.keys(content).length > 0 && response.status !== 304)
        fail(
          `the document promises a body (${Object.keys(content).join(', ')}), the answer has none`,
        );
      return;
    }
    if (Object.keys(content).length === 0)
      return fail('the answer has a body, the document describes none for this status');
    if (!mediaType) return fail('the answer has a body without a content-type');
    const media = content[mediaType] ?? content[`${mediaType.split('/')[0]}/*`] ?? content['*/*'];
    if (!media)
      return fail(
        `media type ${mediaType} not documented (documented: ${Object.keys(content).join(', ')})`,
      );
    if (!isJson(mediaType) || !media.schema) return;
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return fail(`the ${mediaType} body is not JSON`);
    }
    const validate = this.validatorFor(
      `${method} ${found.template} ${statusKey} ${mediaType}`,
      media.schema,
    );
    if (!validate(body))
      fail(`the body does not match the documented schema:\n${describeErrors(validate.errors)}`);
  }

  private validatorFor(key: string, schema: Json): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Json);
      this.validators.set(key, validate);
    }
    return validate;
  }
}
