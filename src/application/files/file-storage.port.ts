import type { Readable } from 'node:stream';

/**
 * Where uploaded bytes live, by key. Adapters: a local directory (default) and any S3-compatible
 * object store; both pass the contract suite in test/contract/file-storage.contract.ts.
 */
export abstract class FileStorage {
  /** Writes the whole object; a second put under the same key replaces it. */
  abstract put(key: string, body: Buffer | Readable, contentType: string): Promise<void>;
  /** The object's bytes as a stream, or null when there is none under this key. */
  abstract get(key: string): Promise<Readable | null>;
  /** Removes the object; deleting a missing key is not an error (erasure may run twice). */
  abstract delete(key: string): Promise<void>;
  abstract exists(key: string): Promise<boolean>;
}

const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/;

/** Keys are ours, never a user's name: lowercase segments, no `..`, so no adapter can leave its root. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.includes('..') || key.length > 512)
    throw new Error(`Invalid storage key: ${key}`);
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
