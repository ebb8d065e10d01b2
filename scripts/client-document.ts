/**
 * The application's OpenAPI document as the typed client is generated from it, and what of it the
 * client cannot type. Free of openapi-typescript (an ES module Jest cannot load), so tests use it.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPI3 } from 'openapi-typescript';
import { buildOpenApi } from '../src/bootstrap';
import { startTestApp } from '../test/support/test-app';

/** The document as an application describes itself, as plain JSON. */
export function documentOf(app: NestFastifyApplication): OpenAPI3 {
  return JSON.parse(JSON.stringify(buildOpenApi(app))) as OpenAPI3;
}

/** The document of the application as it is built now (on a throwaway test database). */
export async function currentDocument(): Promise<OpenAPI3> {
  const t = await startTestApp();
  try {
    return documentOf(t.app);
  } finally {
    await t.close();
  }
}

export interface UntypedSuccess {
  method: string;
  path: string;
  status: string;
  /**
   * `unknown`: a body whose schema names no type (an example only); `empty`: an object schema without
   * properties (`Record<string, never>`); `never`: no body documented; `none`: no 2xx at all.
   */
  kind: 'unknown' | 'empty' | 'never' | 'none';
}

const SHAPE_KEYWORDS = [
  'type',
  'properties',
  'additionalProperties',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'enum',
  'const',
];

/** How openapi-typescript will type a schema: as itself, as `unknown`, or as an empty record. */
function schemaKind(document: OpenAPI3, schema: any): 'typed' | 'unknown' | 'empty' {
  if (schema?.$ref) {
    const name = String(schema.$ref).split('/').pop() as string;
    return schemaKind(document, (document.components?.schemas as Record<string, unknown>)?.[name]);
  }
  if (!schema || !SHAPE_KEYWORDS.some((keyword) => keyword in schema)) return 'unknown';
  if (
    schema.type === 'object' &&
    !schema.properties &&
    !schema.additionalProperties &&
    !schema.allOf &&
    !schema.oneOf &&
    !schema.anyOf
  )
    return 'empty';
  return 'typed';
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * Operations whose success answer the generated client cannot type: openapi-typescript makes a 2xx
 * with content but no schema `unknown`, and a 2xx without content `never` (fine only for 204).
 */
export function untypedSuccesses(document: OpenAPI3): UntypedSuccess[] {
  const found: UntypedSuccess[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {}))
    for (const method of METHODS) {
      const operation = (item as Record<string, any>)[method];
      if (!operation) continue;
      const successes = Object.entries((operation.responses ?? {}) as Record<string, any>).filter(
        ([status]) => /^2/.test(status),
      );
      if (successes.length === 0)
        found.push({ method: method.toUpperCase(), path, status: '-', kind: 'none' });
      for (const [status, response] of successes) {
        if (status === '204') continue;
        const media = Object.values((response.content ?? {}) as Record<string, any>);
        if (media.length === 0)
          found.push({ method: method.toUpperCase(), path, status, kind: 'never' });
        else {
          const kind = media.map((m) => schemaKind(document, m.schema)).find((k) => k !== 'typed');
          if (kind) found.push({ method: method.toUpperCase(), path, status, kind });
        }
      }
    }
  return found;
}

export function operationCount(document: OpenAPI3): number {
  return Object.values(document.paths ?? {}).reduce(
    (sum, item) => sum + METHODS.filter((m) => (item as Record<string, unknown>)[m]).length,
    0,
  );
}

/** One line per kind, then each operation, so a run after a document change shows what is left. */
export function describeUntyped(document: OpenAPI3): string {
  const untyped = untypedSuccesses(document);
  const count = (kind: UntypedSuccess['kind']) =>
    new Set(untyped.filter((u) => u.kind === kind).map((u) => `${u.method} ${u.path}`)).size;
  const lines = [
    `${operationCount(document)} operations; success types the client cannot type: ` +
      `${count('unknown')} unknown, ${count('empty')} empty objects, ${count('never')} never, ${count('none')} without any 2xx.`,
    ...untyped.map((u) => `  ${u.kind.padEnd(7)} ${u.status.padEnd(3)} ${u.method} ${u.path}`),
  ];
  return lines.join('\n');
}
