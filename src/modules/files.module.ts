import { DynamicModule, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { FileAccess } from '../application/files/file-access.service';
import { FileErasureReactor } from '../application/files/file-erasure.reactor';
import { FileLinks } from '../application/files/file-links';
import { FileAccessPolicies, FileReferences } from '../application/files/file-references.contract';
import { FileRecords } from '../application/files/file-records.port';
import { FILE_SETTINGS, FileSettings } from '../application/files/file-settings';
import { FileStorage } from '../application/files/file-storage.port';
import { FileUploads } from '../application/files/file-uploads.service';
import { VirusScanner } from '../application/files/virus-scanner.port';
import { ReactorRegistry } from '../application/shared/reactor';
import { AppConfig } from '../infrastructure/config/config';
import { PG_POOL } from '../infrastructure/database/database.tokens';
import { LocalFileStorage } from '../infrastructure/files/local-file-storage';
import { PostgresFileRecords } from '../infrastructure/files/postgres-file-records';
import { S3FileStorage } from '../infrastructure/files/s3-file-storage';
import { AcceptAllVirusScanner, EicarVirusScanner } from '../infrastructure/files/virus-scanners';
import { FilesController } from '../interfaces/http/files/files.controller';

export function createFileStorage(config: AppConfig): FileStorage {
  if (config.FILE_STORAGE === 'local') return new LocalFileStorage(config.FILE_STORAGE_DIR);
  return new S3FileStorage({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    bucket: config.S3_BUCKET!,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

/**
 * Files: uploads checked on their bytes, the storage port (local disk or S3), signed download
 * links, access through the policies the owning contexts register, and erasure with the account.
 * Global, so other contexts reach `FileReferences` and `FileAccessPolicies` (the files contract).
 */
@Module({})
export class FilesModule implements OnModuleInit, OnApplicationShutdown {
  static forRoot(config: AppConfig): DynamicModule {
    const settings: FileSettings = {
      linkSecret: config.FILE_LINK_SECRET,
      linkTtlSeconds: config.FILE_LINK_TTL_SECONDS,
    };
    return {
      module: FilesModule,
      global: true,
      controllers: [FilesController],
      providers: [
        { provide: FILE_SETTINGS, useValue: settings },
        { provide: FileStorage, useFactory: () => createFileStorage(config) },
        {
          provide: FileRecords,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new PostgresFileRecords(pool),
        },
        {
          provide: VirusScanner,
          useValue:
            config.VIRUS_SCANNER === 'eicar'
              ? new EicarVirusScanner()
              : new AcceptAllVirusScanner(),
        },
        FileAccessPolicies,
        FileReferences,
        FileAccess,
        FileLinks,
        FileUploads,
        FileErasureReactor,
      ],
      exports: [FileReferences, FileAccessPolicies],
    };
  }

  constructor(
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly erasure: FileErasureReactor,
    private readonly storage: FileStorage,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.erasure);
  }

  onApplicationShutdown(): void {
    if (this.storage instanceof S3FileStorage) this.storage.close();
  }
}
