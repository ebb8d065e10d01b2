import { Readable } from 'node:stream';
import { FileStorage, readAll } from '../../src/application/files/file-storage.port';

export interface FileStorageFixture {
  storage: FileStorage;
  cleanup(): Promise<void>;
}

/** What every FileStorage adapter must do; run against the local directory and an S3-compatible server. */
export function describeFileStorageContract(
  name: string,
  setup: () => Promise<FileStorageFixture>,
): void {
  describe(`FileStorage contract: ${name}`, () => {
    let fixture: FileStorageFixture;
    let storage: FileStorage;

    beforeAll(async () => {
      fixture = await setup();
      storage = fixture.storage;
    });
    afterAll(() => fixture.cleanup());

    it('gives back the exact bytes put under a key, from a buffer or a stream', async () => {
      const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a, 0x80]);
      await storage.put('deliverable/one', bytes, 'application/pdf');
      expect(await storage.exists('deliverable/one')).toBe(true);
      expect((await readAll((await storage.get('deliverable/one'))!)).equals(bytes)).toBe(true);

      const streamed = Buffer.alloc(300_000, 7);
      await storage.put(
        'deliverable/two',
        Readable.from([streamed.subarray(0, 1000), streamed.subarray(1000)]),
        'application/zip',
      );
      expect((await readAll((await storage.get('deliverable/two'))!)).equals(streamed)).toBe(true);
    });

    it('replaces an object put again under the same key', async () => {
      await storage.put('gig-gallery/cover', Buffer.from('first'), 'image/png');
      await storage.put('gig-gallery/cover', Buffer.from('second'), 'image/png');
      expect((await readAll((await storage.get('gig-gallery/cover'))!)).toString()).toBe('second');
    });

    it('answers null and false for a key that holds nothing', async () => {
      expect(await storage.get('deliverable/missing')).toBeNull();
      expect(await storage.exists('deliverable/missing')).toBe(false);
    });

    it('deletes, and deleting again is no error', async () => {
      await storage.put('verification-document/kbis', Buffer.from('kbis'), 'application/pdf');
      await storage.delete('verification-document/kbis');
      expect(await storage.exists('verification-document/kbis')).toBe(false);
      expect(await storage.get('verification-document/kbis')).toBeNull();
      await expect(storage.delete('verification-document/kbis')).resolves.toBeUndefined();
    });

    it('refuses keys that could leave its root', async () => {
      for (const key of ['../etc/passwd', '/absolute', 'deliverable/../../x', 'Upper/Case', '']) {
        await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(
          'Invalid storage key',
        );
      }
    });
  });
}
