import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock } from '../shared/clock';
import { fileEmpty, fileInfected, fileTooLarge, fileTypeNotAllowed } from './file.errors';
import { FilePurpose, PURPOSE_RULES } from './file-purposes';
import { FileRecords } from './file-records.port';
import { FileStorage } from './file-storage.port';
import { detectFileType } from './file-type';
import { FileView, fileView } from './file-view';
import { VirusScanner } from './virus-scanner.port';

export interface Upload {
  fileId: string;
  ownerId: string;
  purpose: FilePurpose;
  originalName: string;
  bytes: Buffer;
}

/** The longest original name kept; longer ones are cut (the name is shown, never used as a path). */
const NAME_MAX = 200;

/** Checks an upload on its bytes (size, type, scanner), stores them, then writes the record once. */
@Injectable()
export class FileUploads {
  constructor(
    private readonly storage: FileStorage,
    private readonly records: FileRecords,
    private readonly scanner: VirusScanner,
    private readonly clock: Clock,
  ) {}

  async upload(upload: Upload): Promise<FileView> {
    const rule = PURPOSE_RULES[upload.purpose];
    if (upload.bytes.length === 0) throw fileEmpty();
    if (upload.bytes.length > rule.maxBytes) throw fileTooLarge(upload.purpose, rule.maxBytes);
    const detected = detectFileType(upload.bytes, rule.types);
    if (detected === null || !rule.types.includes(detected))
      throw fileTypeNotAllowed(upload.purpose, detected, rule.types);
    const scan = await this.scanner.scan(upload.bytes);
    if (scan.infected) throw fileInfected(scan.signature);
    const existing = await this.records.get(upload.fileId);
    if (existing) return fileView(existing);
    const storageKey = `${upload.purpose.replace(/_/g, '-')}/${upload.fileId}`;
    // Bytes first, record second: a record always has its bytes; a crash leaves at most an orphan object.
    await this.storage.put(storageKey, upload.bytes, detected);
    const record = {
      fileId: upload.fileId,
      ownerId: upload.ownerId,
      purpose: upload.purpose,
      sizeBytes: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      contentType: detected,
      originalName: safeName(upload.originalName),
      storageKey,
      uploadedAt: this.clock.now().toISOString(),
      erasedAt: null,
    };
    await this.records.insert(record);
    return fileView(record);
  }
}

/** Path separators and control characters out; the name only ever goes back in Content-Disposition. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && c !== '"')
    .join('')
    .trim()
    .slice(0, NAME_MAX);
  return clean === '' ? 'file' : clean;
}
