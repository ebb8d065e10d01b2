import { buildOpenApi } from '../../../src/bootstrap';
import { startTestApp, TestApp } from '../../support/test-app';
import { MATRIX } from '../access/marketplace.matrix';

describe('marketplace OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('describes every marketplace route with a summary, a description and examples, and lists each in the access matrix', async () => {
    const doc = JSON.parse(JSON.stringify(buildOpenApi(t.app)));
    const routes = Object.entries(doc.paths as Record<string, Record<string, any>>)
      .filter(([path]) => /^\/(gigs|orders|custom-requests)(\/|$)/.test(path))
      .flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => ({
          path,
          method: method.toUpperCase(),
          operation,
        })),
      )
      .filter(({ operation }) =>
        operation.tags?.some((tag: string) => ['gigs', 'orders', 'custom requests'].includes(tag)),
      );
    expect(routes.length).toBe(MATRIX.length);
    for (const { path, method, operation } of routes) {
      expect({
        path,
        method,
        summary: typeof operation.summary,
        description: operation.description?.length > 20,
      }).toEqual({ path, method, summary: 'string', description: true });
      const success = Object.entries(operation.responses).find(([status]) =>
        status.startsWith('2'),
      );
      expect({ path, method, documented: Boolean(success) }).toEqual({
        path,
        method,
        documented: true,
      });
      expect(MATRIX.some((rule) => rule.method === method && rule.path === path)).toBe(true);
      if (method !== 'GET')
        expect(
          (operation.parameters ?? []).some(
            (p: any) => p.$ref === '#/components/parameters/IdempotencyKey',
          ),
        ).toBe(true);
    }
    expect(doc.components.schemas.PlaceOrderDto.properties.paymentMethod.example).toBe(
      'pm_card_visa',
    );
  });

  it('gives every error answer of every route the Problem schema, and names the platform-wide statuses', async () => {
    const doc = JSON.parse(JSON.stringify(buildOpenApi(t.app)));
    expect(doc.components.schemas.Problem.required).toEqual([
      'type',
      'title',
      'status',
      'code',
      'detail',
    ]);
    for (const [path, operations] of Object.entries(
      doc.paths as Record<string, Record<string, any>>,
    ))
      for (const [method, operation] of Object.entries(operations)) {
        expect({ path, method, security: Array.isArray(operation.security) }).toEqual({
          path,
          method,
          security: true,
        });
        for (const status of ['400', '503'])
          expect({ path, method, status, documented: status in operation.responses }).toEqual({
            path,
            method,
            status,
            documented: true,
          });
        for (const [status, response] of Object.entries(operation.responses as Record<string, any>))
          if (Number(status) >= 400)
            expect({
              path,
              method,
              status,
              schema: response.content?.['application/problem+json']?.schema,
            }).toEqual({
              path,
              method,
              status,
              schema: { $ref: '#/components/schemas/Problem' },
            });
      }
  });
});
