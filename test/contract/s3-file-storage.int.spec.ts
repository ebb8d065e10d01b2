import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { S3FileStorage } from '../../src/infrastructure/files/s3-file-storage';
import { describeFileStorageContract } from './file-storage.contract';

const BUCKET = 'marketplace-files';

/** The S3 adapter against s3rver, an in-process S3-compatible server on a random port. */
describeFileStorageContract('S3-compatible (s3rver)', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'mk-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  const storage = new S3FileStorage({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-west-3',
    bucket: BUCKET,
    // s3rver's fixed development credentials: the adapter signs every request as it would for S3.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });
  return {
    storage,
    async cleanup() {
      storage.close();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});
