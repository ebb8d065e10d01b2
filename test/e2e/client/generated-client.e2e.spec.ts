import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { operations } from '../../../client';
import { describeUntyped, documentOf, untypedSuccesses } from '../../../scripts/client-document';
import { startTestApp, TestApp } from '../../support/test-app';

const ROOT = join(__dirname, '..', '..', '..');

/** Each committed client file that differs from a fresh generation, with its first differing line. */
async function staleClientFiles(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'mk-client-'));
  try {
    await promisify(execFile)(
      join(ROOT, 'node_modules', '.bin', 'ts-node'),
      ['--transpile-only', join(ROOT, 'scripts', 'generate-client.ts'), '--out', dir],
      { cwd: ROOT },
    );
    const stale: string[] = [];
    for (const name of ['openapi.json', 'schema.d.ts']) {
      const fresh = (await readFile(join(dir, name), 'utf8')).split('\n');
      const committed = (await readFile(join(ROOT, 'client', name), 'utf8').catch(() => '')).split(
        '\n',
      );
      const line = fresh.findIndex((text, i) => text !== committed[i]);
      if (line >= 0 || fresh.length !== committed.length)
        stale.push(
          `client/${name} line ${line + 1}: committed ${JSON.stringify(committed[line] ?? null)}, generated ${JSON.stringify(fresh[line] ?? null)}`,
        );
    }
    return stale;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the generated client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('is the one the current document generates (else: run npm run client:generate)', async () => {
    // Generating means starting the application in a child process; slow on a busy machine.
    const stale = await staleClientFiles();
    if (stale.length > 0)
      throw new Error(
        `The committed client is out of date; run npm run client:generate and commit client/.\n${stale.join('\n')}`,
      );
  }, 180_000);

  it('documents the ETag, If-None-Match and 304 on reads carrying a revision, and no others', () => {
    const doc = documentOf(t.app);
    const order = (doc.paths as any)['/orders/{orderId}'].get;
    expect(Object.keys(order.responses['200'].headers)).toContain('ETag');
    expect(order.responses['304'].description).toMatch(/If-None-Match/);
    expect(order.parameters.map((p: { name: string }) => p.name)).toContain('If-None-Match');
    expect((doc.paths as any)['/wallet'].get.responses['200'].headers.ETag).toBeDefined();
    expect((doc.paths as any)['/dashboard/buyer'].get.responses['304']).toBeUndefined();
    // The generated types carry the header too, so a front end reads it by name.
    const etag: operations['OrdersController_get']['responses'][200]['headers']['ETag'] = '"3"';
    expect(etag).toBe('"3"');
  });

  it('names the operations whose success answer it cannot type', () => {
    const doc = documentOf(t.app);
    const report = describeUntyped(doc);
    expect(report.split('\n')[0]).toMatch(/^\d+ operations; success types the client cannot type/);
    for (const untyped of untypedSuccesses(doc))
      expect(report).toContain(`${untyped.method} ${untyped.path}`);
  });
});
