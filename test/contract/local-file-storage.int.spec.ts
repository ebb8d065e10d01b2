import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFileStorage } from '../../src/infrastructure/files/local-file-storage';
import { describeFileStorageContract } from './file-storage.contract';

let parent: string;

describeFileStorageContract('local directory', async () => {
  parent = await mkdtemp(join(tmpdir(), 'mk-local-storage-'));
  // A directory that does not exist yet: the adapter creates it.
  return {
    storage: new LocalFileStorage(join(parent, 'var', 'files')),
    cleanup: () => rm(parent, { recursive: true, force: true }),
  };
});

describe('LocalFileStorage', () => {
  it('creates its directory on the first put', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mk-local-root-'));
    try {
      const storage = new LocalFileStorage(join(root, 'nested', 'files'));
      await storage.put('deliverable/a', Buffer.from('a'), 'application/pdf');
      expect((await stat(join(root, 'nested', 'files', 'deliverable', 'a'))).isFile()).toBe(true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
