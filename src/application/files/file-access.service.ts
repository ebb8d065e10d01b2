import { Injectable } from '@nestjs/common';
import { fileNotFound } from './file.errors';
import { FileAccessPolicies, FileViewer } from './file-references.contract';
import { FileRecord, FileRecords } from './file-records.port';

/**
 * Who may read a file: its uploader, and whoever a registered policy lets read it where it was
 * attached. Anyone else, and everyone once it is erased, gets the same 404 as an unknown id.
 */
@Injectable()
export class FileAccess {
  constructor(
    private readonly records: FileRecords,
    private readonly policies: FileAccessPolicies,
  ) {}

  async readable(fileId: string, viewer: FileViewer): Promise<FileRecord> {
    const record = await this.records.get(fileId);
    if (!record || record.erasedAt !== null) throw fileNotFound();
    if (record.ownerId === viewer.accountId) return record;
    for (const { kind, subjectId } of await this.records.attachments(fileId)) {
      const policy = this.policies.get(kind);
      if (policy && (await policy.mayRead(subjectId, fileId, viewer))) return record;
    }
    throw fileNotFound();
  }
}
