import { Injectable } from '@nestjs/common';
import { Clock } from '../shared/clock';
import { filePurposeMismatch, referencedFileNotFound } from './file.errors';
import type { FilePurpose } from './file-purposes';
import { FileAttachment, FileRecords } from './file-records.port';

export type { FilePurpose } from './file-purposes';
export type { FileAttachment } from './file-records.port';

/** Who asks to read a file. */
export interface FileViewer {
  accountId: string;
  roles: readonly string[];
}

/**
 * How a context answers "may this viewer read this file attached to my subject?". It must check
 * its own events (the file really is referenced there), since an attachment row is only a hint
 * written before the command that names the file was decided.
 */
export interface FileAccessPolicy {
  mayRead(subjectId: string, fileId: string, viewer: FileViewer): Promise<boolean>;
}

/** Staff who may open the files attached to a case: mediation reads them to arbitrate. */
const FILE_STAFF_ROLES = ['mediator', 'admin'];

export const isFileStaff = (viewer: FileViewer): boolean =>
  viewer.roles.some((role) => FILE_STAFF_ROLES.includes(role));

/**
 * The usual policy: one of the subject's events names the file in the field its type attaches
 * files with (`{ OrderDelivered: 'fileRefs' }`, an array or a single id), and the viewer is one of
 * the subject's parties or file staff. Old events holding opaque strings simply never match.
 */
export function partiesMayRead(
  events: readonly { type: string; data: unknown }[],
  fields: Readonly<Record<string, string>>,
  fileId: string,
  viewer: FileViewer,
  parties: readonly (string | undefined)[],
): boolean {
  const named = events.some((event) => {
    const field = fields[event.type];
    const refs = field ? (event.data as Record<string, unknown>)[field] : undefined;
    return Array.isArray(refs) ? refs.includes(fileId) : refs === fileId;
  });
  return named && (parties.includes(viewer.accountId) || isFileStaff(viewer));
}

/** Contexts register a policy per attachment kind (`order`, `dispute`, `mission`...) in `onModuleInit`. */
@Injectable()
export class FileAccessPolicies {
  private readonly policies = new Map<string, FileAccessPolicy>();

  register(kind: string, policy: FileAccessPolicy): void {
    if (this.policies.has(kind))
      throw new Error(`A file access policy for ${kind} is already registered`);
    this.policies.set(kind, policy);
  }

  get(kind: string): FileAccessPolicy | undefined {
    return this.policies.get(kind);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Published contract: a command that takes file references runs inside `attach`, so every
 * reference is a file the actor uploaded with the right purpose (else 422 FILE_NOT_FOUND or
 * FILE_PURPOSE_MISMATCH before the command runs), and the file can be found from its subject.
 * The attachment is written before the command (so a crash after the command's append never loses
 * it) and removed again when the command is refused, so a refusal leaves nothing behind; a crash
 * between the two leaves only a hint that grants nothing, since every policy checks its own events.
 */
@Injectable()
export class FileReferences {
  constructor(
    private readonly records: FileRecords,
    private readonly clock: Clock,
  ) {}

  /** `field` names the request's array field in errors (`fileRefs` gives `fileRefs.1`). */
  attach<T>(
    actorId: string,
    fileIds: readonly string[],
    purpose: FilePurpose,
    attachment: FileAttachment,
    field: string,
    command: () => Promise<T>,
  ): Promise<T> {
    return this.during(
      actorId,
      fileIds,
      purpose,
      attachment,
      (index) => `${field}.${index}`,
      command,
    );
  }

  /** One reference held in a single field (`uploadRef`). */
  attachOne<T>(
    actorId: string,
    fileId: string,
    purpose: FilePurpose,
    attachment: FileAttachment,
    field: string,
    command: () => Promise<T>,
  ): Promise<T> {
    return this.during(actorId, [fileId], purpose, attachment, () => field, command);
  }

  private async during<T>(
    actorId: string,
    fileIds: readonly string[],
    purpose: FilePurpose,
    attachment: FileAttachment,
    fieldAt: (index: number) => string,
    command: () => Promise<T>,
  ): Promise<T> {
    if (fileIds.length === 0) return command();
    const found = new Map(
      (await this.records.getMany(fileIds.filter((id) => UUID.test(id)))).map((r) => [r.fileId, r]),
    );
    fileIds.forEach((fileId, index) => {
      const record = found.get(fileId.toLowerCase());
      if (!record || record.ownerId !== actorId || record.erasedAt !== null)
        throw referencedFileNotFound(fileId, fieldAt(index));
      if (record.purpose !== purpose)
        throw filePurposeMismatch(fileId, fieldAt(index), purpose, record.purpose);
    });
    const added = await this.records.attach(
      fileIds.map((id) => id.toLowerCase()),
      attachment,
      this.clock.now().toISOString(),
    );
    try {
      return await command();
    } catch (error) {
      if (added.length > 0) await this.records.detach(added, attachment);
      throw error;
    }
  }
}
