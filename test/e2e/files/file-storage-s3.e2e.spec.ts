import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { postFile, samplePdf } from '../../support/files';
import { startTestApp, TestApp } from '../../support/test-app';

/** The whole upload and download path with FILE_STORAGE=s3, against an in-process S3-compatible server. */
describe('Files on an S3-compatible store', () => {
  let t: TestApp;
  let server: S3rver;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'mk-s3rver-e2e-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: 'uploads', configs: [] }],
    });
    const { port } = await server.run();
    t = await startTestApp({
      FILE_STORAGE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'uploads',
      S3_REGION: 'eu-west-3',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    });
  });
  afterAll(async () => {
    await t.close();
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('stores the upload in the bucket and serves the exact bytes through a signed link', async () => {
    const token = await t.tokenFor({ roles: ['provider'] });
    const pdf = await samplePdf('Sur S3');
    const uploaded = await postFile(t, token, 'deliverable', { bytes: pdf, filename: 'plan.pdf' });
    expect(uploaded.status).toBe(201);
    const link = await t.request('GET', `/files/${uploaded.body.fileId}/link`, { token });
    const download = await t.app.inject({ method: 'GET', url: link.body.url });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });
});
