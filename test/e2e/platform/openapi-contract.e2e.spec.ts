import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildOpenApi } from '../../../src/bootstrap';
import { ContractViolation, OpenApiContract } from '../../support/openapi-contract';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * The OpenAPI document is the contract: it passes the Redocly lint (recommended rules) with no
 * error, every operation is complete, and the response checker every e2e request goes through
 * fails on an answer the document does not describe.
 */

type Json = Record<string, any>;
const run = promisify(execFile);
const ROOT = join(__dirname, '../../..');

const operationsOf = (doc: Json) =>
  Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );

describe('the OpenAPI contract', () => {
  let t: TestApp;
  let doc: Json;
  beforeAll(async () => {
    t = await startTestApp();
    doc = JSON.parse(JSON.stringify(buildOpenApi(t.app)));
  });
  afterAll(async () => t.close());

  it('passes `redocly lint` with the recommended rules, without an error or a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const { stdout } = await run(
        join(ROOT, 'node_modules/.bin/redocly'),
        ['lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format=json'],
        { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
      ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(stdout) as {
        totals: { errors: number; warnings: number };
        problems: Json[];
      };
      // Every problem, warnings too, with the rule and where: fix the document, not the rules.
      const problems = report.problems.map(
        (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`,
      );
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives every operation a summary, a description, defined tags and a typed body for each answer that has one', () => {
    const tags = new Map(
      (doc.tags as { name: string; description: string }[]).map((tag) => [
        tag.name,
        tag.description,
      ]),
    );
    expect(doc.servers.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const { path, method, operation } of operationsOf(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!operation.summary) problems.push(`${where}: no summary`);
      if (!operation.description) problems.push(`${where}: no description`);
      for (const tag of operation.tags ?? [])
        if (!tags.get(tag)) problems.push(`${where}: tag "${tag}" has no description in API_TAGS`);
      const successes = Object.entries(operation.responses as Record<string, Json>).filter(([s]) =>
        s.startsWith('2'),
      );
      if (successes.length === 0) problems.push(`${where}: no 2xx answer`);
      for (const [status, response] of successes) {
        if (status === '204') continue;
        const media = Object.values((response.content ?? {}) as Record<string, Json>);
        if (media.length === 0) problems.push(`${where} ${status}: no body documented`);
        for (const { schema } of media)
          if (!schema || !(schema.$ref || schema.type || schema.allOf || schema.oneOf))
            problems.push(`${where} ${status}: body without a schema type`);
      }
      const headers = (operation.parameters ?? [])
        .map((p: Json) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()] : p))
        .filter((p: Json) => p.in === 'header')
        .map((p: Json) => p.name.toLowerCase());
      if (new Set(headers).size !== headers.length)
        problems.push(`${where}: a header declared twice`);
      for (const p of operation.parameters ?? [])
        if (p.in === 'header' && /^(if-match|idempotency-key)$/i.test(p.name))
          problems.push(`${where}: ${p.name} not shared`);
    }
    for (const shared of ['IdempotencyKey', 'IfMatch'])
      expect(doc.components.parameters[shared].required).toBe(false);
    expect(problems).toEqual([]);
  });

  it('documents no string as an object: a schema `object` names its properties', () => {
    const vague: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Json;
      if (
        schema.type === 'object' &&
        !schema.properties &&
        !schema.additionalProperties &&
        !schema.allOf
      )
        vague.push(at);
      for (const [key, value] of Object.entries(schema))
        if (key !== 'example' && key !== 'examples') walk(value, `${at}/${key}`);
    };
    walk(doc.components.schemas, '#/components/schemas');
    walk(doc.paths, '#/paths');
    expect(vague).toEqual([]);
  });

  it('lists the stable codes of each documented refusal, and the idempotency conflict on every state change', () => {
    for (const { path, method, operation } of operationsOf(doc)) {
      if (method === 'get') continue;
      expect({ path, method, codes: operation.responses['409']?.['x-codes'] }).toEqual({
        path,
        method,
        codes: expect.arrayContaining(['IDEMPOTENCY_REQUEST_IN_PROGRESS']),
      });
    }
  });

  describe('the response checker', () => {
    it('accepts a documented answer', async () => {
      const token = await t.tokenFor({ roles: ['client'] });
      const answer = await t.request('GET', '/dashboard/buyer', { token });
      expect(answer.status).toBe(200);
    });

    const me = async () => {
      const token = await t.tokenFor({ roles: ['client'] });
      const answer = await t.request('GET', '/invoices', { token });
      return {
        method: 'GET',
        url: '/invoices?limit=5',
        status: answer.status,
        headers: answer.headers,
        text: answer.text,
      };
    };

    it('fails on a status the document does not name', async () => {
      const tampered = JSON.parse(JSON.stringify(doc));
      delete tampered.paths['/invoices'].get.responses['200'];
      const checker = new OpenApiContract(tampered);
      expect(() => checker.check(me0)).toThrow(ContractViolation);
      expect(() => checker.check(me0)).toThrow(/GET \/invoices -> 200: status not documented/);
    });

    it('fails on a body that does not match the schema, naming the instance path', async () => {
      const tampered = JSON.parse(JSON.stringify(doc));
      tampered.components.schemas.InvoiceListResponse.required = ['items', 'nextCursor'];
      tampered.components.schemas.InvoiceListResponse.properties.items = { type: 'string' };
      const checker = new OpenApiContract(tampered);
      expect(() => checker.check(me0)).toThrow(
        /does not match the documented schema:\n {2}at \(root\): must have required property 'nextCursor'[\s\S]*at \/items: must be string/,
      );
    });

    it('fails on an answer to a route the document does not have, and on an undocumented body', async () => {
      const checker = new OpenApiContract(doc);
      expect(() => checker.check({ ...me0, url: '/invoices/summary/yearly' })).toThrow(
        /no operation in the document/,
      );
      expect(() =>
        checker.check({
          method: 'POST',
          url: '/auth/logout',
          status: 204,
          headers: { 'content-type': 'application/json' },
          text: '{"ok":true}',
        }),
      ).toThrow(/POST \/auth\/logout -> 204: the answer has a body, the document describes none/);
    });

    let me0: Parameters<OpenApiContract['check']>[0];
    beforeAll(async () => {
      me0 = await me();
    });
  });
});
