import type { FileRecord } from './file-records.port';

/** A file's metadata as the API shows it (never its storage key). */
export interface FileView {
  fileId: string;
  ownerId: string;
  purpose: FileRecord['purpose'];
  sizeBytes: number;
  sha256: string;
  contentType: string;
  originalName: string;
  uploadedAt: string;
}

export const fileView = (r: FileRecord): FileView => ({
  fileId: r.fileId,
  ownerId: r.ownerId,
  purpose: r.purpose,
  sizeBytes: r.sizeBytes,
  sha256: r.sha256,
  contentType: r.contentType,
  originalName: r.originalName,
  uploadedAt: r.uploadedAt,
});
