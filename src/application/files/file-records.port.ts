import type { FilePurpose } from './file-purposes';

/** An uploaded file's record, written once at upload (files are infrastructure; see docs/files.md). */
export interface FileRecord {
  fileId: string;
  ownerId: string;
  purpose: FilePurpose;
  sizeBytes: number;
  sha256: string;
  contentType: string;
  originalName: string;
  storageKey: string;
  uploadedAt: string;
  erasedAt: string | null;
}

/** Where a command attached a file: `{ kind: 'order', subjectId: orderId }`. */
export interface FileAttachment {
  kind: string;
  subjectId: string;
}

export abstract class FileRecords {
  abstract insert(record: FileRecord): Promise<void>;
  abstract get(fileId: string): Promise<FileRecord | null>;
  abstract getMany(fileIds: string[]): Promise<FileRecord[]>;
  /** Records (idempotently) that a command named these files on a subject; answers the ids newly attached. */
  abstract attach(fileIds: string[], attachment: FileAttachment, at: string): Promise<string[]>;
  /** Forgets these attachments (a refused command's, so that it leaves nothing behind). */
  abstract detach(fileIds: string[], attachment: FileAttachment): Promise<void>;
  abstract attachments(fileId: string): Promise<FileAttachment[]>;
  /** The owner's files of these purposes that are not erased yet. */
  abstract ownedBy(ownerId: string, purposes: readonly FilePurpose[]): Promise<FileRecord[]>;
  /** Marks the record erased and forgets its original name (it may name the person). */
  abstract markErased(fileId: string, at: string): Promise<void>;
}
