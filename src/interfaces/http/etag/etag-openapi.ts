import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = {
  $ref?: string;
  properties?: Record<string, unknown>;
  allOf?: Schema[];
  example?: unknown;
};
type Media = { schema?: Schema; example?: unknown };
type Response = {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, Media>;
};
type Operation = { parameters?: unknown[]; responses: Record<string, Response> };

const ETAG_HEADER = {
  description:
    'The `revision` as a strong entity tag, `"<revision>"`; send it back as `If-Match` to write only if nothing changed since.',
  schema: { type: 'string', example: '"3"' },
};
const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description:
    'The ETag last read; the answer is 304 without a body while the resource is still at it.',
  schema: { type: 'string', example: '"3"' },
};
const NOT_MODIFIED = {
  description: 'Not modified: `If-None-Match` names the current ETag.',
  headers: { ETag: ETAG_HEADER },
};

function carriesRevision(
  document: OpenAPIObject,
  schema: Schema | undefined,
  example: unknown,
): boolean {
  const hasRevision = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) && 'revision' in value;
  if (hasRevision(example)) return true;
  if (!schema) return false;
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    return carriesRevision(document, document.components?.schemas?.[name] as Schema, undefined);
  }
  return (
    Boolean(schema.properties && 'revision' in schema.properties) ||
    hasRevision(schema.example) ||
    (schema.allOf ?? []).some((part) => carriesRevision(document, part, undefined))
  );
}

/** Documents the `ETag` (and `If-None-Match`, 304) of every read whose answer carries a `revision`. */
export function withEntityTags(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    const read = (item as { get?: Operation }).get;
    const ok = read?.responses['200'];
    const json = ok?.content?.['application/json'];
    if (!read || !ok || !json || !carriesRevision(document, json.schema, json.example)) continue;
    ok.headers = { ...(ok.headers ?? {}), ETag: ETAG_HEADER };
    read.parameters = [...(read.parameters ?? []), IF_NONE_MATCH];
    read.responses['304'] = NOT_MODIFIED;
  }
  return document;
}
