import { Injectable } from '@nestjs/common';
import { Clock } from '../shared/clock';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { FILE_PURPOSES, PURPOSE_RULES } from './file-purposes';
import { FileRecords } from './file-records.port';
import { FileStorage } from './file-storage.port';

/** Purposes whose files hold their owner's personal data (docs/files.md, "Erasure"). */
export const PERSONAL_PURPOSES = FILE_PURPOSES.filter((p) => PURPOSE_RULES[p].personal);

/**
 * When an account is erased, its personal files leave storage and their records are marked erased.
 * Idempotent: a redelivered AccountErased finds nothing left to erase; a delete of a missing key is a no-op.
 */
@Injectable()
export class FileErasureReactor implements Reactor {
  readonly name = 'files.erasure';
  readonly filter = { categories: ['account'] };

  constructor(
    private readonly records: FileRecords,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'AccountErased') return;
    const accountId = String((event.data as { accountId: unknown }).accountId);
    for (const file of await this.records.ownedBy(accountId, PERSONAL_PURPOSES)) {
      await this.storage.delete(file.storageKey);
      await this.records.markErased(file.fileId, this.clock.now().toISOString());
    }
  }
}
