import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { JobHandlers } from '../application/scheduling/job-handlers.port';
import { DigestLinks, digestLinkKey } from '../application/tenders/digest-links';
import { TenderDigestJob } from '../application/tenders/tender-digest.job';
import { TenderDigestReader } from '../application/tenders/tender-digest.port';
import { TenderPreferencesCommandHandler } from '../application/tenders/tender-preferences.handler';
import { AppConfig } from '../infrastructure/config/config';
import { TenderPreferencesController } from '../interfaces/http/tenders/tender-preferences.controller';
import { contextProjections } from '../projections/all-projections';
import { ProjectionRegistry } from '../projections/projection-registry';
import { ReadModelTenderDigestReader } from '../projections/tender-digest/tender-digest.queries';

const TENDER_DIGEST_PROJECTION = 'tender_digest';

/**
 * Tenders, the provider's side of the open list (issue 17 point 1, docs/tenders-digest.md): the
 * `tender_prefs-<providerId>` aggregate (preferences, digest on/off, hidden projects), the
 * `tender_digest` read model, the `tenders.daily-digest` job and its calendar chain, and the
 * signed unsubscribe link (its key derived from FILE_LINK_SECRET, the signed links' secret).
 */
@Module({})
export class TenderDigestModule implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('TenderDigestModule');

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: TenderDigestModule,
      imports: [CqrsModule],
      controllers: [TenderPreferencesController],
      providers: [
        TenderPreferencesCommandHandler,
        { provide: DigestLinks, useValue: new DigestLinks(digestLinkKey(config.FILE_LINK_SECRET)) },
        { provide: TenderDigestReader, useClass: ReadModelTenderDigestReader },
        TenderDigestJob,
      ],
    };
  }

  constructor(
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    private readonly jobs: JobHandlers,
    private readonly digestJob: TenderDigestJob,
  ) {}

  /** Only its own read model: the other tenders modules register theirs. */
  onModuleInit(): void {
    for (const projection of contextProjections('tenders'))
      if (projection.name === TENDER_DIGEST_PROJECTION) this.projections.register(projection);
    this.jobs.register('tenders.daily-digest', (job) => this.digestJob.run(job));
  }

  /** The calendar chain's first link (idempotent: one job id per day). */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.digestJob.scheduleAtStartUp();
    } catch (error) {
      this.logger.warn(`Could not schedule the tender digest: ${String(error)}`);
    }
  }
}
